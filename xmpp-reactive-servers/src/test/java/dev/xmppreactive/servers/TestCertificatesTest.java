package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificatesTest {
  @TempDir
  Path folder;

  @Test
  void theServerCertificateChainsToTheTrustAnchorAndNamesTheDomain() throws Exception {
    TestCertificates certificates = TestCertificates.generate(folder, "example.test", CertificateTrust.TRUSTED);

    List<X509Certificate> chain = readPem(certificates.serverChainPem());
    assertThat(chain).hasSize(2);
    assertThat(chain.get(0)).isEqualTo(certificates.serverCertificate());
    assertThat(readPem(certificates.trustAnchorPem())).containsExactly(certificates.trustAnchor());
    validate(chain.get(0), certificates.trustAnchor());

    X509Certificate server = certificates.serverCertificate();
    assertThat(dnsNames(server)).containsExactlyInAnyOrder("example.test", "*.example.test");
    assertThat(server.getSubjectAlternativeNames()).anySatisfy(name -> assertThat(name.get(0)).isEqualTo(0));
    assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    assertThat(server.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificates.trustAnchor().getBasicConstraints()).isEqualTo(0);
  }

  @Test
  void anUntrustedIssuerDoesNotChainToTheTrustAnchor() throws Exception {
    TestCertificates certificates =
        TestCertificates.generate(folder, "example.test", CertificateTrust.UNTRUSTED_ISSUER);

    assertThat(certificates.issuer()).isNotEqualTo(certificates.trustAnchor());
    assertThat(readPem(folder.resolve("untrusted-ca.pem"))).containsExactly(certificates.issuer());
    assertThatThrownBy(() -> validate(certificates.serverCertificate(), certificates.trustAnchor()))
        .isInstanceOf(CertPathValidatorException.class);
    validate(certificates.serverCertificate(), certificates.issuer());
    assertThat(dnsNames(certificates.serverCertificate())).contains("example.test");
  }

  @Test
  void aWrongDomainCertificateChainsButNamesAnotherDomain() throws Exception {
    TestCertificates certificates = TestCertificates.generate(folder, "example.test", CertificateTrust.WRONG_DOMAIN);

    validate(certificates.serverCertificate(), certificates.trustAnchor());
    assertThat(dnsNames(certificates.serverCertificate()))
        .containsExactlyInAnyOrder("wrong-example.test", "*.wrong-example.test");
  }

  @Test
  void theKeyFileIsPrivatePkcs8WithThePublicKeyAndMatchesTheCertificate() throws Exception {
    TestCertificates certificates = TestCertificates.generate(folder, "example.test", CertificateTrust.TRUSTED);

    assertThat(Files.getPosixFilePermissions(certificates.serverKeyPem()))
        .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    String pem = Files.readString(certificates.serverKeyPem());
    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    ASN1Sequence sec1 = ASN1Sequence.getInstance(PrivateKeyInfo.getInstance(der).parsePrivateKey());
    assertThat(sec1.size()).as("version, key, parameters, public key").isEqualTo(4);

    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)));
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(certificates.serverCertificate().getPublicKey());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void refusesADomainThatIsNotADnsName() {
    assertThatThrownBy(() -> TestCertificates.generate(folder, "Example.test", CertificateTrust.TRUSTED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TestCertificates.generate(folder, "a b", CertificateTrust.TRUSTED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Set<String> dnsNames(X509Certificate certificate) throws Exception {
    return certificate.getSubjectAlternativeNames().stream().filter(name -> name.get(0).equals(2))
        .map(name -> (String) name.get(1)).collect(Collectors.toSet());
  }

  private static void validate(X509Certificate certificate, X509Certificate anchor) throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(certificate)), parameters);
  }

  @SuppressWarnings("unchecked")
  private static List<X509Certificate> readPem(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (List<X509Certificate>) (List<?>) List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
    }
  }
}
