package dev.xmppreactive.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The StAX reader and writer over the element model, on their own and on the protocol cases. */
class StaxViewsTest {

  static List<XmlElement> corpus() throws Exception {
    Path root = Path.of(StaxViewsTest.class
        .getResource("/testdata/stanzas/stanzajs-protocol-cases/LICENSE.md").toURI()).getParent();
    List<XmlElement> out = new ArrayList<>();
    for (String c : ProtocolCasesTest.cases().toList()) {
      String xml = Files.readString(root.resolve(c + ".xml"), StandardCharsets.UTF_8);
      out.add(StaxTestParser.parseInStream(xml, Stanza.CLIENT_NS));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void readerReportsTheElementAndAConsistentNamespaceContext(XmlElement element) throws Exception {
    ElementStreamReader r = new ElementStreamReader(element);
    assertThat(r.getEventType()).isEqualTo(XMLStreamReader.START_DOCUMENT);
    assertThat(StaxTestParser.read(r)).isEqualTo(element);
    assertThat(r.getEventType()).isEqualTo(XMLStreamReader.END_DOCUMENT);
    assertThat(r.hasNext()).isFalse();

    ElementStreamReader again = new ElementStreamReader(element);
    while (again.hasNext()) {
      if (again.next() == XMLStreamReader.START_ELEMENT) {
        String ns = again.getNamespaceURI() == null ? "" : again.getNamespaceURI();
        assertThat(again.getNamespaceContext().getNamespaceURI(again.getPrefix())).isEqualTo(ns);
        for (int i = 0; i < again.getAttributeCount(); i++) {
          if (again.getAttributeNamespace(i) != null) {
            assertThat(again.getNamespaceURI(again.getAttributePrefix(i)))
                .isEqualTo(again.getAttributeNamespace(i));
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void writerRebuildsTheElementFromItsEvents(XmlElement element) throws Exception {
    ElementStreamReader r = new ElementStreamReader(element);
    ElementStreamWriter w = new ElementStreamWriter(null);
    w.writeStartDocument();
    while (r.hasNext()) {
      switch (r.next()) {
        case XMLStreamReader.START_ELEMENT -> {
          w.writeStartElement(r.getPrefix(), r.getLocalName(),
              r.getNamespaceURI() == null ? "" : r.getNamespaceURI());
          for (int i = 0; i < r.getNamespaceCount(); i++) {
            w.writeNamespace(r.getNamespacePrefix(i), r.getNamespaceURI(i));
          }
          for (int i = 0; i < r.getAttributeCount(); i++) {
            w.writeAttribute(r.getAttributePrefix(i), r.getAttributeNamespace(i),
                r.getAttributeLocalName(i), r.getAttributeValue(i));
          }
        }
        case XMLStreamReader.CHARACTERS -> w.writeCharacters(r.getTextCharacters(),
            r.getTextStart(), r.getTextLength());
        case XMLStreamReader.END_ELEMENT -> w.writeEndElement();
        default -> {
        }
      }
    }
    w.writeEndDocument();
    assertThat(w.result()).isEqualTo(element);
  }

  @Test
  void readerTextAndTagHelpers() throws Exception {
    XmlElement e = XmlElement.builder("a", "urn:x").text("  ")
        .child(XmlElement.builder("b", "urn:x").attribute("k", "v").text("hi").build())
        .text("\n").build();
    ElementStreamReader r = new ElementStreamReader(e);
    assertThat(r.nextTag()).isEqualTo(XMLStreamReader.START_ELEMENT);
    r.require(XMLStreamReader.START_ELEMENT, "urn:x", "a");
    assertThat(r.getName().getLocalPart()).isEqualTo("a");
    assertThat(r.nextTag()).isEqualTo(XMLStreamReader.START_ELEMENT); // skips the whitespace
    assertThat(r.getAttributeValue(null, "k")).isEqualTo("v");
    assertThat(r.getAttributeValue("", "k")).isEqualTo("v");
    assertThat(r.getAttributeType(0)).isEqualTo("CDATA");
    assertThat(r.getElementText()).isEqualTo("hi");
    assertThat(r.isEndElement()).isTrue();
    assertThat(r.nextTag()).isEqualTo(XMLStreamReader.END_ELEMENT);
    assertThat(r.getLocalName()).isEqualTo("a");
    assertThat(r.next()).isEqualTo(XMLStreamReader.END_DOCUMENT);
    assertThatThrownBy(r::next).isInstanceOf(java.util.NoSuchElementException.class);
    assertThatThrownBy(() -> new ElementStreamReader(e).getText())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void writerResolvesDefaultNamespacesEmptyElementsAndUnqualifiedChildren() throws Exception {
    ElementStreamWriter w = new ElementStreamWriter(null);
    w.writeStartElement("query");
    w.writeDefaultNamespace("jabber:iq:roster");
    w.writeAttribute("ver", "v1");
    w.writeEmptyElement("", "item", "");
    w.writeAttribute("jid", "romeo@example.net");
    w.writeStartElement("urn:other", "x");
    w.writeCData("a<b");
    w.writeEndElement();
    w.writeEndDocument();
    assertThat(w.result()).isEqualTo(XmlElement.builder("query", "jabber:iq:roster")
        .attribute("ver", "v1")
        .child(XmlElement.builder("item", "jabber:iq:roster").attribute("jid", "romeo@example.net")
            .build())
        .child(XmlElement.builder("x", "urn:other").text("a<b").build())
        .build());
  }

  @Test
  void writerRenamesTheRootWhenAskedAndRefusesWhatXmppForbids() throws Exception {
    ElementStreamWriter w = new ElementStreamWriter(XmlName.of("urn:n", "real"));
    w.writeStartElement("Whatever");
    w.writeStartElement("child");
    w.writeCharacters("t");
    w.writeEndElement();
    w.writeEndElement();
    assertThat(w.result()).isEqualTo(XmlElement.builder("real", "urn:n")
        .textElement("child", "urn:n", "t").build());

    ElementStreamWriter bad = new ElementStreamWriter(null);
    bad.writeStartElement("urn:n", "a");
    assertThatThrownBy(() -> bad.writeComment("c")).isInstanceOf(XMLStreamException.class)
        .hasMessageContaining("§11.1");
    assertThatThrownBy(() -> bad.writeEntityRef("e")).isInstanceOf(XMLStreamException.class);
    assertThatThrownBy(() -> bad.writeDTD("<!DOCTYPE a>")).isInstanceOf(XMLStreamException.class);
    assertThatThrownBy(() -> bad.writeCharacters("\u0001")).isInstanceOf(XMLStreamException.class);
    bad.writeEndElement();
    assertThatThrownBy(() -> bad.writeStartElement("urn:n", "second"))
        .isInstanceOf(XMLStreamException.class);
    assertThatThrownBy(() -> bad.writeAttribute("k", "v")).isInstanceOf(XMLStreamException.class);
    assertThatThrownBy(() -> new ElementStreamWriter(null).result())
        .isInstanceOf(IllegalStateException.class);
  }
}
