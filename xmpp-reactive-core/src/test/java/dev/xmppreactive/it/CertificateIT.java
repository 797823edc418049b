package dev.xmppreactive.it;

import static dev.xmppreactive.servers.CertificateTrust.UNTRUSTED_ISSUER;
import static dev.xmppreactive.servers.CertificateTrust.WRONG_DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.it.Clients.Transport;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.Ejabberd;
import dev.xmppreactive.servers.FaultProxy;
import dev.xmppreactive.servers.Prosody;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.tls.TlsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client refuses a server whose certificate it cannot verify (RFC 6120 §13.7.2, RFC 6125), over
 * STARTTLS and direct TLS, with a typed {@link TlsException}; and, as far as a proxy on the wire can
 * see, sends nothing but the stream header, {@code <starttls/>} and TLS records before it gives up:
 * no credentials, no {@code <auth/>}, no cleartext after {@code <starttls/>}.
 */
class CertificateIT {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void prosodyWithAnUntrustedIssuerIsRefused(Transport transport,
      @Prosody(certificate = UNTRUSTED_ISSUER) XmppServer server) throws Exception {
    refused(server, transport, UnaryOperator.identity(), TlsException.Reason.UNTRUSTED_CERTIFICATE);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void ejabberdWithAnUntrustedIssuerIsRefused(Transport transport,
      @Ejabberd(certificate = UNTRUSTED_ISSUER) XmppServer server) throws Exception {
    refused(server, transport, UnaryOperator.identity(), TlsException.Reason.UNTRUSTED_CERTIFICATE);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void prosodyWithACertificateForAnotherDomainIsRefused(Transport transport,
      @Prosody(certificate = WRONG_DOMAIN) XmppServer server) throws Exception {
    refused(server, transport, UnaryOperator.identity(), TlsException.Reason.IDENTITY_MISMATCH);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void ejabberdWithACertificateForAnotherDomainIsRefused(Transport transport,
      @Ejabberd(certificate = WRONG_DOMAIN) XmppServer server) throws Exception {
    refused(server, transport, UnaryOperator.identity(), TlsException.Reason.IDENTITY_MISMATCH);
  }

  /** By default the client trusts the JDK's store only, where the harness's test CA is not. */
  @EachServer
  void theDefaultTrustRefusesTheTestCa(XmppServer server) throws Exception {
    for (Transport t : Transport.values()) {
      refused(server, t, c -> c.tls(c0 -> dev.xmppreactive.tls.TlsSettings.defaults()),
          TlsException.Reason.UNTRUSTED_CERTIFICATE);
    }
  }

  private static void refused(XmppServer server, Transport transport,
      UnaryOperator<XmppClient> change, TlsException.Reason reason) throws Exception {
    TestUser user = server.newUser("tls");
    int port = transport == Transport.STARTTLS ? server.starttlsPort() : server.directTlsPort();
    try (FaultProxy proxy = FaultProxy.to(server.host(), port)) {
      XmppClient client = change.apply(Clients.over(server, user, transport).port(proxy.port()));
      assertThatThrownBy(() -> Clients.login(client))
          .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(reason));
      assertThat(proxy.connections()).as("connections opened").isEqualTo(1);
      assertThat(proxy.awaitClosed(0, Clients.T)).as("the connection was closed, not left hanging").isTrue();
      byte[] sent = proxy.clientBytes(0);
      String text = new String(sent, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain(user.password()).doesNotContain("<auth");
      int tlsFrom = 0;
      if (transport == Transport.STARTTLS) {
        int start = text.indexOf("<starttls");
        assertThat(start).as("<starttls/> was sent: %s", text).isPositive();
        int end = text.indexOf("/>", start);
        assertThat(end).isPositive();
        assertThat(text.substring(0, start)).as("before <starttls/>").startsWith("<?xml")
            .contains("<stream:stream").doesNotContain("<auth").doesNotContain("<iq");
        tlsFrom = end + 2;
      }
      List<Integer> types = tlsRecordTypes(sent, tlsFrom);
      System.out.printf("%s %s %s: %d bytes of cleartext, then TLS records of types %s%n",
          server.name(), transport, reason, tlsFrom, types);
      assertThat(types).as("TLS record types after the cleartext part").isNotEmpty()
          .startsWith(22); // a handshake record: the ClientHello
    }
  }

  /**
   * Parses bytes as a sequence of TLS records (RFC 8446 §5.1, RFC 5246 §6.2.1) and gives their content
   * types; fails on anything else, such as cleartext XML.
   */
  private static List<Integer> tlsRecordTypes(byte[] b, int from) {
    List<Integer> types = new ArrayList<>();
    int i = from;
    while (i < b.length) {
      assertThat(b.length - i).as("a whole record header at %d", i).isGreaterThanOrEqualTo(5);
      int type = b[i] & 0xFF;
      int major = b[i + 1] & 0xFF;
      int minor = b[i + 2] & 0xFF;
      int length = ((b[i + 3] & 0xFF) << 8) | (b[i + 4] & 0xFF);
      assertThat(type).as("TLS content type at %d", i).isBetween(20, 23);
      assertThat(major).as("TLS record version at %d", i).isEqualTo(3);
      assertThat(minor).as("TLS record version at %d", i).isBetween(1, 4);
      assertThat(length).as("TLS record length at %d", i).isBetween(1, (1 << 14) + 2048);
      assertThat(b.length - i - 5).as("the whole record at %d", i).isGreaterThanOrEqualTo(length);
      types.add(type);
      i += 5 + length;
    }
    return types;
  }
}
