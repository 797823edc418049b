package dev.xmppreactive.roster;

import dev.xmppreactive.stream.XmppException;

/**
 * An operation needs a stream feature the server did not offer, such as subscription pre-approval
 * (RFC 6121 §3.4: "If the server does not advertise support for subscription pre-approvals, the
 * client MUST NOT attempt to pre-approve").
 */
public final class FeatureNotOfferedException extends XmppException {

  private static final long serialVersionUID = 1L;

  private final String feature;

  FeatureNotOfferedException(String feature, String what) {
    super(what + " needs the stream feature " + feature + ", which the server did not offer");
    this.feature = feature;
  }

  /** The namespace of the missing feature, e.g. {@code urn:xmpp:features:pre-approval}. */
  public String feature() {
    return feature;
  }
}
