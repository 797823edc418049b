package dev.xmppreactive.tls;

import io.netty.handler.ssl.SslHandler;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** The outcome of a client TLS handshake as a {@link Mono}. */
public final class TlsHandshake {

  private TlsHandshake() {
  }

  /**
   * Completes with the session's information when the handler's handshake succeeds, and fails with a
   * {@link TlsException} that says why when it fails.
   *
   * <p><b>Threading:</b> signals on the channel's event loop, or on the subscribing thread if the
   * handshake had already finished.
   *
   * <p><b>Backpressure:</b> a single value; no demand is needed before it is produced.
   *
   * <p><b>Errors:</b> {@link TlsException} from {@link TlsFailures#classify(Throwable)}:
   * {@code UNTRUSTED_CERTIFICATE}, {@code IDENTITY_MISMATCH}, {@code PROTOCOL_TOO_OLD} or
   * {@code HANDSHAKE_FAILED} (including the handler's handshake timeout and a closed connection).
   */
  public static Mono<TlsSessionInfo> result(SslHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return Mono.create(sink -> handler.handshakeFuture().addListener(f -> {
      if (f.isSuccess()) {
        sink.success(TlsSessionInfo.of(handler.engine()));
      } else {
        sink.error(TlsFailures.classify(f.cause()));
      }
    }));
  }
}
