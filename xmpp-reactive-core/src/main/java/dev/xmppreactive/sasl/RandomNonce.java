package dev.xmppreactive.sasl;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The default SCRAM client nonce (RFC 5802 §5.1 {@code r=}): 24 bytes from a {@link SecureRandom},
 * base64-encoded, which gives 32 printable characters without a comma. Thread-safe.
 */
final class RandomNonce implements Supplier<String> {

  private final SecureRandom random = new SecureRandom();

  @Override
  public String get() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
