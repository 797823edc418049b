package dev.xmppreactive.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.junit.jupiter.api.Test;

class TlsFailuresTest {

  private static SSLHandshakeException handshake(String message, Throwable cause) {
    SSLHandshakeException e = new SSLHandshakeException(message);
    e.initCause(cause);
    return e;
  }

  @Test
  void ownExceptionDeepInTheChainIsReturnedAsItIs() {
    TlsException mismatch = TlsException.identityMismatch("example.org", List.of("DNS:evil.example"), null);
    Throwable wrapped = new DecoderException(handshake("bad_certificate",
        new CertificateException(mismatch.getMessage(), mismatch)));
    assertThat(TlsFailures.classify(wrapped)).isSameAs(mismatch);
  }

  @Test
  void certPathValidatorFailureIsUntrustedWithItsReason() {
    CertPathValidatorException cpve = new CertPathValidatorException("validity check failed", null, null, -1,
        CertPathValidatorException.BasicReason.EXPIRED);
    TlsException e = TlsFailures.classify(handshake("PKIX path validation failed",
        new CertificateException("PKIX path validation failed", cpve)));
    assertThat(e.reason()).isEqualTo(TlsException.Reason.UNTRUSTED_CERTIFICATE);
    assertThat(e.detail()).get().asString().contains("EXPIRED");
  }

  @Test
  void plainCertificateExceptionIsUntrusted() {
    TlsException e = TlsFailures.classify(handshake("x", new CertificateException("No trusted certificate found")));
    assertThat(e.reason()).isEqualTo(TlsException.Reason.UNTRUSTED_CERTIFICATE);
    assertThat(e.detail()).contains("No trusted certificate found");
  }

  @Test
  void protocolVersionAlertsAreProtocolTooOld() {
    assertThat(TlsFailures.classify(new SSLHandshakeException("Received fatal alert: protocol_version")).reason())
        .isEqualTo(TlsException.Reason.PROTOCOL_TOO_OLD);
    assertThat(TlsFailures.classify(new SSLHandshakeException(
        "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)")).reason())
        .isEqualTo(TlsException.Reason.PROTOCOL_TOO_OLD);
    SSLException bc = new SSLException(new TlsFatalAlertReceived(AlertDescription.protocol_version));
    assertThat(TlsFailures.classify(bc).reason()).isEqualTo(TlsException.Reason.PROTOCOL_TOO_OLD);
  }

  @Test
  void otherAlertsAndClosedConnectionsAreHandshakeFailures() {
    SSLException bc = new SSLException(new TlsFatalAlertReceived(AlertDescription.handshake_failure));
    TlsException e = TlsFailures.classify(bc);
    assertThat(e.reason()).isEqualTo(TlsException.Reason.HANDSHAKE_FAILED);
    assertThat(e.getCause()).isSameAs(bc);
    assertThat(TlsFailures.classify(new java.nio.channels.ClosedChannelException()).reason())
        .isEqualTo(TlsException.Reason.HANDSHAKE_FAILED);
  }

  @Test
  void timeoutIsAHandshakeFailureThatSaysSo() {
    TlsException e = TlsFailures.classify(new SslHandshakeTimeoutException("handshake timed out after 10000ms"));
    assertThat(e.reason()).isEqualTo(TlsException.Reason.HANDSHAKE_FAILED);
    assertThat(e.getMessage()).contains("timed out");
  }

  @Test
  void cyclicCauseChainsTerminate() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertThat(TlsFailures.classify(a).reason()).isEqualTo(TlsException.Reason.HANDSHAKE_FAILED);
  }

  @Test
  void starttlsFailuresHaveTheirOwnReasons() {
    assertThat(TlsException.startTlsRefused().reason()).isEqualTo(TlsException.Reason.STARTTLS_REFUSED);
    assertThat(TlsException.startTlsRefused().getMessage()).contains("urn:ietf:params:xml:ns:xmpp-tls");
    TlsException notOffered = TlsException.startTlsRequiredButNotOffered();
    assertThat(notOffered.reason()).isEqualTo(TlsException.Reason.STARTTLS_REQUIRED_NOT_OFFERED);
    assertThat(notOffered.is(TlsException.Reason.STARTTLS_REQUIRED_NOT_OFFERED)).isTrue();
    assertThat(notOffered).isInstanceOf(dev.xmppreactive.stream.XmppException.class);
  }
}
