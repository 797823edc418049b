package dev.xmppreactive.samples.spring;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's XMPP account and how to reach its server, bound from {@code xmpp.*} properties
 * (or {@code XMPP_*} environment variables).
 *
 * @param jid        the account, as {@code user@domain} (required)
 * @param password   its password (required; better from the environment than from a file)
 * @param host       the server's host; without it, DNS SRV records of the JID's domain say
 * @param port       the server's port; 5222 by default (5223 with direct TLS)
 * @param directTls  TLS from the first byte (XEP-0368) rather than STARTTLS
 * @param trustPem   a PEM file of CA certificates to trust instead of the JDK's trust store
 */
@ConfigurationProperties("xmpp")
public record XmppProperties(String jid, String password, String host, Integer port,
                             boolean directTls, Path trustPem) {
}
