package dev.xmppreactive.client;

import dev.xmppreactive.sasl.SaslOutcome;
import dev.xmppreactive.tls.TlsSessionInfo;
import reactor.core.publisher.Mono;

/**
 * Test-only access to what the client knows but its public API does not show yet: how a session
 * authenticated and over which TLS session, and what a server offers before authentication. For the
 * integration tests in {@code dev.xmppreactive.it}.
 */
public final class ClientProbe {

  private ClientProbe() {
  }

  /** How the session authenticated (mechanism, channel binding). */
  public static SaslOutcome sasl(XmppSession session) {
    return ((Session) session).negotiated().sasl();
  }

  /** The TLS session the session runs on. */
  public static TlsSessionInfo tls(XmppSession session) {
    return ((Session) session).negotiated().tls();
  }

  /**
   * Connects as the client would, secures the stream (STARTTLS or direct TLS), and gives the features
   * the server offers before authentication (its SASL mechanisms); then closes the connection without
   * authenticating.
   *
   * <p>Threading: signals on a connection event loop. Backpressure: one value. Errors: as
   * {@link XmppClient#connect()} before authentication.
   */
  public static Mono<StreamFeatures> featuresBeforeAuthentication(XmppClient client) {
    return Mono.defer(() -> {
      ClientSettings s = client.settings();
      Connector connector = new Connector(s, client.tlsContext());
      return connector.connectAndSecure().map(n -> {
        StreamFeatures f = n.features();
        n.connection().close();
        return f;
      });
    });
  }
}
