package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract against Prosody with SHA-256 accounts: SCRAM-SHA-256 and PLAIN, no SCRAM-SHA-1. */
class ProsodySha256IT extends ServerContract {
  @Override
  XmppServer server(SharedServers servers) {
    return servers.prosody(ProsodyOptions.defaults().withPasswordHash(PasswordHash.SHA_256));
  }

  @Override
  List<String> offered() {
    return List.of("PLAIN", "SCRAM-SHA-256");
  }

  @Override
  List<String> notOffered() {
    return List.of("SCRAM-SHA-1", "SCRAM-SHA-512", "ANONYMOUS");
  }

  /** Subscription pre-approval, RFC 6121 §3.4. */
  @Override
  List<String> moreFeaturesAfterSasl() {
    return List.of("urn:xmpp:features:pre-approval");
  }

  /** Prosody 0.12 binds channels with tls-unique only, which TLS 1.3 lacks (RFC 9266 §1). */
  @Test
  void scramSha256PlusIsOfferedOnTls12Only() throws IOException {
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor(), "TLSv1.2")) {
      assertThat(xmpp.tlsProtocol()).isEqualTo("TLSv1.2");
      assertThat(RawXmpp.mechanisms(xmpp.openStream(server.domain()))).contains("SCRAM-SHA-256-PLUS");
    }
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
      assertThat(RawXmpp.mechanisms(xmpp.openStream(server.domain()))).doesNotContain("SCRAM-SHA-256-PLUS");
    }
  }
}
