/**
 * XML stanzas, RFC 6120 §8 and RFC 6121 §4.7, §5.2: the sealed {@link dev.xmppreactive.stanza.Stanza}
 * with its three kinds {@link dev.xmppreactive.stanza.Message},
 * {@link dev.xmppreactive.stanza.Presence} and {@link dev.xmppreactive.stanza.Iq}; stanza errors
 * ({@link dev.xmppreactive.stanza.StanzaError}, §8.3); and the per-client
 * {@link dev.xmppreactive.stanza.ExtensionRegistry} that maps extension elements (§8.4) to Java types,
 * by hand-written codecs or through Jackson's {@code XmlMapper}.
 *
 * <p>A stanza keeps the element it was decoded from or built as (nothing it does not understand is
 * dropped) and offers typed views over it:
 *
 * <pre>{@code
 * // Inbound: the codec yields elements; the decoder checks and wraps them.
 * Stanza s = Stanza.fromElement(element);          // StanzaFormatException for invalid input
 * if (s instanceof Message m && m.body() != null) { … m.from(), m.type(), m.thread() … }
 * if (s instanceof Iq iq && iq.isRequest()) {
 *   send(iq.errorReply(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE)));
 * }
 *
 * // Outbound: builders and copies; the encoder writes s.toXmlElement().
 * Message hello = Message.builder().to(romeo).type(Message.Type.CHAT).body("The quick brown fox…")
 *     .extension(registry, new Receipt.Request()).build();
 * Iq ping = Iq.get(server, XmlElement.empty("ping", "urn:xmpp:ping"));
 * }</pre>
 */
package dev.xmppreactive.stanza;
