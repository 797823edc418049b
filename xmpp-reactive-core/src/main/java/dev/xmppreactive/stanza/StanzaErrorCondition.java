package dev.xmppreactive.stanza;

import dev.xmppreactive.stanza.StanzaError.Type;

/**
 * The defined conditions of stanza errors, RFC 6120 §8.3.3. Each names a child element of
 * {@code <error/>} in the {@code urn:ietf:params:xml:ns:xmpp-stanzas} namespace and has the error type
 * that the RFC recommends for it, used when an error is created without an explicit type.
 */
public enum StanzaErrorCondition {
  /** §8.3.3.1: the stanza does not conform to the schema or cannot be processed; modify. */
  BAD_REQUEST(Type.MODIFY),
  /** §8.3.3.2: a resource or address of that name already exists; cancel. */
  CONFLICT(Type.CANCEL),
  /** §8.3.3.3: the feature is not implemented by the recipient or server; cancel. */
  FEATURE_NOT_IMPLEMENTED(Type.CANCEL),
  /** §8.3.3.4: the requester lacks the permissions (authorisation); auth. */
  FORBIDDEN(Type.AUTH),
  /** §8.3.3.5: the address is gone for good; the condition's text may give a new URI; cancel. */
  GONE(Type.CANCEL),
  /** §8.3.3.6: the server failed; cancel. */
  INTERNAL_SERVER_ERROR(Type.CANCEL),
  /** §8.3.3.7: the addressed JID or item cannot be found; cancel. */
  ITEM_NOT_FOUND(Type.CANCEL),
  /** §8.3.3.8: an XMPP address is malformed; modify. */
  JID_MALFORMED(Type.MODIFY),
  /** §8.3.3.9: understood, but refused by the recipient's criteria; modify. */
  NOT_ACCEPTABLE(Type.MODIFY),
  /** §8.3.3.10: nobody may perform this action; cancel. */
  NOT_ALLOWED(Type.CANCEL),
  /** §8.3.3.11: credentials are needed first (authentication); auth. */
  NOT_AUTHORIZED(Type.AUTH),
  /** §8.3.3.12: a local service policy was violated; modify. */
  POLICY_VIOLATION(Type.MODIFY),
  /** §8.3.3.13: the recipient is temporarily unavailable; wait. */
  RECIPIENT_UNAVAILABLE(Type.WAIT),
  /** §8.3.3.14: go to another address, usually for a while; the condition's text gives it; modify. */
  REDIRECT(Type.MODIFY),
  /** §8.3.3.15: registration is needed first; auth. */
  REGISTRATION_REQUIRED(Type.AUTH),
  /** §8.3.3.16: a remote server in the address does not exist or cannot be resolved; cancel. */
  REMOTE_SERVER_NOT_FOUND(Type.CANCEL),
  /** §8.3.3.17: a remote server could not be reached in time; wait. */
  REMOTE_SERVER_TIMEOUT(Type.WAIT),
  /** §8.3.3.18: the server or recipient is busy or lacks resources; wait. */
  RESOURCE_CONSTRAINT(Type.WAIT),
  /** §8.3.3.19: the service is not provided; cancel. */
  SERVICE_UNAVAILABLE(Type.CANCEL),
  /** §8.3.3.20: a subscription is needed first; auth. */
  SUBSCRIPTION_REQUIRED(Type.AUTH),
  /**
   * §8.3.3.21: none of the others (normally with an application-specific condition); any type may go
   * with it, this library uses cancel when none is given. Unknown conditions are read as this one
   * (§8.3.2).
   */
  UNDEFINED_CONDITION(Type.CANCEL),
  /** §8.3.3.22: understood but not expected now (for example, out of order); wait. */
  UNEXPECTED_REQUEST(Type.WAIT);

  /** The namespace of the defined conditions and of {@code <text/>}, RFC 6120 §8.3.2. */
  public static final String NS = "urn:ietf:params:xml:ns:xmpp-stanzas";

  private static final StanzaErrorCondition[] VALUES = values();

  private final Type defaultType;
  private final String elementName;

  StanzaErrorCondition(Type defaultType) {
    this.defaultType = defaultType;
    this.elementName = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The element name of this condition, as {@code item-not-found}. */
  public String elementName() {
    return elementName;
  }

  /** The error type RFC 6120 §8.3.3 recommends for this condition. */
  public Type defaultType() {
    return defaultType;
  }

  /**
   * The condition named by an element name, or {@link #UNDEFINED_CONDITION} for a name that is not
   * defined, as RFC 6120 §8.3.2 requires a receiver to treat an unknown condition.
   */
  public static StanzaErrorCondition fromElementName(String name) {
    for (StanzaErrorCondition c : VALUES) {
      if (c.elementName.equals(name)) {
        return c;
      }
    }
    return UNDEFINED_CONDITION;
  }
}
