package dev.xmppreactive.codec;

import static dev.xmppreactive.stream.StreamErrorCondition.BAD_FORMAT;
import static dev.xmppreactive.stream.StreamErrorCondition.BAD_NAMESPACE_PREFIX;
import static dev.xmppreactive.stream.StreamErrorCondition.INVALID_NAMESPACE;
import static dev.xmppreactive.stream.StreamErrorCondition.NOT_WELL_FORMED;
import static dev.xmppreactive.stream.StreamErrorCondition.POLICY_VIOLATION;
import static dev.xmppreactive.stream.StreamErrorCondition.RESTRICTED_XML;
import static dev.xmppreactive.stream.StreamErrorCondition.UNSUPPORTED_ENCODING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.stream.StreamErrorCondition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of input RFC 6120 §11 and the limits refuse, with the stream error condition it must give,
 * fed whole, byte by byte, and in random chunks: always exactly that one typed error.
 */
class XmlHostileInputTest {

  static final String H = "<stream:stream xmlns='jabber:client' "
      + "xmlns:stream='http://etherx.jabber.org/streams'>";
  static final XmlLimits SMALL = XmlLimits.DEFAULTS.withMaxElementBytes(1000).withMaxHeaderBytes(300)
      .withMaxDepth(5).withMaxAttributes(4).withMaxAttributeValueLength(40).withMaxNameLength(14);

  static Stream<Arguments> cases() {
    return Stream.of(
        // RFC 6120 §11.1: DTDs, entities, comments, processing instructions.
        c("billion laughs", "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
            + "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>]>" + H
            + "<message><body>&lol2;</body></message>", RESTRICTED_XML),
        c("external entity", "<!DOCTYPE foo [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>" + H
            + "<message><body>&xxe;</body></message>", RESTRICTED_XML),
        c("external DTD", "<?xml version='1.0'?><!DOCTYPE stream SYSTEM 'http://evil.example/x.dtd'>"
            + H, RESTRICTED_XML),
        c("plain DOCTYPE", "<!DOCTYPE stream>" + H, RESTRICTED_XML),
        c("DOCTYPE in content", H + "<!DOCTYPE x>", RESTRICTED_XML),
        c("entity declaration in content", H + "<!ENTITY x 'y'>", RESTRICTED_XML),
        c("comment in prolog", "<?xml version='1.0'?><!-- hi -->" + H, RESTRICTED_XML),
        c("comment between stanzas", H + "<r xmlns='urn:xmpp:sm:3'/><!-- hi -->", RESTRICTED_XML),
        c("comment in a stanza", H + "<message><!-- hi --></message>", RESTRICTED_XML),
        c("PI in prolog", "<?xml version='1.0'?><?xml-stylesheet href='x'?>" + H, RESTRICTED_XML),
        c("PI first", "<?foo bar?>" + H, RESTRICTED_XML),
        c("PI in a stanza", H + "<message><?foo bar?></message>", RESTRICTED_XML),
        c("undeclared entity in text", H + "<message><body>&nbsp;</body></message>",
            RESTRICTED_XML),
        c("undeclared entity in an attribute", H + "<message to='&foo;'/>", RESTRICTED_XML),
        c("standalone='no'", "<?xml version='1.0' standalone='no'?>" + H, RESTRICTED_XML),
        // RFC 6120 §11.6: UTF-8 only.
        c("declared Latin-1", "<?xml version='1.0' encoding='ISO-8859-1'?>" + H,
            UNSUPPORTED_ENCODING),
        c("declared US-ASCII", "<?xml version='1.0' encoding='US-ASCII'?>" + H,
            UNSUPPORTED_ENCODING),
        c("declared UTF-16", "<?xml version='1.0' encoding='UTF-16'?>" + H, UNSUPPORTED_ENCODING),
        Arguments.of("UTF-16LE with BOM", utf16(true, false), null, UNSUPPORTED_ENCODING),
        Arguments.of("UTF-16BE without BOM", utf16(false, true), null, UNSUPPORTED_ENCODING),
        Arguments.of("UTF-16LE without BOM", utf16(false, false), null, UNSUPPORTED_ENCODING),
        c("UTF-8 BOM, which is a character (§11.6)", "\\xEF\\xBB\\xBF" + H, NOT_WELL_FORMED),
        // Malformed UTF-8 and characters XML forbids (§11.3).
        c("bad continuation", H + "<message><body>\\xC3\\x28</body></message>", NOT_WELL_FORMED),
        c("overlong slash", H + "<message><body>\\xC0\\xAF</body></message>", NOT_WELL_FORMED),
        c("overlong 3-byte", H + "<message><body>\\xE0\\x80\\xAF</body></message>", NOT_WELL_FORMED),
        c("overlong 4-byte", H + "<message><body>\\xF0\\x80\\x80\\xAF</body></message>",
            NOT_WELL_FORMED),
        c("encoded surrogate", H + "<message><body>\\xED\\xA0\\x80</body></message>",
            NOT_WELL_FORMED),
        c("above U+10FFFF", H + "<message><body>\\xF4\\x90\\x80\\x80</body></message>",
            NOT_WELL_FORMED),
        c("byte FF", H + "<message><body>\\xFF</body></message>", NOT_WELL_FORMED),
        c("stray continuation", H + "<message><body>\\x80</body></message>", NOT_WELL_FORMED),
        c("truncated sequence", H + "<message><body>\\xE2\\x82</body></message>", NOT_WELL_FORMED),
        c("malformed UTF-8 in a name", H + "<mess\\xC0\\xAFage/>", NOT_WELL_FORMED),
        c("control character", H + "<message><body>\\x01</body></message>", NOT_WELL_FORMED),
        c("control character in an attribute", H + "<message to='\\x0B'/>", NOT_WELL_FORMED),
        c("reference to U+0001", H + "<message><body>&#x1;</body></message>", NOT_WELL_FORMED),
        c("reference to U+FFFE", H + "<message><body>&#xFFFE;</body></message>", NOT_WELL_FORMED),
        c("reference to a surrogate", H + "<message><body>&#xD800;</body></message>",
            NOT_WELL_FORMED),
        c("raw U+FFFF", H + "<message><body>\\xEF\\xBF\\xBF</body></message>", NOT_WELL_FORMED),
        c("XML 1.1", "<?xml version='1.1'?>" + H, NOT_WELL_FORMED),
        c("XML declaration not first", " <?xml version='1.0'?>" + H, RESTRICTED_XML),
        // Well-formedness and namespaces.
        c("mismatched end tag", H + "<message></presence><r/>", NOT_WELL_FORMED),
        c("unbound prefix", H + "<foo:message/>", NOT_WELL_FORMED),
        c("duplicate attribute", H + "<message to='a' to='b'/>", NOT_WELL_FORMED),
        c("duplicate expanded attribute", H + "<message xmlns:a='u' xmlns:b='u' a:x='1' b:x='2'/>",
            NOT_WELL_FORMED),
        c("prefix bound to nothing", H + "<message xmlns:p=''/>", NOT_WELL_FORMED),
        c("less-than in an attribute", H + "<message to='<'/>", NOT_WELL_FORMED),
        c("text before the root", "hello" + H, NOT_WELL_FORMED),
        c("two colons", H + "<a:b:c xmlns:a='x'/>", NOT_WELL_FORMED),
        c("text between stanzas", H + "<r xmlns='urn:xmpp:sm:3'/>hello", BAD_FORMAT),
        // The stream header (RFC 6120 §4.8).
        c("wrong root", "<html xmlns='http://www.w3.org/1999/xhtml'>", INVALID_NAMESPACE),
        c("wrong stream namespace", "<stream:stream xmlns:stream='http://example.com/streams'>",
            INVALID_NAMESPACE),
        c("unprefixed stream", "<stream xmlns='http://etherx.jabber.org/streams'>",
            BAD_NAMESPACE_PREFIX),
        // Limits (policy-violation, §4.9.3.14).
        c("element too large", H + "<message><body>" + "x".repeat(1000) + "</body></message>",
            POLICY_VIOLATION),
        c("start tag too large", H + "<message " + "a".repeat(2000), POLICY_VIOLATION),
        c("header too large", "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' "
            + "id='" + "x".repeat(300) + "'>", POLICY_VIOLATION),
        c("too deep", H + "<a><b><c><d><e><f>", POLICY_VIOLATION),
        c("too many attributes", H + "<message a='1' b='2' c='3' d='4' e='5'/>", POLICY_VIOLATION),
        c("too many declarations", H + "<message xmlns:a='1' xmlns:b='2' xmlns:c='3' xmlns:d='4' "
            + "xmlns:e='5'/>", POLICY_VIOLATION),
        c("attribute too long", H + "<message to='" + "j".repeat(41) + "'/>", POLICY_VIOLATION),
        c("namespace name too long", H + "<message xmlns='urn:" + "n".repeat(40) + "'/>",
            POLICY_VIOLATION),
        c("name too long", H + "<messagemessage1/>", POLICY_VIOLATION),
        c("prefixed name too long", H + "<abcdefg:message xmlns:abcdefg='u'/>", POLICY_VIOLATION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedWholeByteByByteAndInChunks(String name, byte[] input, Object unused,
                                         StreamErrorCondition expected) {
    check(input, expected, new int[] {input.length}, false);
    int[] ones = new int[input.length];
    java.util.Arrays.fill(ones, 1);
    check(input, expected, ones, true);
    Random random = new Random(name.hashCode());
    for (int i = 0; i < 20; i++) {
      int[] sizes = random.ints(input.length, 1, 40).toArray();
      check(input, expected, sizes, i % 2 == 0);
    }
  }

  private static void check(byte[] input, StreamErrorCondition expected, int[] sizes,
                            boolean direct) {
    DecoderHarness h = new DecoderHarness(new XmlStreamDecoder(SMALL, true));
    h.feedInChunks(input, sizes, direct);
    int messages = h.messages().size();
    // More input after the error changes nothing.
    h.feed(input);
    assertThat(h.messages()).hasSize(messages);
    assertThat(h.errors).singleElement().isInstanceOfSatisfying(XmlFramingException.class, e -> {
      assertThat(e.condition()).as(e.getMessage()).isEqualTo(expected);
      assertThat(e.offset()).isBetween(0L, (long) input.length);
      assertThat(e.getMessage()).startsWith(expected.elementName() + " at byte " + e.offset());
    });
    assertThat(h.allReleased()).isTrue();
  }

  static Arguments c(String name, String input, StreamErrorCondition expected) {
    return Arguments.of(name, bytes(input), null, expected);
  }

  /** UTF-8 of the text, where {@code \xNN} stands for the raw byte NN. */
  static byte[] bytes(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("\\x", i)) {
        out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        int cp = s.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(cp) - 1;
      }
    }
    return out.toByteArray();
  }

  static byte[] utf16(boolean bom, boolean bigEndian) {
    String s = (bom ? "\uFEFF" : "") + "<?xml version='1.0' encoding='UTF-16'?>" + H;
    return s.getBytes(bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
  }
}
