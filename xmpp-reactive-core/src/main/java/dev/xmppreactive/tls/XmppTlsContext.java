package dev.xmppreactive.tls;

import io.netty.handler.ssl.SslHandler;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds client TLS engines and Netty {@link SslHandler}s for XMPP connections from a
 * {@link TlsSettings}. Build one per settings value and reuse it: it holds one {@code SSLContext} per
 * {@link TlsMode} (and so one TLS session cache each), and with BouncyCastle its own provider
 * instance: about a megabyte, so {@code XmppClient} builds one per client configuration, at its first
 * connection, and shares it with all the connections and reconnections of that client and of its
 * copies with the same settings. Thread-safe.
 *
 * <p><b>TLS session resumption.</b> Engines of one context may resume each other's TLS sessions
 * (RFC 8446 §2.2, RFC 5246 §7.3), which the JSSE providers key by the engine's peer host and port:
 * here the XMPP domain, never the address connected to. A session is resumed only with a server that
 * holds its secret, that is the one that proved the certificate checked when the session was first
 * established, for the same domain and port; a connection for another domain starts no resumption
 * and gets the full checks below, and a server that cannot resume gets a full handshake with them
 * too. The two {@link TlsMode}s never share sessions (a context each). Channel bindings stay those of
 * the connection: {@code tls-server-end-point} is read from the session's certificate, kept on
 * resumption; {@code tls-unique} is the first Finished message of the connection's own handshake
 * (RFC 5929 §3.1; on a resumed TLS 1.2 session, the server's), and BouncyCastle resumes a TLS 1.2
 * session only with the extended master secret (RFC 7627), which closes the triple-handshake attack
 * on it. Observed with BouncyCastle 1.84: it resumes TLS 1.2 sessions with a server that gives a
 * session ID, not TLS 1.3 ones; against Prosody 0.12 and ejabberd 23.01 (which gave it empty session
 * IDs) each of its connections made a full handshake. The JDK's provider also resumes TLS 1.3
 * sessions (pre-shared keys).
 *
 * <p>Every engine it makes:
 * <ul>
 *   <li>is a client engine whose peer host is the XMPP domain in ASCII form, never an SRV target
 *       (RFC 6125 §6.2.1); the trust manager reads the domain from there;</li>
 *   <li>sends SNI with that domain (XEP-0368 §3; harmless with STARTTLS, RFC 7590 §3.5), except for an
 *       IP literal, which SNI cannot carry;</li>
 *   <li>offers only the configured versions (TLS 1.3 and 1.2) and only AEAD cipher suites with forward
 *       secrecy (RFC 7525 §4.2, which RFC 7590 §3 makes binding), AES-GCM before ChaCha20;</li>
 *   <li>offers ALPN {@code xmpp-client} on direct TLS if {@link TlsSettings#alpn()} (XEP-0368 §3); the
 *       handshake goes on if the server selects none, as Prosody and ejabberd do;</li>
 *   <li>validates the server's chain with the configured trust and then checks its identity against
 *       the domain ({@link ServerIdentityVerifier}), both during the handshake; a refusal fails the
 *       handshake before any XMPP data is sent ({@link TlsFailures#classify} says why).</li>
 * </ul>
 */
public final class XmppTlsContext {

  private static final Logger LOG = LoggerFactory.getLogger(XmppTlsContext.class);

  private static final Pattern ALLOWED_SUITES = Pattern.compile(
      "TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)"
          + "|TLS_(ECDHE_ECDSA|ECDHE_RSA|DHE_RSA)_WITH_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)"
          + "|TLS_EMPTY_RENEGOTIATION_INFO_SCSV");

  private final TlsSettings settings;
  private final Map<TlsMode, SSLContext> contexts;

  private XmppTlsContext(TlsSettings settings, Map<TlsMode, SSLContext> contexts) {
    this.settings = settings;
    this.contexts = contexts;
  }

  /**
   * Builds the contexts: loads the trust and key material and initialises the JSSE provider.
   *
   * @throws TlsException with {@link TlsException.Reason#INVALID_CONFIGURATION} if trust or key
   *                      material cannot be loaded (naming the file, for PEM files)
   */
  public static XmppTlsContext create(TlsSettings settings) {
    Objects.requireNonNull(settings, "settings");
    Provider provider = settings.provider() == JsseProvider.BOUNCY_CASTLE ? BouncyCastleJsse.newProvider() : null;
    boolean insecure = settings.trust() == TlsTrust.InsecureTrustAnyCertificate.INSTANCE;
    X509TrustManager base = insecure ? null : TlsMaterial.trustManager(settings.trust(), provider);
    KeyManager[] keys = TlsMaterial.keyManagers(settings.clientKey().orElse(null), provider);
    if (insecure) {
      LOG.warn("TLS certificate and identity checks are DISABLED (TlsTrust.insecureTrustAnyCertificate): "
          + "anyone on the network path can read and change this client's streams. Development only.");
    }
    ServerIdentityVerifier verifier = new ServerIdentityVerifier(settings.commonNameFallback());
    Map<TlsMode, SSLContext> contexts = new EnumMap<>(TlsMode.class);
    for (TlsMode mode : TlsMode.values()) {
      TrustManager tm = insecure ? new InsecureTrustManager() : new XmppTrustManager(base, mode, verifier);
      try {
        SSLContext ctx = provider == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", provider);
        // An explicit SecureRandom: BouncyCastle's JSSE otherwise asks for a "DEFAULT" SecureRandom,
        // which only a globally registered BouncyCastle provider has.
        ctx.init(keys, new TrustManager[] {tm}, new SecureRandom());
        contexts.put(mode, ctx);
      } catch (GeneralSecurityException | IllegalStateException e) {
        throw TlsException.invalidConfiguration("cannot initialise " + settings.provider() + " TLS: "
            + e.getMessage(), null, e);
      }
    }
    return new XmppTlsContext(settings, contexts);
  }

  /** The settings this context was built from. */
  public TlsSettings settings() {
    return settings;
  }

  /**
   * A configured client engine, before its handshake.
   *
   * @param mode       STARTTLS or direct TLS
   * @param xmppDomain the XMPP domain the stream is for (its {@code to}), U-label or A-label form
   * @param port       the server's port (keys the TLS session cache; not checked in the certificate)
   * @throws IllegalArgumentException if the domain is not a valid domain name
   */
  public SSLEngine newEngine(TlsMode mode, String xmppDomain, int port) {
    ReferenceIdentity ref = ReferenceIdentity.of(xmppDomain, mode);
    SSLEngine engine = contexts.get(mode).createSSLEngine(ref.asciiDomain(), port);
    engine.setUseClientMode(true);
    SSLParameters params = engine.getSSLParameters();
    params.setProtocols(settings.protocols().stream().map(TlsProtocol::jsseName).toArray(String[]::new));
    params.setCipherSuites(allowedSuites(params.getCipherSuites()));
    params.setEndpointIdentificationAlgorithm(null);
    if (!DomainNames.isIpLiteral(ref.asciiDomain())) {
      params.setServerNames(List.of(new SNIHostName(ref.asciiDomain())));
    }
    if (settings.alpn() && mode.alpnProtocol().isPresent()) {
      params.setApplicationProtocols(new String[] {mode.alpnProtocol().get()});
    }
    engine.setSSLParameters(params);
    return engine;
  }

  /**
   * A Netty handler for a client connection, with the settings' handshake timeout. For STARTTLS add it
   * to the pipeline after {@code <proceed/>}; for direct TLS add it before the channel is active. The
   * handshake starts when the handler is added to an active channel.
   *
   * @see #newEngine(TlsMode, String, int)
   * @see TlsHandshake#result(SslHandler)
   */
  public SslHandler newHandler(TlsMode mode, String xmppDomain, int port) {
    SslHandler handler = new SslHandler(newEngine(mode, xmppDomain, port));
    handler.setHandshakeTimeoutMillis(settings.handshakeTimeout().toMillis());
    return handler;
  }

  private static String[] allowedSuites(String[] enabled) {
    List<String> out = new ArrayList<>();
    for (String s : enabled) {
      if (ALLOWED_SUITES.matcher(s).matches()) {
        out.add(s);
      }
    }
    if (out.isEmpty()) {
      throw TlsException.invalidConfiguration("the TLS provider enables no AEAD cipher suite with forward secrecy",
          null, null);
    }
    // AES-GCM before ChaCha20: the JDK runs AES-GCM on AES-NI, while BouncyCastle may take ChaCha20
    // from its pure-Java fallback provider. The sort is stable, so the provider's order stays otherwise.
    out.sort(Comparator.comparingInt(suite -> suite.contains("CHACHA20") ? 1 : 0));
    return out.toArray(new String[0]);
  }
}
