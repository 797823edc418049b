package dev.xmppreactive.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServerIdentityVerifierTest {

  private static TestPki.Issued ca;
  private final ServerIdentityVerifier verifier = new ServerIdentityVerifier(true);

  @BeforeAll
  static void setUp() {
    ca = TestPki.ca("Identity CA");
  }

  private static ReferenceIdentity starttls(String domain) {
    return ReferenceIdentity.of(domain, TlsMode.STARTTLS);
  }

  private static TlsException mismatch(ServerIdentityVerifier v, X509Certificate cert, ReferenceIdentity ref) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> v.verify(cert, ref));
    assertThat(t).isInstanceOf(TlsException.class);
    TlsException e = (TlsException) t;
    assertThat(e.reason()).isEqualTo(TlsException.Reason.IDENTITY_MISMATCH);
    return e;
  }

  @Test
  void dnsIdMatchesCaseInsensitively() {
    X509Certificate cert = TestPki.leaf().dns("Example.ORG").issuedBy(ca).cert();
    assertThat(verifier.verify(cert, starttls("example.org"))).isEqualTo("DNS:Example.ORG");
    assertThat(verifier.verify(cert, starttls("EXAMPLE.org"))).isEqualTo("DNS:Example.ORG");
  }

  @Test
  void wildcardDnsIdMatchesOneLeftMostLabel() {
    X509Certificate cert = TestPki.leaf().dns("*.example.net").issuedBy(ca).cert();
    assertThat(verifier.verify(cert, starttls("chat.example.net"))).isEqualTo("DNS:*.example.net");
    mismatch(verifier, cert, starttls("example.net"));
    mismatch(verifier, cert, starttls("a.chat.example.net"));
  }

  @Test
  void partialLabelWildcardIsNotHonoured() {
    X509Certificate cert = TestPki.leaf().dns("c*.example.net").issuedBy(ca).cert();
    mismatch(verifier, cert, starttls("chat.example.net"));
  }

  @Test
  void srvIdForXmppClientMatches() {
    X509Certificate cert = TestPki.leaf().srv("_xmpp-client.im.example.com").dns("x.example.com").issuedBy(ca).cert();
    assertThat(verifier.verify(cert, starttls("im.example.com"))).isEqualTo("SRV:_xmpp-client.im.example.com");
    assertThat(verifier.verify(cert, ReferenceIdentity.of("im.example.com", TlsMode.DIRECT_TLS)))
        .isEqualTo("SRV:_xmpp-client.im.example.com");
  }

  @Test
  void srvIdServiceIsCaseInsensitive() {
    X509Certificate cert = TestPki.leaf().srv("_XMPP-Client.im.example.com").issuedBy(ca).cert();
    assertThat(verifier.verify(cert, starttls("im.example.com"))).startsWith("SRV:");
  }

  @Test
  void srvIdForXmppsClientMatchesOnlyDirectTls() {
    X509Certificate cert = TestPki.leaf().srv("_xmpps-client.example.org").issuedBy(ca).cert();
    assertThat(verifier.verify(cert, ReferenceIdentity.of("example.org", TlsMode.DIRECT_TLS)))
        .isEqualTo("SRV:_xmpps-client.example.org");
    mismatch(verifier, cert, starttls("example.org"));
  }

  @Test
  void srvIdOfAnotherServiceDoesNotMatch() {
    X509Certificate cert = TestPki.leaf().srv("_xmpp-server.example.org", "_imaps.example.org").issuedBy(ca).cert();
    TlsException e = mismatch(verifier, cert, starttls("example.org"));
    assertThat(e.presentedIdentities()).contains("SRV:_xmpp-server.example.org", "SRV:_imaps.example.org");
  }

  @Test
  void srvIdDoesNotHonourWildcards() {
    X509Certificate cert = TestPki.leaf().srv("_xmpp-client.*.example.org").issuedBy(ca).cert();
    mismatch(verifier, cert, starttls("chat.example.org"));
  }

  @Test
  void xmppAddrMatchesTheDomain() {
    X509Certificate cert = TestPki.leaf().xmppAddr("example.org").issuedBy(ca).cert();
    assertThat(verifier.verify(cert, starttls("example.org"))).isEqualTo("XmppAddr:example.org");
  }

  @Test
  void xmppAddrOfAUserDoesNotMatchTheDomain() {
    X509Certificate cert = TestPki.leaf().xmppAddr("juliet@example.org", "example.org/res").issuedBy(ca).cert();
    mismatch(verifier, cert, starttls("example.org"));
  }

  @Test
  void xmppAddrWildcardIsNotHonoured() {
    X509Certificate cert = TestPki.leaf().xmppAddr("*.example.org").issuedBy(ca).cert();
    mismatch(verifier, cert, starttls("chat.example.org"));
  }

  @Test
  void internationalisedDomainsCompareAsALabels() {
    X509Certificate dns = TestPki.leaf().dns("xn--bcher-kva.example").issuedBy(ca).cert();
    assertThat(verifier.verify(dns, starttls("bücher.example"))).isEqualTo("DNS:xn--bcher-kva.example");
    assertThat(verifier.verify(dns, starttls("BÜCHER.example"))).isEqualTo("DNS:xn--bcher-kva.example");
    assertThat(verifier.verify(dns, starttls("xn--bcher-kva.example"))).isEqualTo("DNS:xn--bcher-kva.example");
    X509Certificate addr = TestPki.leaf().xmppAddr("bücher.example").issuedBy(ca).cert();
    assertThat(verifier.verify(addr, starttls("xn--bcher-kva.example"))).isEqualTo("XmppAddr:bücher.example");
    mismatch(verifier, dns, starttls("bucher.example"));
  }

  @Test
  void wildcardCoversAnIdnLeftMostLabel() {
    X509Certificate cert = TestPki.leaf().dns("*.example.org").issuedBy(ca).cert();
    assertThat(verifier.verify(cert, starttls("bücher.example.org"))).isEqualTo("DNS:*.example.org");
  }

  @Test
  void commonNameIsTheLastResortWhenThereIsNoSubjectAltName() {
    X509Certificate cert = TestPki.leaf().subject("CN=example.org").issuedBy(ca).cert();
    assertThat(verifier.verify(cert, starttls("example.org"))).isEqualTo("CN:example.org");
    X509Certificate wildcard = TestPki.leaf().subject("CN=*.example.org").issuedBy(ca).cert();
    assertThat(verifier.verify(wildcard, starttls("chat.example.org"))).isEqualTo("CN:*.example.org");
  }

  @Test
  void commonNameIsIgnoredWhenAnySubjectAltNameIdentityIsPresent() {
    X509Certificate cert = TestPki.leaf().subject("CN=example.org").dns("other.example").issuedBy(ca).cert();
    TlsException e = mismatch(verifier, cert, starttls("example.org"));
    assertThat(e.presentedIdentities()).containsExactly("DNS:other.example", "CN:example.org");
    assertThat(e.getMessage()).contains("RFC 6125 §6.4.4");
  }

  @Test
  void commonNameFallbackCanBeTurnedOff() {
    X509Certificate cert = TestPki.leaf().subject("CN=example.org").issuedBy(ca).cert();
    TlsException e = mismatch(new ServerIdentityVerifier(false), cert, starttls("example.org"));
    assertThat(e.getMessage()).contains("disabled");
  }

  @Test
  void commonNameThatIsNotAHostNameNeverMatches() {
    X509Certificate cert = TestPki.leaf().subject("CN=Example Products\\, Inc.").issuedBy(ca).cert();
    mismatch(verifier, cert, starttls("example.org"));
  }

  @Test
  void mostSpecificCommonNameIsUsed() {
    X509Certificate cert = TestPki.leaf().subject("CN=other.example,CN=example.org").issuedBy(ca).cert();
    assertThat(verifier.verify(cert, starttls("example.org"))).isEqualTo("CN:example.org");
  }

  @Test
  void mismatchNamesTheExpectedDomainAndWhatWasFound() {
    X509Certificate cert = TestPki.leaf().dns("evil.example").xmppAddr("evil.example").issuedBy(ca).cert();
    TlsException e = mismatch(verifier, cert, starttls("example.org"));
    assertThat(e.expectedDomain()).contains("example.org");
    assertThat(e.presentedIdentities()).containsExactly("DNS:evil.example", "XmppAddr:evil.example",
        "CN:XMPP test server");
    assertThat(e.getMessage()).contains("example.org").contains("DNS:evil.example");
  }

  @Test
  void referenceIdentityRefusesWhatIsNotADomain() {
    assertThatThrownBy(() -> ReferenceIdentity.of("user@example.org", TlsMode.STARTTLS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReferenceIdentity.of("*.example.org", TlsMode.STARTTLS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReferenceIdentity.of("a..b", TlsMode.STARTTLS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReferenceIdentity.of("", TlsMode.STARTTLS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void referenceIdentitySrvServices() {
    assertThat(ReferenceIdentity.of("example.org", TlsMode.STARTTLS).srvServices()).containsExactly("xmpp-client");
    assertThat(ReferenceIdentity.of("example.org", TlsMode.DIRECT_TLS).srvServices())
        .containsExactly("xmpps-client", "xmpp-client");
  }
}
