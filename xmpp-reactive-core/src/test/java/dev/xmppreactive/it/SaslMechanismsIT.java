package dev.xmppreactive.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.xmppreactive.client.ClientProbe;
import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.it.Clients.Transport;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.sasl.ChannelBindingSource;
import dev.xmppreactive.sasl.MechanismRefusal;
import dev.xmppreactive.sasl.SaslException;
import dev.xmppreactive.sasl.SaslOffer;
import dev.xmppreactive.sasl.SaslOutcome;
import dev.xmppreactive.sasl.SaslSelector;
import dev.xmppreactive.servers.Ejabberd;
import dev.xmppreactive.servers.PasswordHash;
import dev.xmppreactive.servers.Prosody;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Logs in with every SASL mechanism each server offers (RFC 6120 §6), read from the server's own
 * {@code <mechanisms/>} rather than assumed, over STARTTLS and direct TLS, each mechanism forced
 * alone; and checks that without a restriction the client picks the strongest one both support.
 *
 * <p>Prosody stores keys for one hash per instance, so it runs twice (SHA-1 and SHA-256 accounts).
 * The SCRAM -PLUS variants are logged in on TLS 1.2 with {@code tls-unique} (RFC 5929), the only
 * channel binding both servers accept and the client can produce (SERVERS.md; the client's JSSE
 * cannot export {@code tls-exporter}). On TLS 1.3 the client must not try them.
 */
class SaslMechanismsIT {

  @TestFactory
  Stream<DynamicNode> prosodySha1(@Prosody(passwordHash = PasswordHash.SHA_1) XmppServer server) {
    return everyMechanism(server);
  }

  @TestFactory
  Stream<DynamicNode> prosodySha256(@Prosody(passwordHash = PasswordHash.SHA_256) XmppServer server) {
    return everyMechanism(server);
  }

  @TestFactory
  Stream<DynamicNode> ejabberd(@Ejabberd XmppServer server) {
    return everyMechanism(server);
  }

  private static Stream<DynamicNode> everyMechanism(XmppServer server) {
    TestUser user = server.newUser("sasl");
    List<DynamicNode> nodes = new ArrayList<>();
    for (Transport transport : Transport.values()) {
      XmppClient client = Clients.over(server, user, transport);
      List<String> offeredDefault = offered(client);
      List<String> offered12 = offered(Clients.tls12(client));
      System.out.printf("%s %s offers %s (default TLS), %s (TLS 1.2)%n", server.name(), transport,
          offeredDefault, offered12);
      assertThat(implemented(offeredDefault)).as("mechanisms offered that the client implements")
          .isNotEmpty();

      List<DynamicNode> onDefault = new ArrayList<>();
      onDefault.add(dynamicTest("no restriction picks " + strongest(offeredDefault, false),
          () -> loginAndCheck(client, user, strongest(offeredDefault, false), "TLSv1.3")));
      for (String m : implemented(offeredDefault)) {
        if (m.endsWith("-PLUS")) {
          onDefault.add(dynamicTest(m + " is not attempted",
              () -> refusedForWantOfBinding(Clients.onlyMechanism(client, user, m), m)));
        } else {
          onDefault.add(dynamicTest(m,
              () -> loginAndCheck(Clients.onlyMechanism(client, user, m), user, m, "TLSv1.3")));
        }
      }
      nodes.add(dynamicContainer(transport + ", default TLS", onDefault));

      XmppClient client12 = Clients.tls12(client);
      List<DynamicNode> on12 = new ArrayList<>();
      on12.add(dynamicTest("no restriction picks " + strongest(offered12, true),
          () -> loginAndCheck(client12, user, strongest(offered12, true), "TLSv1.2")));
      for (String m : implemented(offered12)) {
        on12.add(dynamicTest(m,
            () -> loginAndCheck(Clients.onlyMechanism(client12, user, m), user, m, "TLSv1.2")));
      }
      nodes.add(dynamicContainer(transport + ", TLS 1.2", on12));
    }
    return nodes.stream();
  }

  /** The mechanisms the server offers on this client's connection, before authentication. */
  private static List<String> offered(XmppClient client) {
    return SaslOffer.fromFeatures(
        ClientProbe.featuresBeforeAuthentication(client).block(Clients.T).element()).mechanisms();
  }

  /** The offered password mechanisms the client implements (EXTERNAL and ANONYMOUS need more). */
  private static List<String> implemented(List<String> offered) {
    return offered.stream().filter(SaslSelector.PREFERENCE::contains)
        .filter(m -> !m.equals("EXTERNAL") && !m.equals("ANONYMOUS")).toList();
  }

  /** The strongest offered password mechanism, by the client's documented order of strength. */
  private static String strongest(List<String> offered, boolean canBindChannel) {
    return SaslSelector.PREFERENCE.stream()
        .filter(implemented(offered)::contains)
        .filter(m -> canBindChannel || !m.endsWith("-PLUS"))
        .findFirst().orElseThrow();
  }

  private static void loginAndCheck(XmppClient client, TestUser user, String mechanism,
      String tlsProtocol) {
    // Both servers negotiate TLS 1.3 unless the client allows only 1.2 (SERVERS.md).
    XmppSession s = Clients.login(client);
    try {
      assertThat(s.jid().bare()).isEqualTo(Jid.of(user.jid()));
      SaslOutcome outcome = ClientProbe.sasl(s);
      assertThat(outcome.mechanism()).isEqualTo(mechanism);
      if (mechanism.startsWith("SCRAM-")) {
        assertThat(outcome.serverAuthenticated()).as("the server proved its key (v=)").isTrue();
      }
      if (mechanism.endsWith("-PLUS")) {
        assertThat(outcome.channelBindingType()).isEqualTo(ChannelBindingSource.TLS_UNIQUE);
      } else {
        assertThat(outcome.channelBindingType()).isNull();
      }
      assertThat(ClientProbe.tls(s).protocol()).isEqualTo(tlsProtocol);
    } finally {
      Clients.closeAll(s);
    }
  }

  /**
   * On TLS 1.3 the client has no channel binding these servers accept: forced to a -PLUS variant, it
   * refuses before sending anything rather than failing at the server.
   */
  private static void refusedForWantOfBinding(XmppClient client, String mechanism) {
    assertThatThrownBy(() -> Clients.login(client))
        .isInstanceOfSatisfying(SaslException.class, e -> {
          assertThat(e.kind()).isEqualTo(SaslException.Kind.NO_ACCEPTABLE_MECHANISM);
          assertThat(e.refusals()).containsEntry(mechanism, MechanismRefusal.NO_CHANNEL_BINDING);
        });
  }
}
