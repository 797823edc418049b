package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The UTF-8 check agrees with the JDK's strict decoder (RFC 3629), however the input is split. */
class Utf8ValidatorTest {

  @Provide
  Arbitrary<byte[]> nearlyUtf8() {
    // Valid text with a few bytes changed: mostly the bytes around sequence boundaries matter.
    return Arbitraries.longs().map(seed -> {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(30); i > 0; i--) {
        int kind = r.nextInt(4);
        int cp = switch (kind) {
          case 0 -> r.nextInt(0x80);
          case 1 -> 0x80 + r.nextInt(0x800 - 0x80);
          case 2 -> {
            int c = 0x800 + r.nextInt(0x10000 - 0x800);
            yield Character.isSurrogate((char) c) ? 'x' : c;
          }
          default -> 0x10000 + r.nextInt(0x110000 - 0x10000);
        };
        sb.appendCodePoint(cp);
      }
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      for (int i = r.nextInt(3); i > 0 && b.length > 0; i--) {
        b[r.nextInt(b.length)] = (byte) (r.nextBoolean() ? r.nextInt(256) : 0x80 + r.nextInt(0x80));
      }
      if (r.nextInt(5) == 0 && b.length > 0) {
        b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
      }
      return b;
    });
  }

  @Property(tries = 3000)
  void agreesWithTheJdkHoweverSplit(@ForAll("nearlyUtf8") byte[] bytes, @ForAll long seed) {
    boolean jdk = jdkAccepts(bytes);
    Utf8Validator whole = new Utf8Validator();
    int bad = whole.validate(bytes, 0, bytes.length);
    assertThat(bad < 0 && !whole.inSequence()).isEqualTo(jdk);
    // Split anywhere: the same first bad byte.
    Random r = new Random(seed);
    Utf8Validator split = new Utf8Validator();
    int found = -1;
    for (int pos = 0; pos < bytes.length && found < 0; ) {
      int n = Math.min(bytes.length - pos, 1 + r.nextInt(9));
      found = split.validate(bytes, pos, pos + n);
      pos += n;
    }
    assertThat(found).isEqualTo(bad);
  }

  @Test
  void refusesWhatRfc3629Forbids() {
    int[][] bad = {{0xC0, 0xAF}, {0xC1, 0xBF}, {0xE0, 0x80, 0xAF}, {0xE0, 0x9F, 0xBF},
        {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xF0, 0x80, 0x80, 0xAF}, {0xF0, 0x8F, 0xBF, 0xBF},
        {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xFF}, {0xFE}, {0x80}, {0xC3, 0x28}};
    for (int[] seq : bad) {
      byte[] b = new byte[seq.length + 2];
      b[0] = 'a';
      for (int i = 0; i < seq.length; i++) {
        b[i + 1] = (byte) seq[i];
      }
      b[b.length - 1] = 'z';
      assertThat(new Utf8Validator().validate(b, 0, b.length)).as("%s", java.util.Arrays.toString(seq))
          .isBetween(1, seq.length);
    }
    byte[] good = "aé€😀\uFFFF\uFFFE".getBytes(StandardCharsets.UTF_8);
    assertThat(new Utf8Validator().validate(good, 0, good.length)).isEqualTo(-1);
  }

  @Test
  void skipsLongAsciiRunsAndFindsTheByteAfterThem() {
    byte[] b = new byte[1000];
    java.util.Arrays.fill(b, (byte) 'a');
    b[997] = (byte) 0x80;
    assertThat(new Utf8Validator().validate(b, 3, 1000)).isEqualTo(997);
  }

  static boolean jdkAccepts(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
