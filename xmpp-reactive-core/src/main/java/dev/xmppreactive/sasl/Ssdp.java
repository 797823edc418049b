package dev.xmppreactive.sasl;

import dev.xmppreactive.sasl.ScramMessages.Attribute;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The XEP-0474 §4.1 downgrade-protection hash ("SSDP") over what the server offered: the mechanisms
 * sorted with "i;octet" and joined with U+001E, then, if the server used XEP-0440, U+001F and the
 * channel-binding types sorted and joined the same way, hashed with the SCRAM hash in use.
 */
final class Ssdp {

  private Ssdp() {
  }

  /** The string S of XEP-0474 §4.1 for an offer. */
  static String input(SaslOffer offer) {
    StringBuilder s = new StringBuilder();
    s.append(String.join("\u001e", sorted(offer.mechanisms())));
    offer.channelBindingTypes().ifPresent(types ->
        s.append('\u001f').append(String.join("\u001e", sorted(types))));
    return s.toString();
  }

  /** H(S) for the offer. */
  static byte[] hash(ScramHash hash, SaslOffer offer) {
    return hash.hash(input(offer).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks the downgrade-protection attribute of a server-first-message (XEP-0474 §4.2).
   *
   * @param extensions   the server-first-message's attributes after {@code i=}
   * @param hash         the SCRAM hash in use
   * @param offer        what the client received as the server's offer
   * @param requireProof whether a verified {@code h=} is required (XEP-0474 §5, new rule 6)
   * @return the result, if the exchange may go on
   * @throws SaslException {@link SaslException.Kind#DOWNGRADE_DETECTED} if the hash does not match,
   *                       or is required and missing
   */
  static DowngradeProtection check(List<Attribute> extensions, ScramHash hash, SaslOffer offer,
      boolean requireProof) {
    String h = null;
    boolean legacy = false;
    for (Attribute a : extensions) {
      if (a.name() == 'h' && h == null) {
        h = a.value();
      } else if (a.name() == 'd') {
        legacy = true;
      }
    }
    if (h != null) {
      byte[] got = SaslCodec.base64(h, "the XEP-0474 hash (h=)");
      if (!MessageDigest.isEqual(hash(hash, offer), got)) {
        throw SaslException.local(SaslException.Kind.DOWNGRADE_DETECTED, "XEP-0474: the server's "
            + "hash of its offer does not match the offer received: mechanisms or channel-binding "
            + "types were changed on the way");
      }
      return DowngradeProtection.VERIFIED;
    }
    if (requireProof) {
      throw SaslException.local(SaslException.Kind.DOWNGRADE_DETECTED, "the server offered -PLUS "
          + "mechanisms and channel-binding types this client cannot use, without "
          + "tls-server-end-point, and did not prove that offer with XEP-0474 (XEP-0440 §5 rule 6)");
    }
    return legacy ? DowngradeProtection.LEGACY_UNVERIFIED : DowngradeProtection.NOT_OFFERED;
  }

  /** Sorted by "i;octet" (RFC 4790 §9.3): unsigned byte order of the UTF-8 encoding. */
  private static List<String> sorted(List<String> values) {
    List<String> out = new ArrayList<>(values);
    out.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8)));
    return out;
  }
}
