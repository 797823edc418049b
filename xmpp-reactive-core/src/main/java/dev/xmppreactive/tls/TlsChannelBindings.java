package dev.xmppreactive.tls;

import dev.xmppreactive.sasl.ChannelBindingSource;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.bouncycastle.jsse.BCSSLConnection;
import org.bouncycastle.jsse.BCSSLEngine;

/**
 * The channel bindings of an established client TLS connection.
 *
 * <ul>
 *   <li>{@code tls-server-end-point} (RFC 5929 §4): computed here from the server's certificate, so it
 *       exists on every stack and TLS version (except for Ed25519/Ed448 certificates).</li>
 *   <li>{@code tls-unique} (RFC 5929 §3): on TLS 1.2 with BouncyCastle's JSSE only, through
 *       {@code BCSSLEngine.getConnection().getChannelBinding("tls-unique")}; never on TLS 1.3, where it
 *       is undefined (RFC 9266 §3, RFC 8446 §C.5). BouncyCastle refuses by default to resume a TLS 1.2
 *       session without extended master secret, which keeps it clear of the triple-handshake attack.</li>
 *   <li>{@code tls-exporter} (RFC 9266): asked of BouncyCastle's JSSE, which is the only Java 17 stack
 *       with an exporter. BouncyCastle 1.84 erases the exporter secret when the handshake completes,
 *       so after the handshake it cannot be had (bcgit/bc-java issue 1535) and this returns empty; it
 *       starts to work without change here once BouncyCastle keeps the secret. The JDK 17 stack has no
 *       exporter at all.</li>
 * </ul>
 *
 * <p>Instances read the engine when asked, so ask after the handshake has completed. Thread-safe.
 */
public final class TlsChannelBindings implements ChannelBindingSource {

  private final SSLEngine engine;

  private TlsChannelBindings(SSLEngine engine) {
    this.engine = engine;
  }

  /** The bindings of a handler's engine. */
  public static TlsChannelBindings of(SslHandler handler) {
    return new TlsChannelBindings(Objects.requireNonNull(handler, "handler").engine());
  }

  /** The bindings of a client engine. */
  public static TlsChannelBindings of(SSLEngine engine) {
    return new TlsChannelBindings(Objects.requireNonNull(engine, "engine"));
  }

  @Override
  public Optional<byte[]> channelBinding(String type) {
    Objects.requireNonNull(type, "type");
    SSLSession session = engine.getSession();
    String protocol = session == null ? "NONE" : session.getProtocol();
    if (!protocol.equals("TLSv1.3") && !protocol.equals("TLSv1.2")) {
      return Optional.empty();
    }
    return switch (type) {
      case TLS_SERVER_END_POINT -> serverCertificate(session).flatMap(TlsServerEndPoint::of);
      case TLS_UNIQUE -> protocol.equals("TLSv1.2") ? fromBouncyCastle(TLS_UNIQUE) : Optional.empty();
      case TLS_EXPORTER -> fromBouncyCastle(TLS_EXPORTER);
      default -> Optional.empty();
    };
  }

  /**
   * The types this connection can give now, most preferred first: {@code tls-exporter},
   * {@code tls-unique}, {@code tls-server-end-point}. For XEP-0440 negotiation.
   */
  public List<String> availableTypes() {
    List<String> out = new ArrayList<>(3);
    for (String t : List.of(TLS_EXPORTER, TLS_UNIQUE, TLS_SERVER_END_POINT)) {
      if (channelBinding(t).isPresent()) {
        out.add(t);
      }
    }
    return out;
  }

  private Optional<byte[]> fromBouncyCastle(String type) {
    if (!(engine instanceof BCSSLEngine bc)) {
      return Optional.empty();
    }
    BCSSLConnection connection = bc.getConnection();
    if (connection == null) {
      return Optional.empty();
    }
    try {
      byte[] data = connection.getChannelBinding(type);
      return data == null || data.length == 0 ? Optional.empty() : Optional.of(data.clone());
    } catch (IllegalStateException | UnsupportedOperationException e) {
      // BouncyCastle: secret already erased, no extended master secret, or type unknown to it.
      return Optional.empty();
    }
  }

  private static Optional<X509Certificate> serverCertificate(SSLSession session) {
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate x ? Optional.of(x) : Optional.empty();
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }
}
