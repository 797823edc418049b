package dev.xmppreactive.samples.spring;

/**
 * What {@code POST /messages} answers once the XMPP server has taken the message (XEP-0198
 * acknowledgement, or written where the server has no stream management).
 *
 * @param id the stanza id the message was sent with
 * @param to the recipient
 */
public record SendResult(String id, String to) {
}
