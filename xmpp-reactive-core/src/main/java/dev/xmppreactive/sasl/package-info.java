/**
 * SASL authentication for XMPP (RFC 6120 §6) as a transport-free state machine over XML elements.
 *
 * <p>The client's negotiation driver reads the server's {@code <stream:features/>}, starts a
 * {@link dev.xmppreactive.sasl.SaslAttempt}, sends its {@code <auth/>} element, and feeds every element
 * the server sends back to {@link dev.xmppreactive.sasl.SaslAttempt#receive}, sending the responses it
 * returns until it reports success. Nothing here touches a socket, a thread or a clock.
 *
 * <p>Mechanisms: SCRAM-SHA-512, -256 and -1 (RFC 5802, RFC 7677) and their -PLUS variants with channel
 * binding ({@code tls-exporter} of RFC 9266, {@code tls-unique} and {@code tls-server-end-point} of RFC
 * 5929), PLAIN (RFC 4616, over TLS only), EXTERNAL (RFC 4422 Appendix A, with a TLS client
 * certificate) and ANONYMOUS (RFC 4505). {@link dev.xmppreactive.sasl.SaslSelector} picks the strongest
 * that both sides offer, reading XEP-0440 channel-binding types when the server advertises them; SCRAM
 * verifies the server's signature and, where the server offers it, XEP-0474 downgrade protection.
 * Passwords are prepared with PRECIS OpaqueString (RFC 8265 §4.2).
 *
 * <p>Not done here: XEP-0388 (Extensible SASL Profile, "SASL2"), its inline features and FAST tokens;
 * only the RFC 6120 profile is implemented.
 */
package dev.xmppreactive.sasl;
