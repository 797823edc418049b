package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every server the harness starts must do, checked with plain sockets. Subclasses pick the
 * server (a shared instance) and the SASL mechanisms it must and must not offer.
 */
@ExtendWith(RealServersExtension.class)
abstract class ServerContract {
  private static final String SM = "<sm xmlns='urn:xmpp:sm:3'";
  private static final String ROSTER_VERSIONING = "urn:xmpp:features:rosterver";

  XmppServer server;

  /** The shared server under test. */
  abstract XmppServer server(SharedServers servers);

  /** Mechanisms it must offer after TLS. */
  abstract List<String> offered();

  /** Mechanisms it must not offer. */
  abstract List<String> notOffered();

  /** What the stream features after SASL must contain besides bind, stream management and roster versioning. */
  List<String> moreFeaturesAfterSasl() {
    return List.of();
  }

  @BeforeEach
  void pickServer(SharedServers servers) {
    server = server(servers);
  }

  @Test
  void starttlsPortOffersRequiredStartTlsAndNoSasl() throws IOException {
    try (RawXmpp xmpp = RawXmpp.plain(server, server.starttlsPort())) {
      String features = xmpp.openStream(server.domain());
      assertThat(features).contains("<stream:features").contains("urn:ietf:params:xml:ns:xmpp-tls");
      assertThat(features).doesNotContain("<mechanism>");
    }
  }

  @Test
  void directTlsPortOffersTheExpectedSaslMechanisms() throws IOException {
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
      assertThat(xmpp.tlsProtocol()).isEqualTo("TLSv1.3");
      List<String> mechanisms = RawXmpp.mechanisms(xmpp.openStream(server.domain()));
      assertThat(mechanisms).containsAll(offered()).doesNotContainAnyElementsOf(notOffered());
    }
  }

  @Test
  void starttlsUpgradesWithTheGeneratedCertificate() throws IOException {
    try (RawXmpp xmpp = RawXmpp.plain(server, server.starttlsPort())) {
      xmpp.openStream(server.domain());
      xmpp.startTls(server, server.trustAnchor());
      assertThat(RawXmpp.mechanisms(xmpp.openStream(server.domain()))).containsAll(offered());
    }
  }

  @Test
  void createdUserAuthenticatesWithPlainAndAWrongPasswordFails() throws IOException {
    TestUser user = server.newUser("plain");
    assertThat(user.jid()).isEqualTo(user.local() + "@" + server.domain());
    assertThat(authenticate(user.local(), user.password())).startsWith("<success");
    assertThat(authenticate(user.local(), user.password() + "x")).startsWith("<failure").contains("not-authorized");
    assertThat(authenticate("nobody-" + user.local(), user.password())).startsWith("<failure");
  }

  @Test
  void afterAuthenticationTheStreamOffersBindAndResumableStreamManagement() throws IOException {
    TestUser user = server.newUser("features");
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
      xmpp.openStream(server.domain());
      assertThat(xmpp.authPlain(user.local(), user.password())).startsWith("<success");
      String features = xmpp.openStream(server.domain());
      assertThat(features).contains("urn:ietf:params:xml:ns:xmpp-bind").contains(SM).contains(ROSTER_VERSIONING);
      for (String feature : moreFeaturesAfterSasl()) {
        assertThat(features).contains(feature);
      }
      assertThat(xmpp.bind("harness")).contains("type='result'").contains(user.jid() + "/");
    }
  }

  @Test
  void usersCreatedInBulkAuthenticate() throws IOException {
    List<TestUser> users = server.newUsers("bulk", 50);
    assertThat(users).hasSize(50).extracting(TestUser::password).containsOnly(users.get(0).password());
    assertThat(users).extracting(TestUser::local).doesNotHaveDuplicates();
    assertThat(authenticate(users.get(0).local(), users.get(0).password())).startsWith("<success");
    assertThat(authenticate(users.get(49).local(), users.get(49).password())).startsWith("<success");
  }

  @Test
  void creatingAnExistingUserFails() throws IOException {
    TestUser user = server.newUser("twice");
    assertThatThrownBy(() -> server.createUser(user.local(), "other")).isInstanceOf(ServerCommandException.class);
    assertThat(authenticate(user.local(), user.password())).startsWith("<success");

    List<TestUser> first = server.newUsers("clash", 3);
    String prefix = first.get(0).local().substring(0, first.get(0).local().length() - 1);
    assertThatThrownBy(() -> server.createUsers(prefix, 5, "secret")).isInstanceOf(ServerCommandException.class);
    assertThat(authenticate(prefix + "4", "secret")).as("no account was created").startsWith("<failure");
  }

  @Test
  void aDeletedUserCannotAuthenticate() throws IOException {
    TestUser user = server.newUser("deleted");
    server.deleteUser(user.local());
    assertThat(authenticate(user.local(), user.password())).startsWith("<failure");
    assertThatThrownBy(() -> server.deleteUser(user.local())).isInstanceOf(ServerCommandException.class);
  }

  @Test
  void kickingAUserClosesItsSession() throws IOException {
    TestUser user = server.newUser("kicked");
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
      xmpp.openStream(server.domain());
      assertThat(xmpp.authPlain(user.local(), user.password())).startsWith("<success");
      xmpp.openStream(server.domain());
      xmpp.bind("kicked");
      assertThat(server.kickUser(user.local())).isEqualTo(1);
      assertThat(xmpp.readToEnd()).contains("<stream:error>").contains("</stream:stream>");
    }
    assertThat(server.kickUser(user.local())).isZero();
  }

  @Test
  void unusualNamesAndPasswordsPassThroughIntact() throws IOException {
    TestUser user = server.createUser("odd.name_" + System.nanoTime() + "-é", "pa ss\"'<>&\\word ü");
    assertThat(authenticate(user.local(), user.password())).startsWith("<success");
  }

  private String authenticate(String local, String password) throws IOException {
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
      xmpp.openStream(server.domain());
      return xmpp.authPlain(local, password);
    }
  }
}
