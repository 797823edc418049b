package dev.xmppreactive.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The client's trust manager: first the configured trust validates the chain (RFC 6120 §13.7.2 steps
 * 1–3), then the leaf's identity is checked against the XMPP domain (§13.7.2.1). Both run inside the
 * handshake, so a refusal aborts it with a {@code bad_certificate}-class alert before any XMPP byte
 * is sent; the {@link CertificateException} thrown carries a {@link TlsException} as its cause, which
 * {@link TlsFailures#classify(Throwable)} finds.
 *
 * <p>The XMPP domain is the engine's peer host, which {@link XmppTlsContext} sets to the domain (never
 * to an SRV target). One instance serves one {@link TlsMode}.
 */
final class XmppTrustManager extends X509ExtendedTrustManager {

  private final X509TrustManager delegate;
  private final TlsMode mode;
  private final ServerIdentityVerifier verifier;

  XmppTrustManager(X509TrustManager delegate, TlsMode mode, ServerIdentityVerifier verifier) {
    this.delegate = delegate;
    this.mode = mode;
    this.verifier = verifier;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    requireChain(chain);
    try {
      if (delegate instanceof X509ExtendedTrustManager x) {
        x.checkServerTrusted(chain, authType, engine);
      } else {
        delegate.checkServerTrusted(chain, authType);
      }
    } catch (CertificateException | RuntimeException e) {
      throw refuse(TlsException.untrustedCertificate(subjects(chain), TlsFailures.validatorReason(e), e));
    }
    checkIdentity(chain[0], engine == null ? null : engine.getPeerHost());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    requireChain(chain);
    try {
      if (delegate instanceof X509ExtendedTrustManager x) {
        x.checkServerTrusted(chain, authType, socket);
      } else {
        delegate.checkServerTrusted(chain, authType);
      }
    } catch (CertificateException | RuntimeException e) {
      throw refuse(TlsException.untrustedCertificate(subjects(chain), TlsFailures.validatorReason(e), e));
    }
    SSLSession hs = socket instanceof SSLSocket s ? s.getHandshakeSession() : null;
    checkIdentity(chain[0], hs == null ? null : hs.getPeerHost());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    // Without an engine or socket there is no XMPP domain to check against: refuse rather than skip.
    requireChain(chain);
    checkIdentity(chain[0], null);
  }

  private void checkIdentity(X509Certificate leaf, String peerHost) throws CertificateException {
    if (peerHost == null) {
      throw refuse(TlsException.identityMismatch("(unknown)", List.of(),
          "no XMPP domain was given for this connection"));
    }
    try {
      verifier.verify(leaf, ReferenceIdentity.of(peerHost, mode));
    } catch (TlsException e) {
      throw refuse(e);
    } catch (IllegalArgumentException e) {
      throw refuse(TlsException.identityMismatch(peerHost, List.of(), e.getMessage()));
    }
  }

  private static void requireChain(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw refuse(TlsException.untrustedCertificate(List.of(), "the server sent no certificate", null));
    }
  }

  static CertificateException refuse(TlsException e) {
    return new CertificateException(e.getMessage(), e);
  }

  static List<String> subjects(X509Certificate[] chain) {
    List<String> out = new ArrayList<>(chain.length);
    for (X509Certificate c : chain) {
      out.add(c.getSubjectX500Principal().getName());
    }
    return out;
  }

  static String innermostMessage(Throwable t) {
    String msg = t.toString();
    for (int i = 0; t != null && i < 16; i++, t = t.getCause()) {
      if (t.getMessage() != null) {
        msg = t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return msg;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("this trust manager checks servers only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("this trust manager checks servers only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("this trust manager checks servers only");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }
}
