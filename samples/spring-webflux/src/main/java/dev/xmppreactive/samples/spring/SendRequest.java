package dev.xmppreactive.samples.spring;

/**
 * What {@code POST /messages} takes (JSON).
 *
 * @param to   the recipient's JID (required)
 * @param body the text (required)
 * @param type {@code chat} (the default), {@code normal} or {@code headline}
 */
public record SendRequest(String to, String body, String type) {
}
