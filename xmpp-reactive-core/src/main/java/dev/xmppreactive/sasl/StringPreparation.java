package dev.xmppreactive.sasl;

import dev.xmppreactive.jid.Precis;

/**
 * Prepares a string before it goes into a SASL exchange, such as a password (RFC 8265 §4.2).
 * Injectable so that tests can run vectors made with another preparation (SASLprep, RFC 4013).
 */
@FunctionalInterface
public interface StringPreparation {

  /**
   * PRECIS OpaqueString (RFC 8265 §4.2), the preparation RFC 6120 (as updated by RFC 7622) and
   * RFC 8265 §6 give for passwords: width-preserving, NFC, non-ASCII spaces mapped to U+0020, control
   * and other disallowed code points rejected, and the context rules of RFC 5892 Appendix A applied.
   */
  StringPreparation OPAQUE_STRING = Precis::opaqueString;

  /** No preparation: the string is used as given. */
  StringPreparation NONE = s -> s;

  /**
   * Prepares a string.
   *
   * @param s the string
   * @return the prepared string
   * @throws IllegalArgumentException if the string cannot be prepared (for example, it holds a code
   *                                  point the profile disallows, or is empty)
   */
  String prepare(String s);
}
