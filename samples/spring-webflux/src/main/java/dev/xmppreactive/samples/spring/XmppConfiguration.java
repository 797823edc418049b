package dev.xmppreactive.samples.spring;

import dev.xmppreactive.client.XmppClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The XMPP beans: the client (a configuration), the session it connects, and the message feed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(XmppProperties.class)
public class XmppConfiguration {

  /**
   * The client, from the {@code xmpp.*} properties.
   *
   * @throws IllegalStateException if the JID or the password is missing
   */
  @Bean
  public XmppClient xmppClient(XmppProperties p) {
    if (p.jid() == null || p.jid().isBlank() || p.password() == null || p.password().isEmpty()) {
      throw new IllegalStateException("set xmpp.jid and xmpp.password (or the environment "
          + "variables XMPP_JID and XMPP_PASSWORD)");
    }
    XmppClient client = XmppClient.create().credentials(p.jid(), p.password())
        .directTls(p.directTls());
    if (p.host() != null) {
      client = client.host(p.host());
    }
    if (p.port() != null) {
      client = client.port(p.port());
    }
    if (p.trustPem() != null) {
      client = client.trust(p.trustPem());
    }
    return client;
  }

  /** The session: connected when the context starts, closed gracefully when it stops. */
  @Bean
  public ManagedXmppSession xmppSession(XmppClient client) {
    return new ManagedXmppSession(client);
  }

  /** The received messages, shared among the browsers that listen. */
  @Bean
  public MessageFeed messageFeed(ManagedXmppSession session) {
    return new MessageFeed(session);
  }
}
