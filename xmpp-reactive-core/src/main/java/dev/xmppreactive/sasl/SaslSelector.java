package dev.xmppreactive.sasl;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the strongest mechanism that the server offers and the client may use, and for SCRAM the
 * channel binding and GS2 flag (RFC 5802 §6, RFC 9266, XEP-0440 §5).
 *
 * <p>Order of strength ({@link #PREFERENCE}): EXTERNAL (only with a client certificate configured),
 * SCRAM-SHA-512-PLUS, -256-PLUS, -1-PLUS, SCRAM-SHA-512, -256, -1, PLAIN, ANONYMOUS (only when asked
 * for). PLAIN, EXTERNAL and the -PLUS variants need TLS, whatever the settings.
 *
 * <p>Channel-binding type: when the server lists its types (XEP-0440), the first of the client's
 * {@link SaslSettings#channelBindingTypes()} that the server lists, that the TLS version defines and
 * that the {@link ChannelBindingSource} can give. Without that list the server can only be expected
 * to support the default type of the TLS version, {@code tls-exporter} on TLS 1.3 (RFC 9266 §3) and
 * {@code tls-unique} before (RFC 5802 §6.1); if the source cannot give it, no -PLUS variant is used:
 * guessing {@code tls-server-end-point} would fail against servers that never implemented it.
 * Measured: ejabberd 23.01 offers the -PLUS variants on TLS 1.3 too but accepts only {@code tls-unique},
 * which TLS 1.3 does not define, and refuses {@code p=tls-exporter} with not-authorized ("Invalid
 * channel binding"); against it on TLS 1.3, leave {@code tls-exporter} out of
 * {@link SaslSettings#withChannelBindingTypes} (the client then sends "n") or use TLS 1.2.
 *
 * <p>GS2 flag of a SCRAM variant without -PLUS: "y" if the client could have bound the channel but
 * the server offered no -PLUS variant, "n" otherwise (RFC 5802 §6). XEP-0440 §5's checks apply when the
 * client can bind: channel-binding types listed without any -PLUS variant fail as a downgrade, and
 * -PLUS with only unusable types and no {@code tls-server-end-point} requires XEP-0474's proof. A
 * server that breaks XEP-0440's rules that way can still be used by turning channel binding off
 * ({@code withChannelBindingTypes(List.of())}). Stateless and thread-safe.
 */
public final class SaslSelector {

  /** Every mechanism this client implements, strongest first. */
  public static final List<String> PREFERENCE = List.of("EXTERNAL", "SCRAM-SHA-512-PLUS",
      "SCRAM-SHA-256-PLUS", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1",
      "PLAIN", "ANONYMOUS");

  private record Binding(String type, byte[] data) {
  }

  private SaslSelector() {
  }

  /**
   * Chooses.
   *
   * @param settings the client's settings
   * @param offer    what the server offers
   * @param channel  the connection under the stream
   * @return the choice
   * @throws SaslException {@link SaslException.Kind#NO_ACCEPTABLE_MECHANISM} with the reason for each
   *                       offered mechanism, or {@link SaslException.Kind#DOWNGRADE_DETECTED} if the
   *                       server lists channel-binding types but no -PLUS variant (XEP-0440 §5) and
   *                       SCRAM would be used
   */
  public static SaslSelection select(SaslSettings settings, SaslOffer offer, SaslChannel channel) {
    boolean canBind = channel.isTls() && !settings.channelBindingTypes().isEmpty()
        && settings.mechanisms().stream().anyMatch(m -> m.endsWith("-PLUS"));
    Optional<Binding> binding = canBind ? binding(settings, offer, channel) : Optional.empty();
    Map<String, MechanismRefusal> refusals = new LinkedHashMap<>();
    for (String m : offer.mechanisms()) {
      MechanismRefusal r = refusal(m, settings, channel, binding.isPresent());
      if (r != null) {
        refusals.putIfAbsent(m, r);
      }
    }
    String chosen = null;
    for (String m : PREFERENCE) {
      if (offer.offers(m) && !refusals.containsKey(m)) {
        chosen = m;
        break;
      }
    }
    if (chosen == null) {
      throw SaslException.noAcceptableMechanism(offer.mechanisms(), refusals);
    }
    Map<String, MechanismRefusal> notChosen = new HashMap<>(refusals);
    for (String m : offer.mechanisms()) {
      if (!m.equals(chosen)) {
        notChosen.putIfAbsent(m, MechanismRefusal.WEAKER_THAN_CHOSEN);
      }
    }
    if (!chosen.startsWith("SCRAM-")) {
      return new SaslSelection(chosen, null, false, notChosen);
    }
    if (chosen.endsWith("-PLUS")) {
      Binding b = binding.orElseThrow();
      return new SaslSelection(chosen, Gs2ChannelBinding.bound(b.type(), b.data()), false, notChosen);
    }
    return new SaslSelection(chosen, flagWithoutPlus(offer, binding.isPresent()),
        canBind && mustProveOffer(offer, binding.isPresent()), notChosen);
  }

  private static Gs2ChannelBinding flagWithoutPlus(SaslOffer offer, boolean couldBind) {
    if (!couldBind) {
      return Gs2ChannelBinding.notSupported();
    }
    if (offer.offersChannelBinding()) {
      return Gs2ChannelBinding.notSupported(); // -PLUS offered but not allowed by the settings
    }
    if (offer.channelBindingTypes().map(t -> !t.isEmpty()).orElse(false)) {
      throw SaslException.local(SaslException.Kind.DOWNGRADE_DETECTED, "the server lists "
          + "channel-binding types " + offer.channelBindingTypes().get() + " but offers no -PLUS "
          + "mechanism: they were probably stripped on the way (XEP-0440 §5)");
    }
    return Gs2ChannelBinding.notOfferedByServer();
  }

  /** XEP-0440 §5 rule 6 as XEP-0474 §5 changes it. */
  private static boolean mustProveOffer(SaslOffer offer, boolean bound) {
    return !bound && offer.offersChannelBinding() && offer.channelBindingTypes()
        .map(t -> !t.contains(ChannelBindingSource.TLS_SERVER_END_POINT)).orElse(false);
  }

  private static Optional<Binding> binding(SaslSettings settings, SaslOffer offer,
      SaslChannel channel) {
    List<String> advertised = offer.channelBindingTypes().orElse(null);
    for (String type : settings.channelBindingTypes()) {
      boolean usable = advertised != null ? advertised.contains(type)
          : type.equals(channel.defaultType());
      if (usable && channel.definesType(type)) {
        Optional<byte[]> data = channel.channelBindingSource().channelBinding(type);
        if (data.isPresent() && data.get().length > 0) {
          return Optional.of(new Binding(type, data.get()));
        }
      }
    }
    return Optional.empty();
  }

  private static MechanismRefusal refusal(String m, SaslSettings s, SaslChannel channel,
      boolean bound) {
    if (!PREFERENCE.contains(m)) {
      return MechanismRefusal.NOT_IMPLEMENTED;
    }
    if (!s.mechanisms().contains(m)) {
      return MechanismRefusal.NOT_ALLOWED;
    }
    switch (m) {
      case "EXTERNAL":
        return !s.usesClientCertificate() ? MechanismRefusal.NO_CLIENT_CERTIFICATE
            : !channel.isTls() ? MechanismRefusal.NEEDS_TLS : null;
      case "ANONYMOUS":
        return s.isAnonymous() ? null : MechanismRefusal.NOT_REQUESTED;
      case "PLAIN":
        return !channel.isTls() ? MechanismRefusal.NEEDS_TLS
            : !s.hasPassword() ? MechanismRefusal.NO_PASSWORD : null;
      default: // SCRAM
        if (m.endsWith("-PLUS")) {
          if (!channel.isTls()) {
            return MechanismRefusal.NEEDS_TLS;
          }
          if (!s.hasPassword()) {
            return MechanismRefusal.NO_PASSWORD;
          }
          return bound ? null : MechanismRefusal.NO_CHANNEL_BINDING;
        }
        return s.hasPassword() ? null : MechanismRefusal.NO_PASSWORD;
    }
  }
}
