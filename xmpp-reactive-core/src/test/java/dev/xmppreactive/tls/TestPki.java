package dev.xmppreactive.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates test CAs and end-entity certificates with BouncyCastle, and writes them as PEM. */
final class TestPki {

  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());
  /** A private BouncyCastle provider instance for signing (it has RSASSA-PSS names the JDK lacks); never registered. */
  private static final java.security.Provider SIGNER = new org.bouncycastle.jce.provider.BouncyCastleProvider();

  private TestPki() {
  }

  /** A certificate with its key and its chain (leaf first, without the root unless self-signed). */
  record Issued(X509Certificate cert, KeyPair keys, List<X509Certificate> chain) {
    PrivateKey key() {
      return keys.getPrivate();
    }
  }

  static KeyPair ecKeys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair keys(String algorithm) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      if (algorithm.equals("RSA")) {
        g.initialize(2048);
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A self-signed root CA. */
  static Issued ca(String cn) {
    KeyPair kp = ecKeys();
    X500Name name = new X500Name("CN=" + cn + ",O=xmpp-reactive tests");
    try {
      X509v3CertificateBuilder b = builder(name, name, kp);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
      X509Certificate cert = sign(b, kp.getPrivate(), "SHA256withECDSA");
      return new Issued(cert, kp, List.of(cert));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Leaf leaf() {
    return new Leaf();
  }

  /** A builder of end-entity certificates. */
  static final class Leaf {
    private String subject = "CN=XMPP test server";
    private final List<GeneralName> sans = new ArrayList<>();
    private KeyPair keys;
    private String signatureAlgorithm = "SHA256withECDSA";
    private Instant notAfter = Instant.now().plus(Duration.ofDays(30));

    Leaf subject(String dn) {
      this.subject = dn;
      return this;
    }

    Leaf dns(String... names) {
      for (String n : names) {
        sans.add(new GeneralName(GeneralName.dNSName, n));
      }
      return this;
    }

    Leaf srv(String... names) {
      for (String n : names) {
        sans.add(new GeneralName(GeneralName.otherName,
            new OtherName(new ASN1ObjectIdentifier(PresentedIdentifiers.ID_ON_DNS_SRV), new DERIA5String(n))));
      }
      return this;
    }

    Leaf xmppAddr(String... names) {
      for (String n : names) {
        sans.add(new GeneralName(GeneralName.otherName,
            new OtherName(new ASN1ObjectIdentifier(PresentedIdentifiers.ID_ON_XMPP_ADDR), new DERUTF8String(n))));
      }
      return this;
    }

    Leaf uri(String u) {
      sans.add(new GeneralName(GeneralName.uniformResourceIdentifier, u));
      return this;
    }

    Leaf ip(String address) {
      sans.add(new GeneralName(GeneralName.iPAddress, address));
      return this;
    }

    Leaf keys(KeyPair kp) {
      this.keys = kp;
      return this;
    }

    Leaf signedWith(String algorithm) {
      this.signatureAlgorithm = algorithm;
      return this;
    }

    Leaf expired() {
      this.notAfter = Instant.now().minus(Duration.ofDays(1));
      return this;
    }

    Issued issuedBy(Issued ca) {
      KeyPair kp = keys == null ? ecKeys() : keys;
      try {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
            X500Name.getInstance(ca.cert().getSubjectX500Principal().getEncoded()),
            BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(Instant.now().minus(Duration.ofDays(2))),
            Date.from(notAfter), new X500Name(subject), kp.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (!sans.isEmpty()) {
          b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
        }
        X509Certificate cert = sign(b, ca.key(), signatureAlgorithm);
        List<X509Certificate> chain = new ArrayList<>(List.of(cert));
        chain.addAll(ca.chain());
        return new Issued(cert, kp, chain);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair kp) {
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(Instant.now().minus(Duration.ofDays(2))), Date.from(Instant.now().plus(Duration.ofDays(30))),
        subject, kp.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key, String alg) {
    try {
      return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg).setProvider(SIGNER).build(key)));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  static Path writeCertificates(Path file, List<X509Certificate> certs) {
    StringBuilder sb = new StringBuilder();
    try {
      for (X509Certificate c : certs) {
        sb.append(pem("CERTIFICATE", c.getEncoded()));
      }
      return Files.writeString(file, sb.toString());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeKey(Path file, PrivateKey key) {
    try {
      return Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
