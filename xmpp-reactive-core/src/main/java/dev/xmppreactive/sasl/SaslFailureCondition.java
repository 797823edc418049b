package dev.xmppreactive.sasl;

/**
 * The defined conditions of a SASL {@code <failure/>}, RFC 6120 §6.5.
 *
 * <p>A condition the library does not know is read as {@link #NOT_AUTHORIZED}, as §6.5 requires ("treat
 * the unknown condition as a generic authentication failure"); {@link SaslException#conditionElementName()}
 * keeps the name the server sent.
 */
public enum SaslFailureCondition {
  /** §6.5.1: the handshake was aborted by the client's {@code <abort/>}. */
  ABORTED("aborted"),
  /** §6.5.2: the account has been disabled. */
  ACCOUNT_DISABLED("account-disabled"),
  /** §6.5.3: the credentials have expired. */
  CREDENTIALS_EXPIRED("credentials-expired"),
  /** §6.5.4: the mechanism may be used only over an encrypted stream. */
  ENCRYPTION_REQUIRED("encryption-required"),
  /** §6.5.5: the base64 data could not be processed. */
  INCORRECT_ENCODING("incorrect-encoding"),
  /** §6.5.6: the authorization identity is not valid or not allowed. */
  INVALID_AUTHZID("invalid-authzid"),
  /** §6.5.7: the mechanism is not supported by the server. */
  INVALID_MECHANISM("invalid-mechanism"),
  /** §6.5.8: the request is malformed. */
  MALFORMED_REQUEST("malformed-request"),
  /** §6.5.9: the mechanism is weaker than server policy allows for this account. */
  MECHANISM_TOO_WEAK("mechanism-too-weak"),
  /** §6.5.10: wrong credentials, or any failure the server does not explain. */
  NOT_AUTHORIZED("not-authorized"),
  /** §6.5.11: a temporary error on the server; trying again later can succeed. */
  TEMPORARY_AUTH_FAILURE("temporary-auth-failure");

  private final String elementName;

  SaslFailureCondition(String elementName) {
    this.elementName = elementName;
  }

  /** The name of the condition element, as in {@code <not-authorized/>}. */
  public String elementName() {
    return elementName;
  }

  /**
   * Whether the same attempt can succeed later without anything being changed: only
   * {@link #TEMPORARY_AUTH_FAILURE} (§6.5.11). The others need new credentials, another mechanism, a
   * change of configuration or an administrator.
   */
  public boolean isTemporary() {
    return this == TEMPORARY_AUTH_FAILURE;
  }

  /**
   * The condition for an element name; an unknown name gives {@link #NOT_AUTHORIZED} (§6.5).
   *
   * @param elementName the local name of the condition element, or {@code null}
   */
  public static SaslFailureCondition fromElementName(String elementName) {
    for (SaslFailureCondition c : values()) {
      if (c.elementName.equals(elementName)) {
        return c;
      }
    }
    return NOT_AUTHORIZED;
  }
}
