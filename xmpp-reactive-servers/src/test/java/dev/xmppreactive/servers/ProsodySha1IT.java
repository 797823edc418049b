package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract against Prosody with SHA-1 accounts (its default): SCRAM-SHA-1 and PLAIN. */
class ProsodySha1IT extends ServerContract {
  @Override
  XmppServer server(SharedServers servers) {
    return servers.prosody(ProsodyOptions.defaults().withPasswordHash(PasswordHash.SHA_1));
  }

  @Override
  List<String> offered() {
    return List.of("PLAIN", "SCRAM-SHA-1");
  }

  @Override
  List<String> notOffered() {
    return List.of("SCRAM-SHA-256", "SCRAM-SHA-512", "ANONYMOUS");
  }

  @Test
  void theAdminConsoleRunsLuaInsideTheServer() {
    ProsodyServer prosody = (ProsodyServer) server;
    assertThat(prosody.console(">return prosody.hosts['" + server.domain() + "'] ~= nil")).isEqualTo("Result: true");
    assertThat(prosody.options().passwordHash().scramMechanism()).isEqualTo("SCRAM-SHA-1");
    assertThatThrownBy(() -> prosody.console(">error('deliberate')"))
        .isInstanceOf(ServerCommandException.class).hasMessageContaining("deliberate");
  }

  /** Subscription pre-approval, RFC 6121 §3.4. */
  @Override
  List<String> moreFeaturesAfterSasl() {
    return List.of("urn:xmpp:features:pre-approval");
  }

  /** Prosody 0.12 binds channels with tls-unique only, which TLS 1.3 lacks (RFC 9266 §1). */
  @Test
  void scramSha1PlusIsOfferedOnTls12Only() throws IOException {
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor(), "TLSv1.2")) {
      assertThat(xmpp.tlsProtocol()).isEqualTo("TLSv1.2");
      assertThat(RawXmpp.mechanisms(xmpp.openStream(server.domain()))).contains("SCRAM-SHA-1-PLUS");
    }
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
      assertThat(RawXmpp.mechanisms(xmpp.openStream(server.domain()))).doesNotContain("SCRAM-SHA-1-PLUS");
    }
  }
}
