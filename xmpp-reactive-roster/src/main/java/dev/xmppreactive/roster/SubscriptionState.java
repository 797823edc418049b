package dev.xmppreactive.roster;

/**
 * The state of the presence subscriptions between the user and a contact, as the {@code subscription}
 * attribute of a roster item tells it (RFC 6121 §2.1.2.5). The "pending" sub-states are separate:
 * {@link RosterItem#pendingOut()} (§2.1.2.2) and {@link RosterItem#approved()} (§2.1.2.1).
 */
public enum SubscriptionState {
  /** Neither has a subscription to the other's presence (the default when the attribute is absent). */
  NONE("none"),
  /** The user receives the contact's presence; the contact does not receive the user's. */
  TO("to"),
  /** The contact receives the user's presence; the user does not receive the contact's. */
  FROM("from"),
  /** Both receive each other's presence (a mutual subscription). */
  BOTH("both");

  private final String value;

  SubscriptionState(String value) {
    this.value = value;
  }

  /** The value of the {@code subscription} attribute. */
  public String value() {
    return value;
  }

  /** Whether the user receives the contact's presence ({@link #TO} or {@link #BOTH}). */
  public boolean receivesPresence() {
    return this == TO || this == BOTH;
  }

  /** Whether the contact receives the user's presence ({@link #FROM} or {@link #BOTH}). */
  public boolean sendsPresence() {
    return this == FROM || this == BOTH;
  }

  /**
   * The state of an attribute value: {@link #NONE} when it is absent; {@code null} for any value
   * other than the four states (which a client must ignore, RFC 6121 §2.1.2.5; "remove" is not a
   * state).
   */
  public static SubscriptionState fromValue(String value) {
    if (value == null) {
      return NONE;
    }
    return switch (value) {
      case "none" -> NONE;
      case "to" -> TO;
      case "from" -> FROM;
      case "both" -> BOTH;
      default -> null;
    };
  }
}
