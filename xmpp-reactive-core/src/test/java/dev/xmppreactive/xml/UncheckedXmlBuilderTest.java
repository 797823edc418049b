package dev.xmppreactive.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The parser's construction path makes the same elements as {@link XmlElement.Builder}: equal, with
 * the same hash, the same XML text, attributes, content, prefixes and declarations; and reusing its
 * buffers never changes an element it has made.
 */
class UncheckedXmlBuilderTest {

  static final String[] LOCALS = {"message", "body", "x", "a-b.c", "é", "q_1"};
  static final String[] NAMESPACES = {"", "jabber:client", "urn:a", "urn:b"};
  static final String[] TEXTS = {"a", " ", "\n", "<&>", "ü", "😀", "\r\n", "]]>"};

  @Property(tries = 500)
  void makesWhatTheBuilderMakes(@ForAll long seed) {
    XmlElement expected = random(new Random(seed), 0);
    UncheckedXmlBuilder b = new UncheckedXmlBuilder();
    XmlElement actual = replay(expected, b, new Random(seed));
    assertThat(b.depth()).isZero();
    assertSame(actual, expected);
  }

  @Property(tries = 100)
  void earlierElementsStayAsTheyWereWhenTheBuffersAreReused(@ForAll long seed) {
    Random r = new Random(seed);
    UncheckedXmlBuilder b = new UncheckedXmlBuilder();
    List<XmlElement> expected = new ArrayList<>();
    List<XmlElement> made = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      XmlElement e = random(r, 0);
      expected.add(e);
      made.add(replay(e, b, r));
    }
    for (int i = 0; i < made.size(); i++) {
      assertSame(made.get(i), expected.get(i));
    }
  }

  @Example
  void anElementKeepsItsOwnAttributesAndTextWhateverItsChildrenHad() {
    UncheckedXmlBuilder b = new UncheckedXmlBuilder();
    b.start(XmlName.of("u", "a"), "");
    b.attribute(XmlName.of("", "k1"), "", "1");
    b.text("x");
    b.start(XmlName.of("u", "b"), "");
    b.attribute(XmlName.of("", "c"), "", "child");
    b.text("inner");
    b.end();
    b.text("y"); // not merged with the child's text, nor with "x" across the child
    b.attribute(XmlName.of("", "k2"), "", "2"); // after a child: still the parent's
    XmlElement a = b.end();
    assertThat(a).isEqualTo(XmlElement.builder("a", "u").attribute("k1", "1").attribute("k2", "2")
        .text("x").child(XmlElement.builder("b", "u").attribute("c", "child").text("inner").build())
        .text("y").build());
    assertThat(b.depth()).isZero();
  }

  @Example
  void mergesAdjacentTextDropsEmptyTextAndNests() {
    UncheckedXmlBuilder b = new UncheckedXmlBuilder();
    b.start(XmlName.of("urn:a", "a"), "p");
    b.declare("p", "urn:a");
    b.text("x");
    b.text("");
    b.text("y");
    b.start(XmlName.of("urn:a", "b"), "p");
    b.attribute(XmlName.of("", "k"), "", "v");
    assertThat(b.depth()).isEqualTo(2);
    XmlElement inner = b.end();
    b.text("z");
    XmlElement outer = b.end();
    assertThat(outer.toXml()).isEqualTo("<p:a xmlns:p='urn:a'>xy<p:b k='v'/>z</p:a>");
    assertThat(outer.children()).containsExactly(new XmlText("xy"), inner, new XmlText("z"));
    assertThat(outer.prefix()).isEqualTo("p");
  }

  @Example
  void largeElementsAreRightAndTheirBuffersAreNotKept() {
    UncheckedXmlBuilder b = new UncheckedXmlBuilder();
    XmlElement.Builder expected = XmlElement.builder("query", "jabber:iq:roster");
    b.start(XmlName.of("jabber:iq:roster", "query"), "");
    for (int i = 0; i < 1000; i++) {
      b.start(XmlName.of("jabber:iq:roster", "item"), "");
      b.attribute(XmlName.of("", "jid"), "", "c" + i + "@example.com");
      b.end();
      expected.child(XmlElement.builder("item", "jabber:iq:roster")
          .attribute("jid", "c" + i + "@example.com").build());
    }
    for (int i = 0; i < 100; i++) {
      b.attribute(XmlName.of("", "a" + i), "", "v");
      expected.attribute("a" + i, "v");
    }
    assertSame(b.end(), expected.build());
    b.start(XmlName.of("", "small"), "");
    assertThat(b.end().toXml()).isEqualTo("<small/>");
  }

  @Example
  void sharesTheDeclarationsItIsGivenAndCopiesThemToAddOne() {
    Map<String, String> shared = Map.of("", "jabber:client");
    UncheckedXmlBuilder b = new UncheckedXmlBuilder();
    b.start(XmlName.of("jabber:client", "message"), "");
    b.declarations(shared);
    assertThat(b.end().namespaceDeclarations()).isSameAs(shared);
    b.start(XmlName.of("jabber:client", "message"), "");
    b.declarations(shared);
    b.declare("a", "urn:a");
    assertThat(b.end().namespaceDeclarations())
        .containsExactly(Map.entry("", "jabber:client"), Map.entry("a", "urn:a"));
    assertThat(shared).hasSize(1);
  }

  @Example
  void resetDropsOpenElementsAndEndNeedsOne() {
    UncheckedXmlBuilder b = new UncheckedXmlBuilder();
    b.start(XmlName.of("", "a"), "");
    b.start(XmlName.of("", "b"), "");
    b.reset();
    assertThat(b.depth()).isZero();
    assertThatThrownBy(b::end).isInstanceOf(IllegalStateException.class);
    b.start(XmlName.of("", "c"), "");
    assertThat(b.end().toXml()).isEqualTo("<c/>");
  }

  @Example
  void attributesCanBeReadByIndex() {
    XmlElement e = XmlElement.builder("a", "").attribute("x", "1").lang("en")
        .attribute(XmlName.of("urn:n", "y"), "n", "2").build();
    assertThat(e.attributeCount()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(e.attributeName(i)).isEqualTo(e.attributes().get(i).name());
      assertThat(e.attributeValue(i)).isEqualTo(e.attributes().get(i).value());
    }
    assertThatThrownBy(() -> e.attributeName(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> e.attributeValue(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  static void assertSame(XmlElement actual, XmlElement expected) {
    assertThat(actual).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(actual.toXml()).isEqualTo(expected.toXml());
    assertThat(actual.prefix()).isEqualTo(expected.prefix());
    assertThat(actual.namespaceDeclarations()).isEqualTo(expected.namespaceDeclarations());
    assertThat(actual.attributes()).isEqualTo(expected.attributes());
    assertThat(actual.children()).isEqualTo(expected.children());
    for (int i = 0; i < actual.children().size(); i++) {
      if (actual.children().get(i) instanceof XmlElement c) {
        assertSame(c, (XmlElement) expected.children().get(i));
      }
    }
  }

  /** Walks an element as a parser's events would come, into the unchecked builder. */
  static XmlElement replay(XmlElement e, UncheckedXmlBuilder b, Random r) {
    b.start(e.name(), e.prefix());
    Map<String, String> declarations = e.namespaceDeclarations();
    if (!declarations.isEmpty()) {
      if (r.nextBoolean()) {
        b.declarations(Map.copyOf(declarations));
      } else {
        declarations.forEach(b::declare);
      }
    }
    for (XmlAttribute a : e.attributes()) {
      b.attribute(a.name(), a.prefix(), a.value());
    }
    for (XmlNode n : e.children()) {
      if (n instanceof XmlText t) {
        String s = t.text();
        int cut = r.nextInt(s.length() + 1); // text may come in pieces
        b.text(s.substring(0, cut));
        b.text(s.substring(cut));
      } else {
        replay((XmlElement) n, b, r);
      }
    }
    return b.end();
  }

  static XmlElement random(Random r, int depth) {
    String ns = NAMESPACES[r.nextInt(NAMESPACES.length)];
    XmlElement.Builder b = XmlElement.builder(LOCALS[r.nextInt(LOCALS.length)], ns);
    if (!ns.isEmpty() && r.nextBoolean()) {
      b.prefix("p").declareNamespace("p", ns);
    }
    for (int i = r.nextInt(4); i > 0; i--) {
      switch (r.nextInt(3)) {
        case 0 -> b.attribute("k" + i, TEXTS[r.nextInt(TEXTS.length)]);
        case 1 -> b.lang("en");
        default -> b.attribute(XmlName.of("urn:c", "k" + i), "c", TEXTS[r.nextInt(TEXTS.length)]);
      }
    }
    for (int i = depth < 3 ? r.nextInt(5) : 0; i > 0; i--) {
      if (r.nextBoolean()) {
        b.text(TEXTS[r.nextInt(TEXTS.length)]);
      } else {
        b.child(random(r, depth + 1));
      }
    }
    return b.build();
  }
}
