package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.sasl.SaslOutcome;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.tls.TlsSessionInfo;

/**
 * What a successful negotiation established.
 *
 * @param jid          the bound full JID
 * @param features     the features of the last stream (after authentication)
 * @param serverHeader the server's last stream header (its id, version, language)
 * @param tls          the TLS session, or {@code null} in cleartext
 * @param sasl         how the client authenticated
 */
record Negotiated(Jid jid, StreamFeatures features, StreamHeader serverHeader, TlsSessionInfo tls,
                  SaslOutcome sasl) {
}
