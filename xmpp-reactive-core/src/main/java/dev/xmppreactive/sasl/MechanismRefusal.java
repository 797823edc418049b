package dev.xmppreactive.sasl;

/**
 * Why the client did not use a mechanism that the server offered; {@link SaslException#refusals()}
 * names one for each offered mechanism when none was acceptable.
 */
public enum MechanismRefusal {
  /** The library does not implement this mechanism. */
  NOT_IMPLEMENTED("not implemented by this client"),
  /** The settings do not allow it ({@link SaslSettings#withMechanisms}). */
  NOT_ALLOWED("not allowed by the client's settings"),
  /** It needs TLS and the stream is not encrypted (PLAIN, EXTERNAL and every -PLUS variant). */
  NEEDS_TLS("needs TLS, and the stream is not encrypted"),
  /** It needs a password and the settings have none. */
  NO_PASSWORD("needs a password, and none is configured"),
  /** EXTERNAL without a client certificate configured. */
  NO_CLIENT_CERTIFICATE("needs a client certificate, and none is configured"),
  /** ANONYMOUS, which is used only when asked for ({@link SaslSettings#anonymous()}). */
  NOT_REQUESTED("anonymous login was not asked for"),
  /** A -PLUS variant when no channel-binding type is usable by both sides. */
  NO_CHANNEL_BINDING("no channel-binding type usable by both sides"),
  /** A mechanism the client would accept, but a stronger one was chosen. */
  WEAKER_THAN_CHOSEN("a stronger mechanism was chosen");

  private final String description;

  MechanismRefusal(String description) {
    this.description = description;
  }

  /** A short English explanation, for messages and logs. */
  public String description() {
    return description;
  }
}
