/**
 * The XML stream codec (RFC 6120 §4, §11): bytes of an XMPP stream to headers, elements and the
 * stream's end, and back.
 *
 * <ul>
 *   <li>{@link dev.xmppreactive.codec.XmlStreamDecoder} and
 *       {@link dev.xmppreactive.codec.XmlStreamEncoder}: the two Netty handlers of a connection's
 *       pipeline. The decoder runs {@link dev.xmppreactive.codec.XmlStreamParser}, a push parser on
 *       Aalto's non-blocking reader that can also be used without Netty.</li>
 *   <li>{@link dev.xmppreactive.codec.XmlLimits}: the bounds that keep memory bounded whatever a peer
 *       sends; {@link dev.xmppreactive.codec.XmlFramingException}: the typed error for refused input,
 *       with the stream error condition to answer it with.</li>
 *   <li>{@link dev.xmppreactive.codec.XmlParser}: one standalone element from a string or bytes,
 *       with the same restrictions.</li>
 *   <li>{@link dev.xmppreactive.codec.ByteBufXmlOutput}: an {@code XmlOutput} that writes UTF-8
 *       straight into a Netty buffer.</li>
 * </ul>
 */
package dev.xmppreactive.codec;
