package dev.xmppreactive.tls;

import java.net.Socket;
import java.nio.file.Path;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * For tests outside this package: the server side of TLS for one domain (a test CA and a leaf with the
 * domain as DNS-ID) on the JDK's JSSE, with one {@code SSLContext} for all its engines, so that a
 * client can resume the TLS sessions it had with it.
 */
public final class ResumingTlsServer {

  private static final char[] PASSWORD = "test".toCharArray();

  private final Path caPem;
  private final SSLContext context;
  private final AtomicInteger certificatesChosen;

  private ResumingTlsServer(Path caPem, SSLContext context, AtomicInteger certificatesChosen) {
    this.caPem = caPem;
    this.context = context;
    this.certificatesChosen = certificatesChosen;
  }

  /** A server whose certificate names {@code domain}; the CA's certificate is written into {@code dir}. */
  public static ResumingTlsServer forDomain(String domain, Path dir) {
    TestPki.Issued ca = TestPki.ca("Resumption Root");
    TestPki.Issued leaf = TestPki.leaf().dns(domain).issuedBy(ca);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", leaf.keys().getPrivate(), PASSWORD,
          leaf.chain().toArray(new X509Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
      kmf.init(ks, PASSWORD);
      X509ExtendedKeyManager keys = (X509ExtendedKeyManager) kmf.getKeyManagers()[0];
      AtomicInteger chosen = new AtomicInteger();
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(new KeyManager[] {new Counting(keys, chosen)}, null, new SecureRandom());
      return new ResumingTlsServer(TestPki.writeCertificates(dir.resolve("ca.pem"), List.of(ca.cert())), ctx,
          chosen);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The PEM file of the CA that issued the server's certificate. */
  public Path caPem() {
    return caPem;
  }

  /**
   * How many handshakes chose the server's certificate: full handshakes; a resumed one presents none.
   */
  public int fullHandshakes() {
    return certificatesChosen.get();
  }

  /** A new server engine; all of them share one session cache. */
  public SSLEngine engine() {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    return engine;
  }

  /** Counts the handshakes that choose a certificate to present. */
  private static final class Counting extends X509ExtendedKeyManager {
    private final X509ExtendedKeyManager keys;
    private final AtomicInteger chosen;

    Counting(X509ExtendedKeyManager keys, AtomicInteger chosen) {
      this.keys = keys;
      this.chosen = chosen;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      String alias = keys.chooseEngineServerAlias(keyType, issuers, engine);
      if (alias != null) {
        chosen.incrementAndGet();
      }
      return alias;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return keys.getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return keys.chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return keys.getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return keys.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return keys.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return keys.getPrivateKey(alias);
    }
  }
}
