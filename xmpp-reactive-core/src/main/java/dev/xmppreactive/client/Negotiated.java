package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.sasl.SaslOutcome;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.tls.TlsSessionInfo;
import dev.xmppreactive.xml.XmlElement;
import java.util.List;

/**
 * What a successful negotiation established.
 *
 * @param jid          the bound full JID
 * @param features     the features of the last stream (after authentication)
 * @param serverHeader the server's last stream header (its id, version, language)
 * @param tls          the TLS session, or {@code null} in cleartext
 * @param sasl         how the client authenticated
 * @param sm           what happened about Stream Management
 * @param early        stanzas that came during the negotiation's last steps, for the session
 */
record Negotiated(Jid jid, StreamFeatures features, StreamHeader serverHeader, TlsSessionInfo tls,
                  SaslOutcome sasl, SmOutcome sm, List<XmlElement> early) {
}
