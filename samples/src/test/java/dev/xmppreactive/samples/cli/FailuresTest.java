package dev.xmppreactive.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.tls.TlsException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void tlsFailuresAreFoundDownTheCauseChain() {
    RuntimeException wrapped = new RuntimeException("connect failed",
        TlsException.startTlsRefused());
    assertThat(Failures.exitCode(wrapped)).isEqualTo(ExitCodes.TLS);
    assertThat(Failures.describe(wrapped)).startsWith("TLS failed: ");
    assertThat(Failures.exitCode(new IllegalStateException(new SSLHandshakeException("bad"))))
        .isEqualTo(ExitCodes.TLS);
  }

  @Test
  void otherFailuresAreOneLine() {
    RuntimeException e = new RuntimeException("first line\n  second line");
    assertThat(Failures.exitCode(e)).isEqualTo(ExitCodes.FAILURE);
    assertThat(Failures.describe(e)).isEqualTo("first line second line");
    assertThat(Failures.describe(new RuntimeException(new TimeoutException("no answer"))))
        .isEqualTo("timed out: no answer");
    assertThat(Failures.describe(new TimeoutException("no answer")))
        .isEqualTo("timed out: no answer");
    assertThat(Failures.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
  }

  @Test
  void aCycleOfCausesEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(Failures.exitCode(a)).isEqualTo(ExitCodes.FAILURE);
  }
}
