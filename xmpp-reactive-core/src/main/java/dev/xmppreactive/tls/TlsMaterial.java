package dev.xmppreactive.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Turns {@link TlsTrust} and {@link TlsClientKey} into JSSE trust and key managers, using the chosen
 * provider's own PKIX factories (a {@code null} provider means the JDK's).
 */
final class TlsMaterial {

  /** Only protects the in-memory key store that carries a PEM key to the key manager factory. */
  private static final char[] IN_MEMORY = "in-memory".toCharArray();

  private TlsMaterial() {
  }

  /** The X.509 trust manager for a trust that validates chains; not for the insecure one. */
  static X509TrustManager trustManager(TlsTrust trust, Provider provider) {
    try {
      TrustManagerFactory tmf;
      if (trust instanceof TlsTrust.Factory f) {
        tmf = f.factory();
      } else if (trust instanceof TlsTrust.PemFiles p) {
        tmf = pkixTrust(provider);
        tmf.init(anchors(p.files()));
      } else if (trust == TlsTrust.JdkDefault.INSTANCE) {
        tmf = pkixTrust(provider);
        tmf.init((KeyStore) null);
      } else {
        throw new IllegalArgumentException("no trust manager for " + trust);
      }
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          return x;
        }
      }
      throw TlsException.invalidConfiguration("the trust manager factory has no X509TrustManager", null, null);
    } catch (GeneralSecurityException | IllegalStateException e) {
      throw TlsException.invalidConfiguration("cannot set up the trust store: " + e.getMessage(), null, e);
    }
  }

  /** The key managers for a client key, or {@code null} for none. */
  static KeyManager[] keyManagers(TlsClientKey key, Provider provider) {
    if (key == null) {
      return null;
    }
    if (key instanceof TlsClientKey.Factory f) {
      return f.factory().getKeyManagers();
    }
    TlsClientKey.Pem pem = (TlsClientKey.Pem) key;
    List<X509Certificate> chain = PemReader.certificates(pem.certificateChain());
    PrivateKey privateKey = PemReader.privateKey(pem.privateKey());
    if (!keyMatches(privateKey, chain.get(0))) {
      throw TlsException.invalidConfiguration("the private key does not belong to the certificate "
          + chain.get(0).getSubjectX500Principal().getName(), pem.privateKey(), null);
    }
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("client", privateKey, IN_MEMORY, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory kmf = provider == null ? KeyManagerFactory.getInstance("PKIX")
          : KeyManagerFactory.getInstance("PKIX", provider);
      kmf.init(ks, IN_MEMORY);
      return kmf.getKeyManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw TlsException.invalidConfiguration("cannot use the client key: " + e.getMessage(), pem.privateKey(), e);
    }
  }

  /** Signs a probe with the key and verifies it with the certificate; unknown key types pass. */
  private static boolean keyMatches(PrivateKey key, X509Certificate cert) {
    String alg = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "DSA" -> "SHA256withDSA";
      case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
      default -> null;
    };
    if (alg == null) {
      return true;
    }
    try {
      byte[] probe = "xmpp-reactive key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(alg);
      signer.initSign(key);
      signer.update(probe);
      byte[] sig = signer.sign();
      Signature verifier = Signature.getInstance(alg);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      return verifier.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static TrustManagerFactory pkixTrust(Provider provider) throws GeneralSecurityException {
    return provider == null ? TrustManagerFactory.getInstance("PKIX")
        : TrustManagerFactory.getInstance("PKIX", provider);
  }

  private static KeyStore anchors(List<Path> files) throws GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try {
      ks.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    int i = 0;
    for (Path file : files) {
      for (X509Certificate c : PemReader.certificates(file)) {
        ks.setCertificateEntry("anchor-" + i++, c);
      }
    }
    return ks;
  }
}
