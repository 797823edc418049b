package dev.xmppreactive.tls;

import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/**
 * Says why a TLS handshake failed: maps what Netty's {@code SslHandler} or a JSSE engine reported
 * (typically an {@code SSLHandshakeException} whose causes hold the real reason) to a
 * {@link TlsException} with the right {@link TlsException.Reason}.
 */
public final class TlsFailures {

  private static final int MAX_DEPTH = 32;

  private TlsFailures() {
  }

  /**
   * Classifies a handshake failure.
   *
   * <ol>
   *   <li>A {@link TlsException} anywhere in the cause chain (this package's trust manager puts one
   *       there for untrusted chains and identity mismatches) is returned as it is.</li>
   *   <li>A {@code protocol_version} alert, sent or received, or the JDK's version refusals:
   *       {@link TlsException.Reason#PROTOCOL_TOO_OLD}.</li>
   *   <li>A certificate path or certificate exception: {@link TlsException.Reason#UNTRUSTED_CERTIFICATE}.</li>
   *   <li>Anything else, including Netty's handshake timeout: {@link TlsException.Reason#HANDSHAKE_FAILED}.</li>
   * </ol>
   */
  public static TlsException classify(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    List<Throwable> chain = causes(failure);
    for (Throwable t : chain) {
      if (t instanceof TlsException e) {
        return e;
      }
    }
    for (Throwable t : chain) {
      if (isVersionRefusal(t)) {
        return TlsException.protocolTooOld(XmppTrustManager.innermostMessage(t), failure);
      }
    }
    for (Throwable t : chain) {
      if (t instanceof CertPathValidatorException cpve) {
        return TlsException.untrustedCertificate(subjects(cpve.getCertPath()), reasonOf(cpve), failure);
      }
    }
    for (Throwable t : chain) {
      if (t instanceof CertPathBuilderException || t instanceof CertificateException) {
        return TlsException.untrustedCertificate(List.of(), XmppTrustManager.innermostMessage(t), failure);
      }
    }
    for (Throwable t : chain) {
      if (t instanceof SslHandshakeTimeoutException) {
        return TlsException.handshakeFailed("timed out: " + t.getMessage(), failure);
      }
    }
    return TlsException.handshakeFailed(XmppTrustManager.innermostMessage(failure), failure);
  }

  private static boolean isVersionRefusal(Throwable t) {
    if (t instanceof TlsFatalAlert a && a.getAlertDescription() == AlertDescription.protocol_version) {
      return true;
    }
    if (t instanceof TlsFatalAlertReceived a && a.getAlertDescription() == AlertDescription.protocol_version) {
      return true;
    }
    String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    return m.contains("protocol_version") || m.contains("no appropriate protocol")
        || m.contains("not accepted by client preferences") || m.contains("unsupported protocol version");
  }

  /** What a trust manager's refusal says: the innermost message, with the path validator's reason if any. */
  static String validatorReason(Throwable refusal) {
    for (Throwable t : causes(refusal)) {
      if (t instanceof CertPathValidatorException cpve && cpve.getReason() != null
          && cpve.getReason() != CertPathValidatorException.BasicReason.UNSPECIFIED) {
        return cpve.getReason() + ": " + XmppTrustManager.innermostMessage(refusal);
      }
    }
    return XmppTrustManager.innermostMessage(refusal);
  }

  private static String reasonOf(CertPathValidatorException e) {
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    return e.getReason() == null || e.getReason() == CertPathValidatorException.BasicReason.UNSPECIFIED
        ? msg : e.getReason() + ": " + msg;
  }

  private static List<String> subjects(CertPath path) {
    List<String> out = new ArrayList<>();
    if (path != null) {
      for (Certificate c : path.getCertificates()) {
        if (c instanceof X509Certificate x) {
          out.add(x.getSubjectX500Principal().getName());
        }
      }
    }
    return out;
  }

  private static List<Throwable> causes(Throwable t) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    List<Throwable> out = new ArrayList<>();
    while (t != null && out.size() < MAX_DEPTH && seen.put(t, Boolean.TRUE) == null) {
      out.add(t);
      for (Throwable s : t.getSuppressed()) {
        if (out.size() < MAX_DEPTH && seen.put(s, Boolean.TRUE) == null) {
          out.add(s);
        }
      }
      t = t.getCause();
    }
    return out;
  }
}
