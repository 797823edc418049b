package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.xml.XmlEscaper;
import dev.xmppreactive.xml.XmlOutput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The encoder's staged UTF-8 output writes what the JDK's UTF-8 encoder makes of the text (a lone
 * surrogate as {@code ?}), escaped as {@link XmlEscaper} escapes it, whatever the text: escapes,
 * every UTF-8 length, surrogate pairs and lone surrogates, and strings longer than its staging array.
 * (Netty's encoder, behind {@link ByteBufXmlOutput}, differs only after a lone high surrogate, where
 * it also turns the next char into {@code ?} if it is not ASCII.)
 */
class Utf8StagingTest {

  static final String[] PIECES = {"a", "Z", " ", "&", "<", ">", "'", "\"", "\r", "\n", "\t", "]]>",
      "é", "ß", "€", "世", "\uFFFD", "😀", "𝄞", "\uD800", "\uDC00", "\u0085", "\u2028", "\u007F",
      "x".repeat(3000), "é".repeat(1500), "&".repeat(1500)};

  @Property(tries = 500)
  void writesWhatTheDirectOutputWrites(@ForAll long seed) {
    Random r = new Random(seed);
    java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
    ByteBuf actual = Unpooled.buffer();
    Utf8Staging staged = new Utf8Staging();
    staged.begin(actual);
    for (int n = r.nextInt(20); n >= 0; n--) {
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(8); i >= 0; i--) {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String s = sb.toString();
      // What one call should write: its text alone, encoded by the JDK (a pair is never made of the
      // halves two calls write).
      StringBuilder call = new StringBuilder();
      XmlOutput direct = XmlOutput.of(call);
      switch (r.nextInt(5)) {
        case 0 -> {
          int from = r.nextInt(s.length() + 1);
          int to = from + r.nextInt(s.length() - from + 1);
          // A pair cut in two is two lone surrogates on both sides.
          direct.append(s, from, to);
          staged.append(s, from, to);
        }
        case 1 -> {
          XmlEscaper.escapeText(s, direct);
          staged.appendEscapedText(s);
        }
        case 2 -> {
          XmlEscaper.escapeAttribute(s, direct);
          staged.appendEscapedAttribute(s);
        }
        case 3 -> {
          char c = s.charAt(r.nextInt(s.length()));
          direct.append(c);
          staged.append(c);
        }
        default -> {
          direct.append(s);
          staged.append(s);
        }
      }
      expected.writeBytes(call.toString().getBytes(StandardCharsets.UTF_8));
    }
    staged.end();
    byte[] want = expected.toByteArray();
    byte[] got = ByteBufUtil.getBytes(actual);
    int at = Arrays.mismatch(want, got);
    assertThat(at).as(() -> "first difference at byte " + at + " of " + want.length + "/"
        + got.length + ": " + Arrays.toString(Arrays.copyOfRange(want, Math.max(0, at - 8),
        Math.min(want.length, at + 8))) + " vs " + Arrays.toString(Arrays.copyOfRange(got,
        Math.max(0, at - 8), Math.min(got.length, at + 8)))).isEqualTo(-1);
  }

  @Example
  void keepsWritingAfterTheBufferItWasGivenLast() {
    Utf8Staging staged = new Utf8Staging();
    ByteBuf first = Unpooled.buffer();
    staged.begin(first);
    staged.append("x".repeat(10_000));
    staged.end();
    ByteBuf second = Unpooled.buffer();
    staged.begin(second);
    staged.appendEscapedText("a<b");
    staged.end();
    assertThat(first.readableBytes()).isEqualTo(10_000);
    assertThat(second.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("a&lt;b");
  }

  @Example
  void shortStringsNearTheEndOfTheStagingArrayAreWrittenWholeAndRememberedRight() {
    String[] shorts = {"é".repeat(10), "\uD83D\uDE00".repeat(5), "message", "x", "ß€世"};
    for (int fill = 8192 - 80; fill <= 8192; fill++) {
      for (String s : shorts) {
        ByteBuf actual = Unpooled.buffer();
        Utf8Staging staged = new Utf8Staging();
        staged.begin(actual);
        for (int i = 0; i < fill; i++) {
          staged.append('y'); // one at a time: the staging array is flushed only when full
        }
        staged.append(s);
        staged.append(s); // from the cache, if it kept it
        staged.end();
        String want = "y".repeat(fill) + s + s;
        assertThat(actual.toString(StandardCharsets.UTF_8)).as("after %d bytes: %s", fill, s)
            .isEqualTo(want);
      }
    }
  }
}
