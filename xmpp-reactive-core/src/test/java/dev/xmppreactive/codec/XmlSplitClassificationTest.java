package dev.xmppreactive.codec;

import static dev.xmppreactive.stream.StreamErrorCondition.NOT_WELL_FORMED;
import static dev.xmppreactive.stream.StreamErrorCondition.POLICY_VIOLATION;
import static dev.xmppreactive.stream.StreamErrorCondition.RESTRICTED_XML;
import static dev.xmppreactive.stream.StreamErrorCondition.UNSUPPORTED_ENCODING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.stream.StreamErrorCondition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The condition of an error is that of the first fault in the input, whatever the chunks: checks that
 * look ahead of Aalto (the prolog sniffer, the byte limits) must not win over a fault Aalto finds
 * earlier, nor lose to one it finds later. Each input is fed whole, byte by byte, cut once at every
 * point, and in random chunks.
 */
class XmlSplitClassificationTest {

  private static final String H = XmlHostileInputTest.H;
  private static final String NO_ERROR = "no error";

  /**
   * Found by {@code XmlStreamPropertiesTest.mutatedStreamsGiveOnlyTheTypedErrorHoweverSplit} (jqwik
   * seed -8837674236958964677): fed whole, the prolog sniffer saw the {@code <?} at byte 13 before
   * Aalto saw the {@code m} at byte 0, and said restricted-xml; fed in these chunks, Aalto saw the
   * {@code m} first and said not-well-formed.
   */
  @Test
  void theMutatedStreamJqwikFoundIsNotWellFormedHoweverSplit() {
    byte[] input = "m:stream xmln<?xml version='1.0'?><stream:stream xmln"
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(conditionOf(input, XmlLimits.DEFAULTS, new int[] {7, 25, 18, 3}, true))
        .isEqualTo(NOT_WELL_FORMED);
    assertThat(conditionsHoweverSplit(input, XmlLimits.DEFAULTS)).containsOnlyKeys(NOT_WELL_FORMED);
  }

  @Test
  void aFaultAaltoFindsBeforeOneTheSnifferFindsWins() {
    for (String s : List.of("hello<!DOCTYPE x>" + H, "x<?pi?>" + H, "<?xml version='1.0'?>x<!-- c -->",
        "<?xml version='1.0'?<!DOCTYPE x>" + H, " \u0001<?pi?>" + H, "m\u0000" + H)) {
      assertThat(conditionsHoweverSplit(bytes(s), XmlLimits.DEFAULTS)).as(s)
          .containsOnlyKeys(NOT_WELL_FORMED);
    }
  }

  @Test
  void aFaultTheSnifferFindsBeforeOneAaltoFindsWins() {
    assertThat(conditionsHoweverSplit(bytes("<!DOCTYPE x>garbage<" + H), XmlLimits.DEFAULTS))
        .containsOnlyKeys(RESTRICTED_XML);
    assertThat(conditionsHoweverSplit(bytes("<?xml version='1.0'?><?pi?>hello"), XmlLimits.DEFAULTS))
        .containsOnlyKeys(RESTRICTED_XML);
    assertThat(conditionsHoweverSplit(bytes("<\u0000?xml"), XmlLimits.DEFAULTS))
        .containsOnlyKeys(UNSUPPORTED_ENCODING);
  }

  @Test
  void aHeaderStillOpenAtItsLimitIsRefusedThereWhateverFollows() {
    XmlLimits limits = XmlLimits.DEFAULTS.withMaxHeaderBytes(100);
    String start = "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' id='";
    int fill = 100 - start.length();
    // The 101st byte is a '<', which no attribute value may hold; the header is still open after 100
    // bytes, so it is refused there, and the '<' is never looked at.
    assertThat(conditionsHoweverSplit(bytes(start + "x".repeat(fill) + "<'>"), limits))
        .containsOnlyKeys(POLICY_VIOLATION);
    // The 100th is: not-well-formed.
    assertThat(conditionsHoweverSplit(bytes(start + "x".repeat(fill - 1) + "<'>"), limits))
        .containsOnlyKeys(NOT_WELL_FORMED);
  }

  @Test
  void anElementStillOpenAtItsLimitIsRefusedThereWhateverFollows() {
    XmlLimits limits = XmlLimits.DEFAULTS.withMaxElementBytes(200);
    String start = "<message><body>";
    int fill = 200 - start.length();
    assertThat(conditionsHoweverSplit(bytes(H + start + "x".repeat(fill) + "\u0001</body>"), limits))
        .containsOnlyKeys(POLICY_VIOLATION);
    assertThat(conditionsHoweverSplit(bytes(H + start + "x".repeat(fill - 1) + "\u0001</body>"),
        limits)).containsOnlyKeys(NOT_WELL_FORMED);
    // Malformed UTF-8 just beyond the limit, or at it.
    assertThat(conditionsHoweverSplit(bytes(H + start + "x".repeat(fill)), limits))
        .containsOnlyKeys(POLICY_VIOLATION);
    assertThat(conditionsHoweverSplit(bytes(H + start + "x".repeat(fill - 1)), limits))
        .containsOnlyKeys(NO_ERROR);
    byte[] beyond = concat(bytes(H + start + "x".repeat(fill)), new byte[] {(byte) 0xC0});
    assertThat(conditionsHoweverSplit(beyond, limits)).containsOnlyKeys(POLICY_VIOLATION);
    byte[] at = concat(bytes(H + start + "x".repeat(fill - 1)), new byte[] {(byte) 0xC0, 'x'});
    assertThat(conditionsHoweverSplit(at, limits)).containsOnlyKeys(NOT_WELL_FORMED);
  }

  @Test
  void elementsUpToTheLimitPassHoweverSplit() {
    XmlLimits limits = XmlLimits.DEFAULTS.withMaxElementBytes(200);
    String start = "<message><body>";
    String end = "</body></message>";
    String exact = start + "x".repeat(200 - start.length() - end.length()) + end;
    byte[] input = bytes(H + exact + exact + " \n " + exact);
    assertThat(conditionsHoweverSplit(input, limits)).containsOnlyKeys(NO_ERROR);
    assertThat(conditionsHoweverSplit(bytes(H + exact + exact.replace("<body>", "<body>x")), limits))
        .containsOnlyKeys(POLICY_VIOLATION);
  }

  @Test
  void whitespaceBetweenElementsIsNotPartOfAnyUnit() {
    XmlLimits limits = XmlLimits.DEFAULTS.withMaxElementBytes(200);
    byte[] input = bytes(H + "<r xmlns='urn:xmpp:sm:3'/>" + " \n".repeat(700)
        + "<r xmlns='urn:xmpp:sm:3'/>" + " ".repeat(300));
    assertThat(conditionsHoweverSplit(input, limits)).containsOnlyKeys(NO_ERROR);
  }

  /**
   * The conditions of the errors the input gives ({@link #NO_ERROR} for none), each with one split
   * that gave it.
   */
  static Map<Object, String> conditionsHoweverSplit(byte[] input, XmlLimits limits) {
    List<int[]> splits = new ArrayList<>();
    splits.add(new int[] {input.length});
    int[] ones = new int[input.length];
    java.util.Arrays.fill(ones, 1);
    splits.add(ones);
    for (int cut = 1; cut < input.length; cut++) {
      splits.add(new int[] {cut, input.length - cut});
    }
    Random random = new Random(input.length);
    for (int i = 0; i < 20; i++) {
      splits.add(random.ints(input.length, 1, 2 + random.nextInt(64)).toArray());
    }
    Map<Object, String> seen = new LinkedHashMap<>();
    for (int i = 0; i < splits.size(); i++) {
      StreamErrorCondition c = conditionOf(input, limits, splits.get(i), i % 2 == 0);
      seen.putIfAbsent(c == null ? NO_ERROR : c, java.util.Arrays.toString(splits.get(i)));
    }
    return seen;
  }

  static StreamErrorCondition conditionOf(byte[] input, XmlLimits limits, int[] sizes,
                                          boolean direct) {
    DecoderHarness h = new DecoderHarness(new XmlStreamDecoder(limits, false));
    h.feedInChunks(input, sizes, direct);
    assertThat(h.errors).hasSizeLessThanOrEqualTo(1);
    assertThat(h.allReleased()).isTrue();
    return h.errors.isEmpty() ? null : ((XmlFramingException) h.errors.get(0)).condition();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
