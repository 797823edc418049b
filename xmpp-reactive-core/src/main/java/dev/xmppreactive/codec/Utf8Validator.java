package dev.xmppreactive.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629 §4), chunk by chunk: it refuses what Aalto's
 * async scanner lets through (overlong forms such as {@code C0 AF} for '/', code points above
 * U+10FFFF) as well as stray continuation bytes, surrogates encoded in UTF-8 and truncated sequences
 * that are followed by something else. A sequence cut off at the end of a chunk is carried over.
 * Runs of ASCII are skipped 32 bytes at a time. Not thread-safe.
 */
final class Utf8Validator {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  /** Continuation bytes still expected for the current sequence. */
  private int pending;
  /** Bounds for the next continuation byte (the first one after a lead byte may be narrower). */
  private int low = 0x80;
  private int high = 0xBF;

  /** Forgets any sequence in progress, as at the start of a new stream. */
  void reset() {
    pending = 0;
    low = 0x80;
    high = 0xBF;
  }

  /** Whether the bytes checked so far end inside a multi-byte sequence. */
  boolean inSequence() {
    return pending > 0;
  }

  /**
   * Checks {@code bytes[from, to)}.
   *
   * @return the index of the first byte that makes the input ill-formed, or {@code -1}
   */
  int validate(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      if (pending > 0) {
        int b = bytes[i] & 0xFF;
        if (b < low || b > high) {
          return i;
        }
        low = 0x80;
        high = 0xBF;
        pending--;
        i++;
        continue;
      }
      while (i + 32 <= to
          && (((long) LONGS.get(bytes, i) | (long) LONGS.get(bytes, i + 8)
          | (long) LONGS.get(bytes, i + 16) | (long) LONGS.get(bytes, i + 24)) & HIGH_BITS) == 0) {
        i += 32;
      }
      while (i + 8 <= to && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
        i += 8;
      }
      if (i >= to) {
        break;
      }
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      b &= 0xFF;
      if (b < 0xC2) {
        return i; // a continuation byte without a lead, or an overlong two-byte form (C0, C1)
      } else if (b < 0xE0) {
        pending = 1;
      } else if (b < 0xF0) {
        pending = 2;
        low = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
        high = b == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
      } else if (b < 0xF5) {
        pending = 3;
        low = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
        high = b == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be above U+10FFFF
      } else {
        return i; // F5..FF never occur in UTF-8
      }
      i++;
    }
    return -1;
  }
}
