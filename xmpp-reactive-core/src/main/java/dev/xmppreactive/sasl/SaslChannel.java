package dev.xmppreactive.sasl;

import java.util.Objects;

/**
 * What SASL needs to know about the connection under the stream: whether it is encrypted, with which
 * TLS version, and where its channel-binding data comes from.
 *
 * <p>Immutable and thread-safe (if the source is).
 */
public final class SaslChannel {

  private static final SaslChannel PLAINTEXT = new SaslChannel(false, false, ChannelBindingSource.NONE);

  private final boolean tls;
  private final boolean tls13;
  private final ChannelBindingSource source;

  private SaslChannel(boolean tls, boolean tls13, ChannelBindingSource source) {
    this.tls = tls;
    this.tls13 = tls13;
    this.source = source;
  }

  /** A stream without TLS: PLAIN, EXTERNAL and the -PLUS variants are never used on it. */
  public static SaslChannel plaintext() {
    return PLAINTEXT;
  }

  /**
   * A stream over TLS.
   *
   * @param protocol the negotiated protocol as JSSE names it ({@code SSLSession.getProtocol()}):
   *                 {@code TLSv1.3}, {@code TLSv1.2}, {@code TLSv1.1} or {@code TLSv1}
   * @param source   the channel-binding data of the connection; {@link ChannelBindingSource#NONE} if
   *                 the TLS stack cannot give any
   * @throws IllegalArgumentException if the protocol is not one of those
   */
  public static SaslChannel tls(String protocol, ChannelBindingSource source) {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(source, "source");
    switch (protocol) {
      case "TLSv1.3":
        return new SaslChannel(true, true, source);
      case "TLSv1.2":
      case "TLSv1.1":
      case "TLSv1":
        return new SaslChannel(true, false, source);
      default:
        throw new IllegalArgumentException("not a TLS protocol name: '" + protocol + "'");
    }
  }

  /** Whether the stream is encrypted with TLS. */
  public boolean isTls() {
    return tls;
  }

  /** Whether the stream is encrypted with TLS 1.3. */
  public boolean isTls13() {
    return tls13;
  }

  /** The source of channel-binding data ({@link ChannelBindingSource#NONE} without TLS). */
  public ChannelBindingSource channelBindingSource() {
    return source;
  }

  /**
   * Whether a channel-binding type is defined for this connection's TLS version: {@code tls-unique}
   * is not defined for TLS 1.3 (RFC 9266 §3); every type needs TLS.
   */
  boolean definesType(String type) {
    return tls && !(tls13 && ChannelBindingSource.TLS_UNIQUE.equals(type));
  }

  /**
   * The channel-binding type a server that does not advertise its types (no XEP-0440) is expected to
   * support: {@code tls-exporter} on TLS 1.3 (RFC 9266 §3), {@code tls-unique} before (RFC 5802 §6.1).
   */
  String defaultType() {
    return tls13 ? ChannelBindingSource.TLS_EXPORTER : ChannelBindingSource.TLS_UNIQUE;
  }

  @Override
  public String toString() {
    return !tls ? "plaintext" : tls13 ? "TLSv1.3" : "TLSv1.2 or earlier";
  }
}
