package dev.xmppreactive.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PresentedIdentifiersTest {

  private static TestPki.Issued ca;

  @BeforeAll
  static void setUp() {
    ca = TestPki.ca("Presented CA");
  }

  @Test
  void parsesEveryTypeFromACertificateMadeByOpenSsl() throws Exception {
    X509Certificate cert;
    try (InputStream in = getClass().getResourceAsStream("openssl-xmpp.pem")) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    PresentedIdentifiers ids = PresentedIdentifiers.of(cert);
    assertThat(ids.srvNames()).containsExactly("_xmpp-client.im.example.com", "_xmpp-server.im.example.com");
    assertThat(ids.dnsNames()).containsExactly("x.example.com");
    assertThat(ids.xmppAddrs()).containsExactly("im.example.com", "bücher.example");
    assertThat(ids.uris()).isEmpty();
    assertThat(ids.commonNames()).containsExactly("Example Products, Inc.");
    assertThat(ids.hasSubjectAltIdentifiers()).isTrue();
    assertThat(ids.describe()).contains("SRV:_xmpp-client.im.example.com", "XmppAddr:im.example.com",
        "DNS:x.example.com", "CN:Example Products, Inc.");
  }

  @Test
  void parsesWhatBouncyCastleWrites() {
    X509Certificate cert = TestPki.leaf().subject("CN=a.example,CN=b.example")
        .dns("example.org", "*.example.org").srv("_xmpp-client.example.org").xmppAddr("example.org")
        .uri("xmpp:example.org").ip("127.0.0.1").issuedBy(ca).cert();
    PresentedIdentifiers ids = PresentedIdentifiers.of(cert);
    assertThat(ids.dnsNames()).containsExactly("example.org", "*.example.org");
    assertThat(ids.srvNames()).containsExactly("_xmpp-client.example.org");
    assertThat(ids.xmppAddrs()).containsExactly("example.org");
    assertThat(ids.uris()).containsExactly("xmpp:example.org");
    assertThat(ids.commonNames()).containsExactly("a.example", "b.example");
  }

  @Test
  void certificateWithoutSubjectAltNameHasOnlyCommonNames() {
    X509Certificate cert = TestPki.leaf().subject("CN=example.org").issuedBy(ca).cert();
    PresentedIdentifiers ids = PresentedIdentifiers.of(cert);
    assertThat(ids.hasSubjectAltIdentifiers()).isFalse();
    assertThat(ids.commonNames()).containsExactly("example.org");
  }

  @Test
  void ipAddressOnlyIsNoSupportedIdentifier() {
    X509Certificate cert = TestPki.leaf().subject("CN=example.org").ip("192.0.2.1").issuedBy(ca).cert();
    assertThat(PresentedIdentifiers.of(cert).hasSubjectAltIdentifiers()).isFalse();
  }
}
