package dev.xmppreactive.tls;

import java.util.Optional;

/**
 * Gives the channel-binding data of an established TLS connection for a channel-binding type name
 * (RFC 5056; types registered by RFC 5929 and RFC 9266), as SCRAM-*-PLUS needs for its {@code c=}
 * attribute (RFC 5802 §6). Empty where the TLS version or the TLS stack cannot give that type.
 *
 * <p>To hand it to a SASL layer that takes a {@code Function<String, Optional<byte[]>>} or a similar
 * functional interface: {@code source::channelBinding}.
 */
@FunctionalInterface
public interface ChannelBindingSource {

  /** {@code tls-exporter}, RFC 9266: the default on TLS 1.3. */
  String TLS_EXPORTER = "tls-exporter";
  /** {@code tls-unique}, RFC 5929 §3: TLS 1.2 and older only. */
  String TLS_UNIQUE = "tls-unique";
  /** {@code tls-server-end-point}, RFC 5929 §4: a hash of the server's certificate. */
  String TLS_SERVER_END_POINT = "tls-server-end-point";

  /**
   * The binding data of a type.
   *
   * @param type the type name, e.g. {@link #TLS_UNIQUE}
   * @return a fresh copy of the data, or empty if this connection cannot give it
   */
  Optional<byte[]> channelBinding(String type);

  /** A source that has no binding of any type, for a stream without TLS. */
  static ChannelBindingSource none() {
    return type -> Optional.empty();
  }
}
