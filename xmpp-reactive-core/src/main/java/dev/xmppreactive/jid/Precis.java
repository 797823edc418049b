package dev.xmppreactive.jid;

import java.util.ArrayList;
import java.util.List;
import rocks.xmpp.precis.PrecisProfile;
import rocks.xmpp.precis.PrecisProfiles;

/**
 * The PRECIS profiles XMPP uses (RFC 8264, RFC 8265), through rocks.xmpp:precis, completed with the
 * CONTEXTO rules it lacks ({@link ContextRules}).
 *
 * <ul>
 *   <li>{@link #usernameCaseMapped(String)}: RFC 8265 §3.3, for localparts (RFC 7622 §3.3);</li>
 *   <li>{@link #opaqueString(String)}: RFC 8265 §4.2, for resourceparts (RFC 7622 §3.4) and passwords
 *       (RFC 6120 §6.3.8 as updated).</li>
 * </ul>
 *
 * <p>Both throw {@link IllegalArgumentException} when the string is not allowed. The methods are pure
 * and thread-safe.
 */
public final class Precis {

  /** Stand-ins that IdentifierClass allows, never changes, and that carry the same bidi class. */
  private static final int[] LTR_STANDINS = {0x4E00, 0x4E01, 0x4E03};
  private static final int[] RTL_STANDINS = {0x05D0, 0x05D1, 0x05D2};

  private Precis() {
  }

  /** Enforces UsernameCaseMapped, RFC 8265 §3.3. */
  public static String usernameCaseMapped(String s) {
    return enforceIdentifier(PrecisProfiles.USERNAME_CASE_MAPPED, s);
  }

  /** Enforces OpaqueString, RFC 8265 §4.2. */
  public static String opaqueString(String s) {
    String out = PrecisProfiles.OPAQUE_STRING.enforce(s);
    checkContext(out);
    return out;
  }

  /**
   * IdentifierClass profiles: rocks.xmpp refuses every CONTEXTO code point. Each is swapped for a
   * stand-in of the same bidi class that no rule of the profile changes (so the bidi rule sees the same
   * classes and NFC leaves order alone), the profile is enforced, the originals are put back, and then
   * the context rules are checked on the result.
   */
  private static String enforceIdentifier(PrecisProfile profile, String s) {
    boolean hasContextO = false;
    for (int i = 0; i < s.length(); i++) {
      if (ContextRules.isContextO(s.charAt(i))) {
        hasContextO = true;
        break;
      }
    }
    if (!hasContextO) {
      return profile.enforce(s);
    }
    int ltr = pickStandIn(s, LTR_STANDINS);
    int rtl = pickStandIn(s, RTL_STANDINS);
    List<Integer> originals = new ArrayList<>();
    StringBuilder swapped = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (ContextRules.isContextO(cp) && !(cp >= 0x0660 && cp <= 0x06F9 && Character.isDigit(cp))) {
        originals.add(cp);
        swapped.appendCodePoint(cp == 0x05F3 || cp == 0x05F4 ? rtl : ltr);
      } else {
        swapped.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    String enforced = profile.enforce(swapped);
    StringBuilder out = new StringBuilder(enforced.length());
    int k = 0;
    for (int i = 0; i < enforced.length(); ) {
      int cp = enforced.codePointAt(i);
      if ((cp == ltr || cp == rtl) && k < originals.size()) {
        out.appendCodePoint(originals.get(k++));
      } else {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    if (k != originals.size()) {
      throw new IllegalArgumentException("could not apply the PRECIS context rules to the string");
    }
    String result = out.toString();
    checkContext(result);
    return result;
  }

  private static int pickStandIn(String s, int[] candidates) {
    for (int c : candidates) {
      if (s.indexOf(c) < 0) {
        return c;
      }
    }
    throw new IllegalArgumentException("could not apply the PRECIS context rules to the string");
  }

  private static void checkContext(String s) {
    int bad = ContextRules.firstViolation(s);
    if (bad >= 0) {
      throw new IllegalArgumentException(String.format(
          "the code point U+%04X is not allowed in this context (RFC 5892 Appendix A, RFC 8264 §9.13)",
          bad));
    }
  }
}
