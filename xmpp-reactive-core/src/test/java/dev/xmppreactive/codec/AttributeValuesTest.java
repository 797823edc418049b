package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The decoder reads attribute values from Aalto's buffer ({@link AttributeValues}), working out where
 * each one ends from the trimmed bounds Aalto's typed access gives: white space at either end of a
 * value, values that are all white space or empty, and characters written as references must all come
 * out exactly as XML 1.0 §3.3.3 (attribute-value normalisation) makes them.
 */
class AttributeValuesTest {

  /**
   * The one-copy path is on with the Aalto this build uses: if an Aalto upgrade lays its values out
   * differently, the load-time probe turns it off (values stay right) and this test says so.
   */
  @Test
  void theLoadTimeProbeFindsAaltosLayout() {
    assertThat(AttributeValues.LAYOUT_HOLDS).isTrue();
  }

  @Test
  void keepsWhiteSpaceAtTheEndsAndEmptyValues() {
    XmlElement e = XmlParser.parse("<a xmlns='u' p=' x ' q='' r='   ' s='y  ' t='  z' v='&#32;w&#32;'"
        + " w='&#9;\t&#10;' x='a b' y='&amp; &lt;&gt; ' z='ü 😀 '/>");
    assertThat(e.attribute("p")).isEqualTo(" x ");
    assertThat(e.attribute("q")).isEmpty();
    assertThat(e.attribute("r")).isEqualTo("   ");
    assertThat(e.attribute("s")).isEqualTo("y  ");
    assertThat(e.attribute("t")).isEqualTo("  z");
    assertThat(e.attribute("v")).isEqualTo(" w ");
    assertThat(e.attribute("w")).isEqualTo("\t \n"); // a literal tab is normalised to a space
    assertThat(e.attribute("x")).isEqualTo("a b");
    assertThat(e.attribute("y")).isEqualTo("& <> ");
    assertThat(e.attribute("z")).isEqualTo("ü 😀 ");
  }

  @Test
  void theSameValueAgainIsTheSameValue() {
    XmlElement e = XmlParser.parse("<a xmlns='u'><b k='me@example.com'/><b k='me@example.com '/>"
        + "<b k=' me@example.com'/><b k='me@example.com'/></a>");
    List<String> values = new ArrayList<>();
    for (XmlElement b : e.elements("b", "u")) {
      values.add(b.attribute("k"));
    }
    assertThat(values).containsExactly("me@example.com", "me@example.com ", " me@example.com",
        "me@example.com");
  }

  /** Values of characters that sit at the edges of Aalto's trimming, written raw or as references. */
  @Provide
  Arbitrary<List<String>> valueLists() {
    Arbitrary<String> piece = Arbitraries.of(" ", "  ", "a", "b", "é", "😀", "&#32;", "&#9;", "&#10;",
        "&#13;", "&amp;", "&lt;", "&#x20;", "\t", "\n", "xyz", "&#33;", "!");
    Arbitrary<String> value = piece.list().ofMinSize(0).ofMaxSize(8).map(l -> String.join("", l));
    return value.list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 500)
  void everyValueComesOutAsXmlNormalisesIt(@ForAll("valueLists") List<String> raw) {
    StringBuilder xml = new StringBuilder("<e xmlns='u'");
    for (int i = 0; i < raw.size(); i++) {
      xml.append(" a").append(i).append("='").append(raw.get(i)).append('\'');
    }
    XmlElement e = XmlParser.parse(xml.append("/>").toString());
    for (int i = 0; i < raw.size(); i++) {
      assertThat(e.attribute("a" + i)).as("a%d='%s'", i, raw.get(i))
          .isEqualTo(normalised(raw.get(i)));
    }
  }

  /** XML 1.0 §3.3.3 for CDATA attributes: literal white space becomes a space, references expand. */
  private static String normalised(String raw) {
    return raw.replace('\t', ' ').replace('\n', ' ').replace("&#32;", " ").replace("&#x20;", " ")
        .replace("&#9;", "\t").replace("&#10;", "\n").replace("&#13;", "\r").replace("&#33;", "!")
        .replace("&lt;", "<").replace("&amp;", "&");
  }
}
