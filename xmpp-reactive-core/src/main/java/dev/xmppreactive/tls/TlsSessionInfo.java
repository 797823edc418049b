package dev.xmppreactive.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What an established TLS connection is: the details RFC 7590 §3.6 asks clients to show (version,
 * cipher suite, the server's certificate) and its channel bindings.
 *
 * @param protocol            the TLS version, e.g. {@code TLSv1.3}
 * @param cipherSuite         the cipher suite
 * @param peerCertificates    the server's chain, leaf first
 * @param applicationProtocol the ALPN protocol the server selected, or {@code ""}
 * @param channelBindings     the channel bindings for SASL
 */
public record TlsSessionInfo(String protocol, String cipherSuite, List<X509Certificate> peerCertificates,
                             String applicationProtocol, TlsChannelBindings channelBindings) {

  /** Copies the chain; a {@code null} application protocol becomes {@code ""}. */
  public TlsSessionInfo {
    peerCertificates = List.copyOf(peerCertificates);
    applicationProtocol = applicationProtocol == null ? "" : applicationProtocol;
  }

  /** The information of a client engine whose handshake has completed. */
  public static TlsSessionInfo of(SSLEngine engine) {
    SSLSession session = engine.getSession();
    List<X509Certificate> chain = new ArrayList<>();
    try {
      for (Certificate c : session.getPeerCertificates()) {
        if (c instanceof X509Certificate x) {
          chain.add(x);
        }
      }
    } catch (SSLPeerUnverifiedException e) {
      // no certificate: an anonymous session, which the configured suites do not allow; leave it empty
    }
    String alpn;
    try {
      alpn = engine.getApplicationProtocol();
    } catch (UnsupportedOperationException e) {
      alpn = null;
    }
    return new TlsSessionInfo(session.getProtocol(), session.getCipherSuite(), chain, alpn,
        TlsChannelBindings.of(engine));
  }
}
