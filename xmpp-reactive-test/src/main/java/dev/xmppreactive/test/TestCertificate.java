package dev.xmppreactive.test;

import dev.xmppreactive.tls.TlsTrust;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority and a server certificate it issued for one XMPP domain, made in
 * memory for a test server. Immutable and thread-safe; generate one with {@link #generate(String)}
 * and share it between servers of the same domain to save the few milliseconds of key generation.
 *
 * <p>The server certificate (ECDSA P-256, SHA-256, valid from an hour ago for a week) names the
 * domain as a DNS-ID (RFC 6125 §6.4) and as an XmppAddr (RFC 6120 §13.7.1.4). Clients trust it
 * through {@link #trust()} (for an {@code XmppClient}), {@link #trustManager()} or
 * {@link #clientSslContext()} (for other clients), or the PEM text of {@link #trustAnchorPem()}.
 * No security provider is registered: BouncyCastle builds the structures, the JDK's providers sign.
 */
public final class TestCertificate {

  /** id-on-xmppAddr, RFC 6120 §13.7.1.4. */
  private static final ASN1ObjectIdentifier XMPP_ADDR = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.5");

  private final String domain;
  private final X509Certificate anchor;
  private final X509Certificate certificate;
  private final PrivateKey key;
  private final String anchorPem;

  private TestCertificate(String domain, X509Certificate anchor, X509Certificate certificate,
                          PrivateKey key) {
    this.domain = domain;
    this.anchor = anchor;
    this.certificate = certificate;
    this.key = key;
    this.anchorPem = pem(anchor);
  }

  /**
   * Generates a CA and a server certificate for {@code domain}.
   *
   * @throws IllegalArgumentException if the domain is empty or holds characters a DNS name cannot
   */
  public static TestCertificate generate(String domain) {
    Objects.requireNonNull(domain, "domain");
    if (domain.isEmpty() || !domain.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("a test certificate needs an ASCII DNS domain: '" + domain
          + "'");
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair caKeys = generator.generateKeyPair();
      KeyPair serverKeys = generator.generateKeyPair();
      X500Name caName = new X500Name("CN=xmpp-reactive test CA for " + domain);
      X509v3CertificateBuilder ca = builder(caName, caName, caKeys);
      ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
      X509Certificate anchor = sign(ca, caKeys.getPrivate());

      X509v3CertificateBuilder leaf = builder(caName, new X500Name("CN=" + domain), serverKeys);
      leaf.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      leaf.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      leaf.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      leaf.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, domain),
          new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {
              XMPP_ADDR, new DERTaggedObject(true, 0, new DERUTF8String(domain))}))}));
      X509Certificate certificate = sign(leaf, caKeys.getPrivate());
      return new TestCertificate(domain, anchor, certificate, serverKeys.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot generate a test certificate for " + domain, e);
    }
  }

  /** The domain the server certificate names. */
  public String domain() {
    return domain;
  }

  /** The CA certificate a client must trust. */
  public X509Certificate trustAnchor() {
    return anchor;
  }

  /** The CA certificate as PEM text, for clients configured from files. */
  public String trustAnchorPem() {
    return anchorPem;
  }

  /** The server certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The trust an {@code XmppClient} needs for this server: the CA alone, not the JDK's CAs. */
  public TlsTrust trust() {
    return TlsTrust.trustManagerFactory(trustManagerFactory());
  }

  /** A PKIX trust manager that trusts the CA alone, for other clients (Smack, plain JSSE). */
  public X509TrustManager trustManager() {
    for (TrustManager tm : trustManagerFactory().getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("the JDK's PKIX factory has no X509TrustManager");
  }

  /** A client TLS context that trusts the CA alone, for other clients. */
  public SSLContext clientSslContext() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {trustManager()}, new SecureRandom());
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a client TLS context", e);
    }
  }

  /** The Netty server context that presents the certificate (TLS 1.3 and 1.2, the JDK's engine). */
  SslContext serverContext() {
    try {
      return SslContextBuilder.forServer(key, certificate, anchor)
          .sslProvider(SslProvider.JDK)
          .protocols("TLSv1.3", "TLSv1.2")
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the test server's TLS context", e);
    }
  }

  private TrustManagerFactory trustManagerFactory() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("test-ca", anchor);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(ks);
      return tmf;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a trust store for the test CA", e);
    }
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(7))), subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
  }

  private static String pem(X509Certificate certificate) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
