package dev.xmppreactive.sasl;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link SaslSelector} chose: the mechanism, for SCRAM the GS2 channel binding, and why the
 * other offered mechanisms were not used.
 *
 * @param mechanism             the mechanism name
 * @param channelBinding        the GS2 channel binding for SCRAM; {@code null} for other mechanisms
 * @param requireDowngradeProof whether SCRAM must see a matching XEP-0474 hash to go on (XEP-0474 §5,
 *                              new rule 6: the server's channel-binding types were all unusable and
 *                              did not include tls-server-end-point)
 * @param notChosen             the other offered mechanisms and why each was not used
 */
public record SaslSelection(String mechanism, Gs2ChannelBinding channelBinding,
                            boolean requireDowngradeProof, Map<String, MechanismRefusal> notChosen) {

  /** Checks and copies. */
  public SaslSelection {
    Objects.requireNonNull(mechanism, "mechanism");
    notChosen = Map.copyOf(notChosen);
  }

  /** The channel-binding type in use, or {@code null} without channel binding. */
  public String channelBindingType() {
    return channelBinding == null ? null : channelBinding.type();
  }
}
