package dev.xmppreactive.tls;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's TLS configuration, immutable: each {@code with*} method returns a changed copy, so one
 * value can be shared by many clients and threads.
 *
 * <p>The defaults ({@link #defaults()}) are the secure ones: TLS required ({@link TlsPolicy#REQUIRED}),
 * the JDK's trust store, TLS 1.3 and 1.2 only, ALPN {@code xmpp-client} on direct TLS, the server's
 * identity checked against the XMPP domain with the CN-ID fallback of RFC 6125 §6.4.4, BouncyCastle's
 * JSSE (for channel binding), a 10 second handshake timeout.
 */
public final class TlsSettings {

  private static final TlsSettings DEFAULTS = new TlsSettings(TlsPolicy.REQUIRED, TlsTrust.jdkDefault(),
      null, List.of(TlsProtocol.TLS_1_3, TlsProtocol.TLS_1_2), JsseProvider.BOUNCY_CASTLE, true, true,
      Duration.ofSeconds(10));

  private final TlsPolicy policy;
  private final TlsTrust trust;
  private final TlsClientKey clientKey;
  private final List<TlsProtocol> protocols;
  private final JsseProvider provider;
  private final boolean alpn;
  private final boolean commonNameFallback;
  private final Duration handshakeTimeout;

  private TlsSettings(TlsPolicy policy, TlsTrust trust, TlsClientKey clientKey, List<TlsProtocol> protocols,
                      JsseProvider provider, boolean alpn, boolean commonNameFallback, Duration handshakeTimeout) {
    this.policy = policy;
    this.trust = trust;
    this.clientKey = clientKey;
    this.protocols = protocols;
    this.provider = provider;
    this.alpn = alpn;
    this.commonNameFallback = commonNameFallback;
    this.handshakeTimeout = handshakeTimeout;
  }

  /** The secure defaults described in the class comment. */
  public static TlsSettings defaults() {
    return DEFAULTS;
  }

  /** Whether the client may go on without TLS; {@link TlsPolicy#REQUIRED} by default. */
  public TlsPolicy policy() {
    return policy;
  }

  /** Where trust in server certificates comes from. */
  public TlsTrust trust() {
    return trust;
  }

  /** The client certificate for SASL EXTERNAL, if any. */
  public Optional<TlsClientKey> clientKey() {
    return Optional.ofNullable(clientKey);
  }

  /** The TLS versions offered, most preferred first. */
  public List<TlsProtocol> protocols() {
    return protocols;
  }

  /** The JSSE implementation. */
  public JsseProvider provider() {
    return provider;
  }

  /** Whether direct TLS offers the ALPN protocol {@code xmpp-client} (XEP-0368 §3, a SHOULD). */
  public boolean alpn() {
    return alpn;
  }

  /** Whether a certificate without any subjectAltName identity may match by its CN (RFC 6125 §6.4.4). */
  public boolean commonNameFallback() {
    return commonNameFallback;
  }

  /** How long a TLS handshake may take before it fails. */
  public Duration handshakeTimeout() {
    return handshakeTimeout;
  }

  /** A copy with this policy. The two {@code INSECURE_*} policies let a stream go on in cleartext. */
  public TlsSettings withPolicy(TlsPolicy p) {
    return new TlsSettings(Objects.requireNonNull(p, "policy"), trust, clientKey, protocols, provider, alpn,
        commonNameFallback, handshakeTimeout);
  }

  /** A copy with this trust. */
  public TlsSettings withTrust(TlsTrust t) {
    return new TlsSettings(policy, Objects.requireNonNull(t, "trust"), clientKey, protocols, provider, alpn,
        commonNameFallback, handshakeTimeout);
  }

  /** A copy that presents this client certificate when asked; {@code null} for none. */
  public TlsSettings withClientKey(TlsClientKey k) {
    return new TlsSettings(policy, trust, k, protocols, provider, alpn, commonNameFallback, handshakeTimeout);
  }

  /**
   * A copy offering these versions. Older versions than TLS 1.2 cannot be named (see {@link TlsProtocol}).
   *
   * @throws IllegalArgumentException if none is given
   */
  public TlsSettings withProtocols(TlsProtocol... versions) {
    if (versions.length == 0) {
      throw new IllegalArgumentException("at least one TLS version is needed");
    }
    EnumSet<TlsProtocol> set = EnumSet.noneOf(TlsProtocol.class);
    for (TlsProtocol v : versions) {
      set.add(Objects.requireNonNull(v, "version"));
    }
    return new TlsSettings(policy, trust, clientKey, List.copyOf(set), provider, alpn, commonNameFallback,
        handshakeTimeout);
  }

  /** A copy using this JSSE implementation. */
  public TlsSettings withProvider(JsseProvider p) {
    return new TlsSettings(policy, trust, clientKey, protocols, Objects.requireNonNull(p, "provider"), alpn,
        commonNameFallback, handshakeTimeout);
  }

  /** A copy that does or does not offer ALPN on direct TLS. */
  public TlsSettings withAlpn(boolean offer) {
    return new TlsSettings(policy, trust, clientKey, protocols, provider, offer, commonNameFallback,
        handshakeTimeout);
  }

  /**
   * A copy that does or does not accept the CN-ID fallback of RFC 6125 §6.4.4. Off follows RFC 9525,
   * which obsoletes RFC 6125 and drops CN-IDs.
   */
  public TlsSettings withCommonNameFallback(boolean allow) {
    return new TlsSettings(policy, trust, clientKey, protocols, provider, alpn, allow, handshakeTimeout);
  }

  /**
   * A copy with this handshake timeout.
   *
   * @throws IllegalArgumentException if it is not positive
   */
  public TlsSettings withHandshakeTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("handshake timeout must be positive: " + timeout);
    }
    return new TlsSettings(policy, trust, clientKey, protocols, provider, alpn, commonNameFallback, timeout);
  }

  @Override
  public String toString() {
    return "TlsSettings[policy=" + policy + ", trust=" + trust + ", clientKey=" + (clientKey != null)
        + ", protocols=" + protocols + ", provider=" + provider + ", alpn=" + alpn
        + ", commonNameFallback=" + commonNameFallback + ", handshakeTimeout=" + handshakeTimeout + "]";
  }
}
