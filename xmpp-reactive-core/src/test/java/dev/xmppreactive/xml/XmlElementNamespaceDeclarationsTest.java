package dev.xmppreactive.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link XmlElement.Builder#namespaceDeclarations(Map)}, added for the codec's decoder. */
class XmlElementNamespaceDeclarationsTest {

  static final Map<String, String> SCOPE =
      Map.of("", "jabber:client", "stream", "http://etherx.jabber.org/streams");

  @Test
  void sharesAnImmutableMap() {
    XmlElement e = XmlElement.builder("message", "jabber:client").namespaceDeclarations(SCOPE).build();
    assertThat(e.namespaceDeclarations()).isSameAs(SCOPE);
  }

  @Test
  void copiesAMutableMap() {
    Map<String, String> m = new HashMap<>(SCOPE);
    XmlElement e = XmlElement.builder("message", "jabber:client").namespaceDeclarations(m).build();
    m.put("x", "urn:x");
    assertThat(e.namespaceDeclarations()).isEqualTo(SCOPE);
  }

  @Test
  void laterDeclarationsAddToACopy() {
    XmlElement e = XmlElement.builder("r", "urn:xmpp:sm:3").namespaceDeclarations(SCOPE)
        .declareNamespace("", "urn:xmpp:sm:3").build();
    assertThat(e.namespaceDeclarations()).containsEntry("", "urn:xmpp:sm:3")
        .containsEntry("stream", "http://etherx.jabber.org/streams").hasSize(2);
    assertThat(SCOPE).containsEntry("", "jabber:client");
  }

  @Test
  void replacesEarlierDeclarations() {
    XmlElement e = XmlElement.builder("a", "urn:a").declareNamespace("p", "urn:p")
        .namespaceDeclarations(Map.of("", "urn:a")).build();
    assertThat(e.namespaceDeclarations()).isEqualTo(Map.of("", "urn:a"));
    assertThat(XmlElement.builder("a", "").namespaceDeclarations(Map.of()).build()
        .namespaceDeclarations()).isEmpty();
  }

  @Test
  void refusesThePredefinedPrefixes() {
    assertThatThrownBy(() -> XmlElement.builder("a", "").namespaceDeclarations(
        Map.of("xml", XmlName.XML_NS))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> XmlElement.builder("a", "").namespaceDeclarations(
        Map.of("xmlns", "urn:x"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theElementWritesTheSameAsWithDeclareNamespace() {
    XmlElement shared = XmlElement.builder("features", "http://etherx.jabber.org/streams")
        .prefix("stream").namespaceDeclarations(SCOPE).build();
    assertThat(shared.toXml()).startsWith("<stream:features")
        .contains("xmlns:stream='http://etherx.jabber.org/streams'")
        .contains("xmlns='jabber:client'");
  }
}
