package dev.xmppreactive.sasl;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash functions of the SCRAM family and the functions RFC 5802 §2.2 builds on them: H, HMAC
 * and Hi (PBKDF2 with HMAC as the PRF, one block). All three are required of every Java platform.
 */
public enum ScramHash {
  /** SCRAM-SHA-1, RFC 5802. */
  SHA_1("SHA-1", "SHA-1", "HmacSHA1"),
  /** SCRAM-SHA-256, RFC 7677. */
  SHA_256("SHA-256", "SHA-256", "HmacSHA256"),
  /** SCRAM-SHA-512 (draft-melnikov-scram-sha-512; the same construction with SHA-512). */
  SHA_512("SHA-512", "SHA-512", "HmacSHA512");

  private final String scramName;
  private final String digestAlgorithm;
  private final String macAlgorithm;

  ScramHash(String scramName, String digestAlgorithm, String macAlgorithm) {
    this.scramName = scramName;
    this.digestAlgorithm = digestAlgorithm;
    this.macAlgorithm = macAlgorithm;
  }

  /** The name inside the mechanism name, as in SCRAM-<b>SHA-256</b>. */
  public String scramName() {
    return scramName;
  }

  /** H(str), RFC 5802 §2.2. */
  public byte[] hash(byte[] data) {
    try {
      return MessageDigest.getInstance(digestAlgorithm).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(digestAlgorithm + " is required of every Java platform", e);
    }
  }

  /** HMAC(key, str), RFC 5802 §2.2. */
  public byte[] hmac(byte[] key, byte[] data) {
    return mac(key).doFinal(data);
  }

  /**
   * Hi(str, salt, i), RFC 5802 §2.2: PBKDF2 (RFC 8018) with HMAC as the PRF and one output block.
   *
   * @param password   the prepared password, UTF-8 encoded (non-empty)
   * @param salt       the salt
   * @param iterations the iteration count, at least 1
   */
  public byte[] hi(byte[] password, byte[] salt, int iterations) {
    Mac mac = mac(password);
    mac.update(salt);
    byte[] u = mac.doFinal(ByteBuffer.allocate(4).putInt(1).array());
    byte[] result = u.clone();
    for (int i = 1; i < iterations; i++) {
      u = mac.doFinal(u);
      for (int j = 0; j < result.length; j++) {
        result[j] ^= u[j];
      }
    }
    Arrays.fill(u, (byte) 0);
    return result;
  }

  private Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(macAlgorithm);
      mac.init(new SecretKeySpec(key, macAlgorithm));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(macAlgorithm + " is required of every Java platform", e);
    }
  }
}
