package dev.xmppreactive.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.codec.XmlParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writing keeps meaning: every element and attribute lands in its namespace when parsed again. */
class XmlWriterTest {

  private static XmlElement roundTrip(XmlElement e) {
    XmlElement back = XmlParser.parse(e.toXml());
    assertThat(back).as(e.toXml()).isEqualTo(e);
    return back;
  }

  @Test
  void aPrefixFromAnAncestorIsNotReboundByTheElementsOwnDeclarations() {
    // The child is in urn:s, which the parent binds to 'u'; the child itself re-declares 'u'.
    XmlElement child = XmlParser.parse("<q xmlns='urn:s' xmlns:u='urn:b'/>");
    XmlElement parent = XmlElement.builder("p", "urn:a").declareNamespace("u", "urn:s")
        .child(child).build();
    XmlElement back = roundTrip(parent);
    assertThat(back.firstElement().namespace()).isEqualTo("urn:s");
  }

  @Test
  void namespacesAreDeclaredWhereNeededAndOnlyThere() {
    XmlElement msg = XmlElement.builder("message", "jabber:client")
        .attribute("to", "romeo@example.net")
        .lang("en")
        .child(XmlElement.builder("body", "jabber:client").text("a < b & c > d").build())
        .child(XmlElement.builder("x", "urn:x").attribute(new XmlName("urn:y", "attr"), "y", "v")
            .child(XmlElement.builder("inner", "").text("no namespace").build()).build())
        .build();
    roundTrip(msg);
    String inStream = new StringBuilder().toString();
    StringBuilder sb = new StringBuilder();
    new XmlWriter(Map.of("", "jabber:client")).writeElement(msg, XmlOutput.of(sb));
    assertThat(sb.toString()).startsWith("<message to='romeo@example.net' xml:lang='en'>")
        .contains("<body>a &lt; b &amp; c &gt; d</body>")
        .contains("<inner xmlns=''>");
    assertThat(inStream).isEmpty();
  }

  @Test
  void aDefaultNamespaceTheElementDeclaresGivesWayToItsOwnEmptyNamespace() {
    XmlElement odd = XmlElement.builder("plain", "").declareNamespace("", "urn:z")
        .child(XmlElement.builder("z", "urn:z").build()).build();
    XmlElement back = roundTrip(odd);
    assertThat(back.namespace()).isEmpty();
    assertThat(back.firstElement().namespace()).isEqualTo("urn:z");
  }

  @Test
  void attributesNeedAPrefixEvenWhereTheDefaultNamespaceMatches() {
    XmlElement e = XmlElement.builder("e", "urn:n")
        .attribute(new XmlName("urn:n", "a"), "", "1").build();
    assertThat(roundTrip(e).attribute("urn:n", "a")).isEqualTo("1");
  }

  @Test
  void escapingSurvivesQuotesWhitespaceAndSupplementaryCharacters() {
    XmlElement e = XmlElement.builder("e", "urn:n")
        .attribute("a", "it's \"quoted\"\tand\nlined\r")
        .text("cr\r lf\n tab\t ]]> \uD83C\uDF7A").build();
    XmlElement back = roundTrip(e);
    assertThat(back.attribute("a")).isEqualTo("it's \"quoted\"\tand\nlined\r");
    assertThat(back.text()).isEqualTo("cr\r lf\n tab\t ]]> \uD83C\uDF7A");
  }
}
