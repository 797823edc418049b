package dev.xmppreactive.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority and a server certificate made for one server under test, written as PEM.
 *
 * <p>The server certificate (ECDSA P-256, SHA-256, valid for a year) names the domain as a DNS-ID
 * and {@code *.domain} (RFC 6125 §6.4), the domain as an XmppAddr (RFC 6120 §13.7.1.4, id-on-xmppAddr)
 * and {@code _xmpp-client.domain} as an SRV-ID (RFC 4985). No provider is registered: BouncyCastle
 * builds the structures, the JDK's providers sign them.
 */
public final class TestCertificates {
  /** id-on-xmppAddr, RFC 6120 §13.7.1.4. */
  private static final ASN1ObjectIdentifier XMPP_ADDR = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.5");
  /** id-on-dnsSRV, RFC 4985 §2. */
  private static final ASN1ObjectIdentifier SRV_NAME = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.7");
  private static final Duration VALIDITY = Duration.ofDays(365);

  private final Path trustAnchorPem;
  private final Path serverChainPem;
  private final Path serverKeyPem;
  private final X509Certificate trustAnchor;
  private final X509Certificate issuer;
  private final X509Certificate serverCertificate;
  private final PrivateKey serverKey;

  private TestCertificates(Path trustAnchorPem, Path serverChainPem, Path serverKeyPem,
                           X509Certificate trustAnchor, X509Certificate issuer,
                           X509Certificate serverCertificate, PrivateKey serverKey) {
    this.trustAnchorPem = trustAnchorPem;
    this.serverChainPem = serverChainPem;
    this.serverKeyPem = serverKeyPem;
    this.trustAnchor = trustAnchor;
    this.issuer = issuer;
    this.serverCertificate = serverCertificate;
    this.serverKey = serverKey;
  }

  /**
   * Generates a CA and a server certificate for {@code domain} and writes, into {@code folder},
   * {@code ca.pem} (the trust anchor), {@code server.pem} (the server certificate followed by its
   * issuer) and {@code server.key} (PKCS#8, owner-readable only).
   *
   * @param trust which certificate the server gets: issued by the trust anchor for the domain,
   *              by a second CA ({@code untrusted-ca.pem}), or for {@code wrong-<domain>}
   */
  public static TestCertificates generate(Path folder, String domain, CertificateTrust trust) {
    Objects.requireNonNull(folder, "folder");
    Checks.domain(domain);
    Objects.requireNonNull(trust, "trust");
    try {
      Files.createDirectories(folder);
      KeyPair caKeys = ecKeyPair();
      X509Certificate ca = authority("xmpp-reactive test CA for " + domain, caKeys);
      KeyPair issuerKeys = caKeys;
      X509Certificate issuer = ca;
      if (trust == CertificateTrust.UNTRUSTED_ISSUER) {
        issuerKeys = ecKeyPair();
        issuer = authority("xmpp-reactive UNTRUSTED test CA for " + domain, issuerKeys);
        writePem(folder.resolve("untrusted-ca.pem"), List.of(issuer));
      }
      String name = trust == CertificateTrust.WRONG_DOMAIN ? "wrong-" + domain : domain;
      KeyPair serverKeys = ecKeyPair();
      X509Certificate server = leaf(name, serverKeys, issuer, issuerKeys);

      Path caPem = writePem(folder.resolve("ca.pem"), List.of(ca));
      Path chainPem = writePem(folder.resolve("server.pem"), List.of(server, issuer));
      Path keyPem = folder.resolve("server.key");
      Files.deleteIfExists(keyPem);
      Files.createFile(keyPem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      writePem(keyPem, List.of(new PemObject("PRIVATE KEY", pkcs8WithPublicKey(serverKeys))));
      return new TestCertificates(caPem, chainPem, keyPem, ca, issuer, server, serverKeys.getPrivate());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write certificates into " + folder, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new HarnessException("cannot generate certificates for " + domain, e);
    }
  }

  /** The PEM file of the CA a client should trust. */
  public Path trustAnchorPem() {
    return trustAnchorPem;
  }

  /** The PEM file of the server certificate followed by its issuer's certificate. */
  public Path serverChainPem() {
    return serverChainPem;
  }

  /** The PEM file (PKCS#8) of the server's private key. */
  public Path serverKeyPem() {
    return serverKeyPem;
  }

  /** The CA a client should trust. */
  public X509Certificate trustAnchor() {
    return trustAnchor;
  }

  /** The CA that issued the server certificate: the trust anchor unless the issuer is untrusted. */
  public X509Certificate issuer() {
    return issuer;
  }

  /** The server certificate. */
  public X509Certificate serverCertificate() {
    return serverCertificate;
  }

  /** The server's private key (for a server running in this JVM). */
  public PrivateKey serverKey() {
    return serverKey;
  }

  private static KeyPair ecKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate authority(String commonName, KeyPair keys)
      throws GeneralSecurityException, CertIOException, OperatorCreationException {
    X500Name name = new X500Name("CN=" + commonName + ",O=xmpp-reactive tests");
    X509v3CertificateBuilder builder = builder(name, name, keys);
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
    return sign(builder, keys.getPrivate());
  }

  private static X509Certificate leaf(String domain, KeyPair keys, X509Certificate issuer, KeyPair issuerKeys)
      throws GeneralSecurityException, CertIOException, OperatorCreationException {
    X500Name subject = new X500Name("CN=" + domain + ",O=xmpp-reactive tests");
    X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    X509v3CertificateBuilder builder = builder(issuerName, subject, keys);
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    builder.addExtension(Extension.extendedKeyUsage, false,
        new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.dNSName, domain),
        new GeneralName(GeneralName.dNSName, "*." + domain),
        otherName(XMPP_ADDR, new DERUTF8String(domain)),
        otherName(SRV_NAME, new DERIA5String("_xmpp-client." + domain))}));
    builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
    builder.addExtension(Extension.authorityKeyIdentifier, false,
        utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
    return sign(builder, issuerKeys.getPrivate());
  }

  /**
   * The private key as PKCS#8 whose inner SEC1 structure (RFC 5915) carries the public key too, as
   * OpenSSL writes it: the JDK leaves the public key out, and ejabberd then finds no key matching
   * the certificate.
   */
  private static byte[] pkcs8WithPublicKey(KeyPair keys) throws IOException {
    SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    AlgorithmIdentifier algorithm = publicKey.getAlgorithm();
    ECPrivateKey key = (ECPrivateKey) keys.getPrivate();
    org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
        key.getParams().getOrder().bitLength(), key.getS(), publicKey.getPublicKeyData(), algorithm.getParameters());
    return new PrivateKeyInfo(algorithm, sec1).getEncoded();
  }

  private static GeneralName otherName(ASN1ObjectIdentifier type, ASN1Encodable value) {
    return new GeneralName(GeneralName.otherName,
        new DERSequence(new ASN1Encodable[] {type, new DERTaggedObject(true, 0, value)}));
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    BigInteger serial = new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
  }

  private static Path writePem(Path file, List<?> objects) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
         JcaPEMWriter pem = new JcaPEMWriter(out)) {
      for (Object object : objects) {
        if (object instanceof PemObject raw) {
          pem.writeObject(raw);
        } else {
          pem.writeObject(object);
        }
      }
    }
    return file;
  }
}
