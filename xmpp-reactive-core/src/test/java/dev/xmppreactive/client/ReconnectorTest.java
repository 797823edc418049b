package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamErrorException;
import dev.xmppreactive.tls.TlsException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which failures end reconnection at once ({@link Reconnector#isFinal}). */
class ReconnectorTest {

  @ParameterizedTest
  @EnumSource(StreamErrorCondition.class)
  void streamErrorsThatSayTheSessionMustNotComeBackAreFinal(StreamErrorCondition c) {
    boolean expected = switch (c) {
      case CONFLICT, NOT_AUTHORIZED, HOST_UNKNOWN, HOST_GONE, INVALID_NAMESPACE,
           UNSUPPORTED_VERSION -> true;
      default -> false;
    };
    assertThat(Reconnector.isFinal(new StreamErrorException(StreamError.of(c, null), false)))
        .as(c.name()).isEqualTo(expected);
  }

  @Test
  void onlyATlsHandshakeCutShortIsRetried() {
    assertThat(Reconnector.isFinal(TlsException.handshakeFailed("closed", new IOException("x"))))
        .isFalse();
    assertThat(Reconnector.isFinal(TlsException.untrustedCertificate(List.of("CN=x"), "no", null)))
        .isTrue();
    assertThat(Reconnector.isFinal(TlsException.identityMismatch("example.test", List.of("a"), "")))
        .isTrue();
    assertThat(Reconnector.isFinal(TlsException.protocolTooOld("TLSv1.1", null))).isTrue();
    assertThat(Reconnector.isFinal(TlsException.startTlsRequiredButNotOffered())).isTrue();
    assertThat(Reconnector.isFinal(TlsException.startTlsRefused())).isTrue();
  }

  @Test
  void networkFailuresAreRetried() {
    assertThat(Reconnector.isFinal(new IOException("reset"))).isFalse();
    assertThat(Reconnector.isFinal(new KeepaliveTimeoutException(Keepalive.defaults()))).isFalse();
  }
}
