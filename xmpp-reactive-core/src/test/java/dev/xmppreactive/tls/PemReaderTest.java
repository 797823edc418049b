package dev.xmppreactive.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemReaderTest {

  @TempDir
  Path dir;
  private static TestPki.Issued ca;
  private static TestPki.Issued leaf;

  @BeforeAll
  static void setUp() {
    ca = TestPki.ca("PEM Root");
    leaf = TestPki.leaf().dns("example.org").issuedBy(ca);
  }

  private static TlsException configError(Runnable r) {
    TlsException e = catchThrowableOfType(TlsException.class, r::run);
    assertThat(e).as("a TlsException").isNotNull();
    assertThat(e.reason()).isEqualTo(TlsException.Reason.INVALID_CONFIGURATION);
    return e;
  }

  @Test
  void readsAChainInOrder() {
    Path file = TestPki.writeCertificates(dir.resolve("chain.pem"), leaf.chain());
    assertThat(PemReader.certificates(file)).containsExactly(leaf.cert(), ca.cert());
  }

  @Test
  void toleratesTextAroundBlocksAndCrLf() throws Exception {
    String pem = "Bag Attributes\r\n    friendlyName: server\r\n"
        + TestPki.pem("CERTIFICATE", leaf.cert().getEncoded()).replace("\n", "\r\n")
        + "subject=CN=PEM Root\n" + TestPki.pem("CERTIFICATE", ca.cert().getEncoded());
    Path file = Files.writeString(dir.resolve("bundle.pem"), pem);
    List<X509Certificate> certs = PemReader.certificates(file);
    assertThat(certs).containsExactly(leaf.cert(), ca.cert());
  }

  @Test
  void readsPkcs8KeysOfEveryCommonType() {
    for (String alg : List.of("EC", "RSA", "Ed25519")) {
      PrivateKey key = TestPki.keys(alg).getPrivate();
      Path file = TestPki.writeKey(dir.resolve(alg + ".key"), key);
      assertThat(PemReader.privateKey(file).getEncoded()).isEqualTo(key.getEncoded());
    }
  }

  @Test
  void missingFileIsATypedErrorNamingTheFile() {
    Path file = dir.resolve("nope.pem");
    TlsException e = configError(() -> PemReader.certificates(file));
    assertThat(e.file()).contains(file);
    assertThat(e.getMessage()).contains(file.toString());
  }

  @Test
  void fileWithoutCertificatesIsATypedError() throws Exception {
    Path file = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
    TlsException e = configError(() -> PemReader.certificates(file));
    assertThat(e.file()).contains(file);
    assertThat(e.getMessage()).contains("no CERTIFICATE");
  }

  @Test
  void garbageInsideABlockIsATypedError() throws Exception {
    Path bad64 = Files.writeString(dir.resolve("bad64.pem"), "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");
    assertThat(configError(() -> PemReader.certificates(bad64)).file()).contains(bad64);
    Path notDer = Files.writeString(dir.resolve("notder.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertThat(configError(() -> PemReader.certificates(notDer)).file()).contains(notDer);
    Path unterminated = Files.writeString(dir.resolve("open.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n");
    assertThat(configError(() -> PemReader.certificates(unterminated)).getMessage()).contains("END CERTIFICATE");
  }

  @Test
  void binaryFileIsATypedError() throws Exception {
    Path der = Files.write(dir.resolve("cert.der"), leaf.cert().getEncoded());
    assertThat(configError(() -> PemReader.certificates(der)).file()).contains(der);
  }

  @Test
  void legacyAndEncryptedKeysAreRefusedWithAHint() throws Exception {
    Path rsa = Files.writeString(dir.resolve("rsa.key"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThat(configError(() -> PemReader.privateKey(rsa)).getMessage()).contains("PKCS#8");
    Path enc = Files.writeString(dir.resolve("enc.key"),
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
    assertThat(configError(() -> PemReader.privateKey(enc)).getMessage()).contains("encrypted");
    Path cert = TestPki.writeCertificates(dir.resolve("cert-not-key.pem"), List.of(leaf.cert()));
    assertThat(configError(() -> PemReader.privateKey(cert)).getMessage()).contains("no PRIVATE KEY");
    Path junk = Files.writeString(dir.resolve("junk.key"), TestPki.pem("PRIVATE KEY", new byte[] {1, 2, 3}));
    assertThat(configError(() -> PemReader.privateKey(junk)).file()).contains(junk);
  }

  @Test
  void oversizedFileIsRefused() throws Exception {
    Path big = dir.resolve("big.pem");
    Files.write(big, new byte[5 * 1024 * 1024]);
    assertThat(configError(() -> PemReader.certificates(big)).getMessage()).contains("4 MiB");
  }

  @Test
  void badTrustFileFailsContextCreationNamingTheFile() throws Exception {
    Path bad = Files.writeString(dir.resolve("trust.pem"), "garbage");
    TlsException e = configError(() -> XmppTlsContext.create(TlsSettings.defaults().withTrust(TlsTrust.pemFiles(bad))));
    assertThat(e.file()).contains(bad);
  }

  @Test
  void clientKeyThatDoesNotBelongToTheCertificateIsRefused() {
    Path chain = TestPki.writeCertificates(dir.resolve("client.pem"), leaf.chain());
    Path otherKey = TestPki.writeKey(dir.resolve("other.key"), TestPki.ecKeys().getPrivate());
    TlsException e = configError(() -> XmppTlsContext.create(
        TlsSettings.defaults().withClientKey(TlsClientKey.pem(chain, otherKey))));
    assertThat(e.file()).contains(otherKey);
    assertThat(e.getMessage()).contains("does not belong");
  }

  @Test
  void missingClientKeyFileFailsContextCreationNamingTheFile() {
    Path chain = TestPki.writeCertificates(dir.resolve("client2.pem"), leaf.chain());
    Path missing = dir.resolve("missing.key");
    TlsException e = configError(() -> XmppTlsContext.create(
        TlsSettings.defaults().withClientKey(TlsClientKey.pem(chain, missing))));
    assertThat(e.file()).contains(missing);
  }
}
