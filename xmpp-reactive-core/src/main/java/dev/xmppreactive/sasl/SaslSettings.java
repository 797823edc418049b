package dev.xmppreactive.sasl;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the client may authenticate: its credentials and the policy the {@link SaslSelector} applies.
 *
 * <p>Immutable and thread-safe; every {@code with*} method returns a changed copy, so one instance can
 * serve many connections. {@link #toString()} never shows the password.
 */
public final class SaslSettings {

  /** The default minimum SCRAM iteration count: RFC 5802 §5.1 and RFC 7677 §4 ask for at least 4096. */
  public static final int DEFAULT_MIN_ITERATIONS = 4096;
  /** The default maximum SCRAM iteration count, a bound on the CPU a server can make the client spend. */
  public static final int DEFAULT_MAX_ITERATIONS = 1_000_000;
  /** The default channel-binding types, in order of preference (RFC 9266 §4, XEP-0440 §5). */
  public static final List<String> DEFAULT_CHANNEL_BINDING_TYPES = List.of(
      ChannelBindingSource.TLS_EXPORTER, ChannelBindingSource.TLS_UNIQUE,
      ChannelBindingSource.TLS_SERVER_END_POINT);

  private final String username;
  private final String password;
  private final String authzid;
  private final boolean clientCertificate;
  private final boolean anonymous;
  private final List<String> mechanisms;
  private final List<String> channelBindingTypes;
  private final StringPreparation usernamePreparation;
  private final StringPreparation passwordPreparation;
  private final Supplier<String> nonceSource;
  private final int minIterations;
  private final int maxIterations;

  private SaslSettings(String username, String password, String authzid, boolean clientCertificate,
      boolean anonymous, List<String> mechanisms, List<String> channelBindingTypes,
      StringPreparation usernamePreparation, StringPreparation passwordPreparation,
      Supplier<String> nonceSource, int minIterations, int maxIterations) {
    this.username = username;
    this.password = password;
    this.authzid = authzid;
    this.clientCertificate = clientCertificate;
    this.anonymous = anonymous;
    this.mechanisms = mechanisms;
    this.channelBindingTypes = channelBindingTypes;
    this.usernamePreparation = usernamePreparation;
    this.passwordPreparation = passwordPreparation;
    this.nonceSource = nonceSource;
    this.minIterations = minIterations;
    this.maxIterations = maxIterations;
  }

  private static SaslSettings base() {
    return new SaslSettings(null, null, null, false, false, SaslSelector.PREFERENCE,
        DEFAULT_CHANNEL_BINDING_TYPES, StringPreparation.NONE, StringPreparation.OPAQUE_STRING,
        new RandomNonce(), DEFAULT_MIN_ITERATIONS, DEFAULT_MAX_ITERATIONS);
  }

  /**
   * Authenticates with a password (SCRAM, or PLAIN over TLS).
   *
   * @param username the authentication identity: for XMPP the JID's localpart, already normalised by
   *                 the JID layer (RFC 6120 §6.3.8, RFC 7622 §3.3)
   * @param password the password, prepared with OpaqueString when an attempt starts
   * @throws IllegalArgumentException if the username is empty or holds U+0000, or the password is empty
   */
  public static SaslSettings password(String username, String password) {
    return base().withPassword(username, password);
  }

  /** Authenticates with the TLS client certificate only (EXTERNAL, RFC 6120 §6.3.8, XEP-0178). */
  public static SaslSettings clientCertificate() {
    return base().withClientCertificate(true);
  }

  /** Logs in anonymously (ANONYMOUS, RFC 4505); no other mechanism is used. */
  public static SaslSettings anonymous() {
    return base().copy(null, null, null, false, true);
  }

  /** A copy that authenticates with a password; see {@link #password(String, String)}. */
  public SaslSettings withPassword(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isEmpty() || username.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a SASL username must be non-empty and hold no U+0000");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException("the password is empty");
    }
    return copy(username, password, authzid, clientCertificate, false);
  }

  /**
   * A copy that does or does not use the TLS client certificate (EXTERNAL). With a password as well,
   * EXTERNAL is tried first and the password is the fallback when the server does not offer it.
   */
  public SaslSettings withClientCertificate(boolean enabled) {
    return copy(username, password, authzid, enabled, anonymous && !enabled);
  }

  /**
   * A copy with an authorization identity (RFC 4422 §3.4.1), sent as SCRAM's {@code a=}, PLAIN's
   * authzid and EXTERNAL's response; {@code null} (the default) sends none, which lets the server
   * derive it, as RFC 6120 §6.3.8 recommends for clients.
   */
  public SaslSettings withAuthzid(String authzid) {
    if (authzid != null && (authzid.isEmpty() || authzid.indexOf('\0') >= 0)) {
      throw new IllegalArgumentException("an authzid must be non-empty and hold no U+0000");
    }
    return new SaslSettings(username, password, authzid, clientCertificate, anonymous, mechanisms,
        channelBindingTypes, usernamePreparation, passwordPreparation, nonceSource, minIterations,
        maxIterations);
  }

  /**
   * A copy that uses only these mechanisms (the order does not matter: the strongest wins).
   *
   * @throws IllegalArgumentException if a name is not one {@link SaslSelector#PREFERENCE} lists
   */
  public SaslSettings withMechanisms(List<String> allowed) {
    for (String m : allowed) {
      if (!SaslSelector.PREFERENCE.contains(m)) {
        throw new IllegalArgumentException("not a mechanism this client implements: " + m);
      }
    }
    return new SaslSettings(username, password, authzid, clientCertificate, anonymous,
        List.copyOf(allowed), channelBindingTypes, usernamePreparation, passwordPreparation,
        nonceSource, minIterations, maxIterations);
  }

  /**
   * A copy with the channel-binding types the client may use, most preferred first; an empty list
   * turns channel binding off (SCRAM then sends the GS2 flag "n"). Default
   * {@link #DEFAULT_CHANNEL_BINDING_TYPES}.
   */
  public SaslSettings withChannelBindingTypes(List<String> types) {
    return new SaslSettings(username, password, authzid, clientCertificate, anonymous, mechanisms,
        List.copyOf(types), usernamePreparation, passwordPreparation, nonceSource, minIterations,
        maxIterations);
  }

  /**
   * A copy with other string preparations. Defaults: the username as given (it is a JID localpart,
   * already prepared with UsernameCaseMapped), the password with {@link StringPreparation#OPAQUE_STRING}.
   */
  public SaslSettings withPreparation(StringPreparation usernamePrep, StringPreparation passwordPrep) {
    return new SaslSettings(username, password, authzid, clientCertificate, anonymous, mechanisms,
        channelBindingTypes, Objects.requireNonNull(usernamePrep, "usernamePrep"),
        Objects.requireNonNull(passwordPrep, "passwordPrep"), nonceSource, minIterations,
        maxIterations);
  }

  /**
   * A copy with another SCRAM client-nonce source (RFC 5802 §5.1); tests fix it to replay vectors.
   * Each value must be printable ASCII without a comma. Default: 24 random bytes, base64.
   */
  public SaslSettings withNonceSource(Supplier<String> source) {
    return new SaslSettings(username, password, authzid, clientCertificate, anonymous, mechanisms,
        channelBindingTypes, usernamePreparation, passwordPreparation,
        Objects.requireNonNull(source, "source"), minIterations, maxIterations);
  }

  /**
   * A copy with other bounds on the SCRAM iteration count the server may ask for.
   *
   * @throws IllegalArgumentException unless {@code 1 <= min <= max}
   */
  public SaslSettings withIterationLimits(int min, int max) {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException("need 1 <= min <= max, got " + min + ", " + max);
    }
    return new SaslSettings(username, password, authzid, clientCertificate, anonymous, mechanisms,
        channelBindingTypes, usernamePreparation, passwordPreparation, nonceSource, min, max);
  }

  private SaslSettings copy(String user, String pass, String authz, boolean cert, boolean anon) {
    return new SaslSettings(user, pass, authz, cert, anon, mechanisms, channelBindingTypes,
        usernamePreparation, passwordPreparation, nonceSource, minIterations, maxIterations);
  }

  /** The username, or {@code null} without a password. */
  public String username() {
    return username;
  }

  /** Whether a password is configured. */
  public boolean hasPassword() {
    return password != null;
  }

  /** The password as configured (not prepared), or {@code null}. */
  String password() {
    return password;
  }

  /** The authorization identity, or {@code null}. */
  public String authzid() {
    return authzid;
  }

  /** Whether EXTERNAL with the TLS client certificate may be used. */
  public boolean usesClientCertificate() {
    return clientCertificate;
  }

  /** Whether this is an anonymous login. */
  public boolean isAnonymous() {
    return anonymous;
  }

  /** The mechanisms the client may use. */
  public List<String> mechanisms() {
    return mechanisms;
  }

  /** The channel-binding types the client may use, most preferred first. */
  public List<String> channelBindingTypes() {
    return channelBindingTypes;
  }

  StringPreparation usernamePreparation() {
    return usernamePreparation;
  }

  StringPreparation passwordPreparation() {
    return passwordPreparation;
  }

  Supplier<String> nonceSource() {
    return nonceSource;
  }

  /** The smallest SCRAM iteration count accepted. */
  public int minIterations() {
    return minIterations;
  }

  /** The largest SCRAM iteration count accepted. */
  public int maxIterations() {
    return maxIterations;
  }

  @Override
  public String toString() {
    return "SaslSettings[username=" + username + ", password=" + (password == null ? "none" : "***")
        + ", authzid=" + authzid + ", clientCertificate=" + clientCertificate + ", anonymous="
        + anonymous + ", mechanisms=" + mechanisms + ", channelBindingTypes=" + channelBindingTypes
        + ", iterations=" + minIterations + ".." + maxIterations + "]";
  }
}
