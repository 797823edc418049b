package dev.xmppreactive.stanza;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Stanza identifiers (RFC 6120 §8.1.3): random, so that they are unique across streams and cannot be
 * guessed by another entity that would forge a response to a request.
 */
public final class StanzaIds {

  // SecureRandom is thread-safe; it holds no state anyone can observe or configure.
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private StanzaIds() {
  }

  /** A new identifier: 96 random bits as 16 characters of URL-safe base64. */
  public static String random() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }
}
