package dev.xmppreactive.sasl;

import java.nio.charset.StandardCharsets;
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

  /** Sorted by "i;octet" (RFC 4790 §9.3): unsigned byte order of the UTF-8 encoding. */
  private static List<String> sorted(List<String> values) {
    List<String> out = new ArrayList<>(values);
    out.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8)));
    return out;
  }
}
