package dev.xmppreactive.sasl;

import java.util.Objects;

/**
 * How a successful authentication went, for logs and for callers that want to insist on more (for
 * example, on channel binding).
 *
 * @param mechanism           the mechanism used
 * @param channelBindingType  the channel-binding type bound with, or {@code null} without binding
 * @param serverAuthenticated whether the server proved it knows the credentials (SCRAM's {@code v=})
 * @param downgradeProtection what came of XEP-0474
 */
public record SaslOutcome(String mechanism, String channelBindingType, boolean serverAuthenticated,
                          DowngradeProtection downgradeProtection) {

  /** Checks the values. */
  public SaslOutcome {
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(downgradeProtection, "downgradeProtection");
  }
}
