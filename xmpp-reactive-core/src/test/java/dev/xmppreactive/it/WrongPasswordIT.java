package dev.xmppreactive.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.it.Clients.Transport;
import dev.xmppreactive.sasl.SaslException;
import dev.xmppreactive.sasl.SaslFailureCondition;
import dev.xmppreactive.sasl.SaslSettings;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.FaultProxy;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import java.util.List;

/**
 * A wrong password ends the login with a typed {@link SaslException} carrying the server's
 * {@code not-authorized} (RFC 6120 §6.5.10), marked not retryable, after one connection that the
 * client closes: no retry loop.
 */
class WrongPasswordIT {

  @EachServer
  void overStarttls(XmppServer server) throws Exception {
    TestUser user = server.newUser("wrong");
    refused(server, Transport.STARTTLS, user, null);
  }

  @EachServer
  void overDirectTls(XmppServer server) throws Exception {
    TestUser user = server.newUser("wrong");
    refused(server, Transport.DIRECT_TLS, user, null);
  }

  @EachServer
  void withPlain(XmppServer server) throws Exception {
    TestUser user = server.newUser("wrong");
    refused(server, Transport.STARTTLS, user, "PLAIN");
  }

  @EachServer
  void ofAnAccountThatDoesNotExist(XmppServer server) throws Exception {
    TestUser ghost = new TestUser("ghost-" + System.nanoTime(), server.domain(), "whatever");
    refused(server, Transport.STARTTLS, ghost, null);
  }

  private static void refused(XmppServer server, Transport transport, TestUser user,
      String mechanism) throws Exception {
    int port = transport == Transport.STARTTLS ? server.starttlsPort() : server.directTlsPort();
    try (FaultProxy proxy = FaultProxy.to(server.host(), port)) {
      SaslSettings sasl = SaslSettings.password(user.local(), user.password() + "-wrong");
      if (mechanism != null) {
        sasl = sasl.withMechanisms(List.of(mechanism));
      }
      XmppClient client = Clients.over(server, user, transport).port(proxy.port()).sasl(sasl);
      assertThatThrownBy(() -> Clients.login(client))
          .isInstanceOfSatisfying(SaslException.class, e -> {
            assertThat(e.kind()).isEqualTo(SaslException.Kind.SERVER_FAILURE);
            assertThat(e.condition()).contains(SaslFailureCondition.NOT_AUTHORIZED);
            assertThat(e.isRetryable()).isFalse();
          });
      assertThat(proxy.awaitClosed(0, Clients.T)).as("the connection was closed, not left hanging").isTrue();
      assertThat(proxy.connections()).as("connections opened").isEqualTo(1);
    }
  }
}
