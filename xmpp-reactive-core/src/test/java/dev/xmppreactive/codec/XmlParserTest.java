package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlText;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlParserTest {

  @Test
  void parsesAnElement() {
    XmlElement e = XmlParser.parse("<?xml version='1.0' encoding='UTF-8'?>\n"
        + "<iq xmlns='jabber:client' type='get' id='1'><query xmlns='jabber:iq:version'/></iq>\n ");
    assertThat(e).isEqualTo(XmlElement.builder("iq", "jabber:client").attribute("type", "get")
        .attribute("id", "1").child(XmlElement.empty("query", "jabber:iq:version")).build());
    assertThat(e.namespaceDeclarations()).isEqualTo(Map.of("", "jabber:client"));
  }

  @Test
  void keepsPrefixesAndTextExactly() {
    XmlElement e = XmlParser.parse(" <p:a xmlns:p='urn:p' p:x='1'>\n a &amp; b <![CDATA[<c>]]>\r\n</p:a>");
    assertThat(e.prefix()).isEqualTo("p");
    assertThat(e.attribute("urn:p", "x")).isEqualTo("1");
    // Line ends are normalised to LF, as XML 1.0 §2.11 says.
    assertThat(e.children()).containsExactly(new XmlText("\n a & b <c>\n"));
  }

  @Test
  void parsesBytes() {
    byte[] b = "<a xmlns='u'>ü😀</a>".getBytes(StandardCharsets.UTF_8);
    assertThat(XmlParser.parse(b).text()).isEqualTo("ü😀");
  }

  @Test
  void parsesEveryCorpusFile() {
    assertThat(Corpus.elements()).hasSize(174).doesNotContainNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "hello", "<a>", "<a></b>", "<a/><b/>", "<a/>text",
      "<a/><!-- c -->", "<a", "</a>"})
  void refusesWhatIsNotExactlyOneElement(String xml) {
    assertThatThrownBy(() -> XmlParser.parse(xml)).isInstanceOfSatisfying(
        XmlFramingException.class, e -> assertThat(e.condition())
            .isIn(StreamErrorCondition.NOT_WELL_FORMED, StreamErrorCondition.RESTRICTED_XML));
  }

  @Test
  void hasTheStreamsRestrictions() {
    assertThat(condition("<!DOCTYPE a><a/>")).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
    assertThat(condition("<a><?pi x?></a>")).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
    assertThat(condition("<a>&ent;</a>")).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
    assertThat(condition("<?xml version='1.0' encoding='ISO-8859-1'?><a/>"))
        .isEqualTo(StreamErrorCondition.UNSUPPORTED_ENCODING);
    assertThat(condition("<a>\uD800</a>")).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
  }

  @Test
  void theWholeInputCountsAsOneElementForTheLimits() {
    XmlLimits limits = XmlLimits.DEFAULTS.withMaxElementBytes(100).withMaxDepth(2);
    assertThat(XmlParser.parse("<a><b>" + "x".repeat(80) + "</b></a>", limits).isEmpty()).isFalse();
    assertThatThrownBy(() -> XmlParser.parse("<a><b>" + "x".repeat(100) + "</b></a>", limits))
        .isInstanceOfSatisfying(XmlFramingException.class, e -> assertThat(e.condition())
            .isEqualTo(StreamErrorCondition.POLICY_VIOLATION));
    assertThatThrownBy(() -> XmlParser.parse("<a><b><c/></b></a>", limits))
        .isInstanceOfSatisfying(XmlFramingException.class, e -> assertThat(e.condition())
            .isEqualTo(StreamErrorCondition.POLICY_VIOLATION));
  }

  static StreamErrorCondition condition(String xml) {
    try {
      XmlParser.parse(xml);
    } catch (XmlFramingException e) {
      return e.condition();
    }
    return null;
  }
}
