package dev.xmppreactive.tls;

import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/** Server-side TLS engines for the tests, on the JDK's or BouncyCastle's JSSE. */
final class TestServer {

  private static final char[] PASSWORD = "test".toCharArray();

  private final JsseProvider provider;
  private final TestPki.Issued identity;
  private String[] protocols = {"TLSv1.3", "TLSv1.2"};
  private TestPki.Issued clientCa;
  private String alpn;
  private final List<String> sniSeen = new CopyOnWriteArrayList<>();
  private boolean resuming;
  private SSLContext shared;

  private TestServer(JsseProvider provider, TestPki.Issued identity) {
    this.provider = provider;
    this.identity = identity;
  }

  static TestServer of(JsseProvider provider, TestPki.Issued identity) {
    return new TestServer(provider, identity);
  }

  TestServer protocols(String... p) {
    this.protocols = p;
    return this;
  }

  TestServer requireClientCertificateFrom(TestPki.Issued ca) {
    this.clientCa = ca;
    return this;
  }

  TestServer alpn(String protocol) {
    this.alpn = protocol;
    return this;
  }

  /** The SNI host names the engines of this server were asked for. */
  List<String> sniSeen() {
    return sniSeen;
  }

  /** Makes all later engines share one {@code SSLContext} (and so one session cache: resumption). */
  TestServer resuming() {
    this.resuming = true;
    return this;
  }

  SSLEngine engine() {
    try {
      SSLContext ctx = shared != null ? shared : context();
      if (resuming) {
        shared = ctx;
      }
      SSLEngine engine = ctx.createSSLEngine();
      engine.setUseClientMode(false);
      SSLParameters params = engine.getSSLParameters();
      params.setProtocols(protocols);
      params.setNeedClientAuth(clientCa != null);
      params.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
        @Override
        public boolean matches(SNIServerName name) {
          sniSeen.add(new SNIHostName(name.getEncoded()).getAsciiName());
          return true;
        }
      }));
      if (alpn != null) {
        params.setApplicationProtocols(new String[] {alpn});
      }
      engine.setSSLParameters(params);
      return engine;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private SSLContext context() throws Exception {
    Provider p = provider == JsseProvider.BOUNCY_CASTLE ? BouncyCastleJsse.newProvider() : null;
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", identity.key(), PASSWORD, identity.chain().toArray(new X509Certificate[0]));
    KeyManagerFactory kmf = p == null ? KeyManagerFactory.getInstance("PKIX") : KeyManagerFactory.getInstance("PKIX", p);
    kmf.init(ks, PASSWORD);
    TrustManagerFactory tmf = null;
    if (clientCa != null) {
      KeyStore ts = KeyStore.getInstance("PKCS12");
      ts.load(null, null);
      ts.setCertificateEntry("client-ca", clientCa.cert());
      tmf = p == null ? TrustManagerFactory.getInstance("PKIX") : TrustManagerFactory.getInstance("PKIX", p);
      tmf.init(ts);
    }
    SSLContext ctx = p == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", p);
    ctx.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), new SecureRandom());
    return ctx;
  }
}
