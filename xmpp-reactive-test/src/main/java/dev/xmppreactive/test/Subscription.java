package dev.xmppreactive.test;

import java.util.Locale;

/** The subscription state of a roster item, RFC 6121 §2.1.2.5. */
public enum Subscription {
  /** Neither has a subscription to the other's presence. */
  NONE,
  /** The user receives the contact's presence. */
  TO,
  /** The contact receives the user's presence. */
  FROM,
  /** Both receive each other's presence. */
  BOTH;

  /** The value of the 'subscription' attribute. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the user receives the contact's presence (to or both). */
  public boolean hasTo() {
    return this == TO || this == BOTH;
  }

  /** Whether the contact receives the user's presence (from or both). */
  public boolean hasFrom() {
    return this == FROM || this == BOTH;
  }

  /** This state with (or without) the 'to' half. */
  Subscription withTo(boolean to) {
    return of(to, hasFrom());
  }

  /** This state with (or without) the 'from' half. */
  Subscription withFrom(boolean from) {
    return of(hasTo(), from);
  }

  private static Subscription of(boolean to, boolean from) {
    return to ? (from ? BOTH : TO) : (from ? FROM : NONE);
  }
}
