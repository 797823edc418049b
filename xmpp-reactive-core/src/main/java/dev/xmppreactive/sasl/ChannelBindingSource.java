package dev.xmppreactive.sasl;

import java.util.Optional;

/**
 * Gives the channel-binding data of the TLS connection under the stream, for SCRAM's -PLUS variants
 * (RFC 5802 §6, RFC 5056). The TLS layer implements it; the JDK's own JSSE exposes no
 * {@code tls-unique} or {@code tls-exporter} data, BouncyCastle's provider does.
 *
 * <p>An implementation returns empty when it cannot give the data for a type, including when the type
 * is not defined for the negotiated protocol: {@code tls-unique} on TLS 1.3 (RFC 9266 §3),
 * {@code tls-exporter} on TLS 1.2 without the extended master secret (RFC 9266 §3). It is called on the
 * connection's thread, after the handshake, at most once per type and attempt.
 *
 * <p>Note for implementers: BouncyCastle 1.84's JSSE gives {@code tls-unique} on TLS 1.2 after the
 * handshake, but its {@code getChannelBinding("tls-exporter")} throws {@code IllegalStateException}
 * ("Export of key material only available from notifyHandshakeComplete()") on TLS 1.2 and 1.3 alike,
 * also from a handshake listener: the exporter secret is gone by then, so {@code tls-exporter} must be
 * captured inside the handshake (BouncyCastle's own TLS API) or reported as unavailable.
 */
@FunctionalInterface
public interface ChannelBindingSource {

  /** {@code tls-exporter}, RFC 9266: keying material exported with label "EXPORTER-Channel-Binding". */
  String TLS_EXPORTER = "tls-exporter";
  /** {@code tls-unique}, RFC 5929 §3: the first Finished message; TLS 1.2 and earlier only. */
  String TLS_UNIQUE = "tls-unique";
  /** {@code tls-server-end-point}, RFC 5929 §4: a hash of the server's certificate. */
  String TLS_SERVER_END_POINT = "tls-server-end-point";

  /** A source that never has data: channel binding is not possible. */
  ChannelBindingSource NONE = type -> Optional.empty();

  /**
   * The channel-binding data for a type.
   *
   * @param type a channel-binding type name from the IANA registry, such as {@link #TLS_EXPORTER}
   * @return the data (a new array the caller may keep), or empty if it cannot be given
   */
  Optional<byte[]> channelBinding(String type);
}
