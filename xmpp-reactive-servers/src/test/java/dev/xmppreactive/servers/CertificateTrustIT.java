package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The certificates a test can ask for, as a client sees them: the untrusted ones are refused. */
class CertificateTrustIT {

  @Test
  void prosodyWithAnUntrustedIssuerIsRefused(@Prosody(certificate = CertificateTrust.UNTRUSTED_ISSUER) XmppServer server)
      throws Exception {
    assertRefusedButTrustedByItsIssuer(server);
  }

  @Test
  void ejabberdWithAnUntrustedIssuerIsRefused(@Ejabberd(certificate = CertificateTrust.UNTRUSTED_ISSUER) XmppServer server)
      throws Exception {
    assertRefusedButTrustedByItsIssuer(server);
  }

  @Test
  void prosodyWithAWrongDomainIsRefused(@Prosody(certificate = CertificateTrust.WRONG_DOMAIN) XmppServer server) {
    assertThat(server.serverCertificate().getSubjectX500Principal().getName()).contains("CN=wrong-" + server.domain());
    assertThatThrownBy(() -> RawXmpp.directTls(server, server.trustAnchor()).close())
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void ejabberdWithAWrongDomainIsRefused(@Ejabberd(certificate = CertificateTrust.WRONG_DOMAIN) XmppServer server) {
    assertThat(server.serverCertificate().getSubjectX500Principal().getName()).contains("CN=wrong-" + server.domain());
    assertThatThrownBy(() -> RawXmpp.directTls(server, server.trustAnchor()).close())
        .isInstanceOf(SSLHandshakeException.class);
  }

  private static void assertRefusedButTrustedByItsIssuer(XmppServer server) throws Exception {
    assertThatThrownBy(() -> RawXmpp.directTls(server, server.trustAnchor()).close())
        .isInstanceOf(SSLHandshakeException.class);
    X509Certificate issuer;
    try (InputStream in = Files.newInputStream(server.folder().resolve("certs/untrusted-ca.pem"))) {
      issuer = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    try (RawXmpp xmpp = RawXmpp.directTls(server, issuer)) {
      assertThat(xmpp.openStream(server.domain())).contains("<mechanism>PLAIN</mechanism>");
    }
  }
}
