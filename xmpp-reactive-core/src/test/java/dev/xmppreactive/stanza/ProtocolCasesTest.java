package dev.xmppreactive.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlOutput;
import dev.xmppreactive.xml.XmlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Round trips over StanzaJS's 174 protocol cases (MIT, {@code testdata/stanzas/stanzajs-protocol-cases}
 * with its LICENSE.md): each XML file is parsed with the JDK's StAX parser (a file without
 * {@code xmlns} is in {@code jabber:client}, as inside a client stream); a message, presence or iq is
 * decoded into a {@link Stanza} and encoded back; every case is then written as text and parsed again,
 * and the element must be equal.
 *
 * <p>Whitespace: whitespace-only text between elements is character data like any other and is kept
 * exactly (the XML files are indented, and the indentation survives the round trip); element equality
 * compares text exactly. The typed views trim only values that are tokens (show, priority, thread,
 * gone/redirect addresses), never human-readable text (body, subject, status, error text).
 *
 * <p>Where the JSON's values map onto the model (to, from, id, type, lang, body, subject, thread, show,
 * status, priority, error type, condition and text, the IQ payload's namespace) they are asserted.
 */
class ProtocolCasesTest {

  private static final Path ROOT = root();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Cases our decoder refuses, rightly: an IQ without 'id' and 'type' (RFC 6120 §8.2.3 rules 1, 2).
   * StanzaJS uses them to test a payload, not the stanza.
   */
  private static final Set<String> REFUSED = Set.of("xep0060/1", "xep0060/2");

  /** stanzajs's name of an IQ payload, and the namespace it stands for (a prefix of it). */
  private static final Map<String, String> IQ_PAYLOADS = Map.ofEntries(
      Map.entry("roster", "jabber:iq:roster"),
      Map.entry("lastActivity", "jabber:iq:last"),
      Map.entry("disco", "http://jabber.org/protocol/disco#"),
      Map.entry("ibb", "http://jabber.org/protocol/ibb"),
      Map.entry("privateStorage", "jabber:iq:private"),
      Map.entry("pubsub", "http://jabber.org/protocol/pubsub"),
      Map.entry("transferLink", "jabber:iq:oob"),
      Map.entry("softwareVersion", "jabber:iq:version"),
      Map.entry("jingle", "urn:xmpp:jingle:1"),
      Map.entry("externalServiceCredentials", "urn:xmpp:extdisco:"),
      Map.entry("externalServices", "urn:xmpp:extdisco:"),
      Map.entry("archive", "urn:xmpp:mam:"),
      Map.entry("httpUpload", "urn:xmpp:http:upload:0"));

  private static Path root() {
    try {
      return Path.of(ProtocolCasesTest.class
          .getResource("/testdata/stanzas/stanzajs-protocol-cases/LICENSE.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".xml"))
          .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
          .map(s -> s.substring(0, s.length() - 4))
          .sorted().toList().stream();
    }
  }

  @Test
  void allCasesArePresent() throws IOException {
    assertThat(cases().count()).isEqualTo(174);
    assertThat(cases().filter(c -> Files.exists(ROOT.resolve(c + ".json"))).count()).isEqualTo(174);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void roundTrip(String name) throws IOException {
    String xml = Files.readString(ROOT.resolve(name + ".xml"), StandardCharsets.UTF_8);
    XmlElement parsed = StaxTestParser.parseInStream(xml, Stanza.CLIENT_NS);
    XmlElement encoded = parsed;
    Stanza stanza = null;
    if (Stanza.isStanza(parsed)) {
      if (REFUSED.contains(name)) {
        assertThatThrownBy(() -> Stanza.fromElement(parsed))
            .isInstanceOfSatisfying(StanzaFormatException.class, e -> {
              assertThat(e.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
              assertThat(e.kind()).isEqualTo(StanzaKind.IQ);
              assertThat(e.stanzaElement()).isSameAs(parsed);
            });
      } else {
        stanza = Stanza.fromElement(parsed);
        encoded = stanza.toXmlElement();
        assertThat(encoded).isSameAs(parsed); // the element is kept, not rebuilt
        JsonNode[] json = json(name);
        assertKeyValues(stanza, json[0], json[1]);
        assertTypedViewsRebuild(stanza);
      }
    } else {
      assertThatThrownBy(() -> Stanza.fromElement(parsed)).isInstanceOf(StanzaFormatException.class);
    }

    // Written on its own, with every namespace declared:
    XmlElement again = StaxTestParser.parse(encoded.toXml());
    assertThat(again).isEqualTo(parsed);
    // Written inside a jabber:client stream, as the encoder does (no xmlns for the content namespace):
    StringBuilder sb = new StringBuilder();
    new XmlWriter(Map.of("", Stanza.CLIENT_NS)).writeElement(encoded, XmlOutput.of(sb));
    XmlElement inStream = StaxTestParser.parseInStream(sb.toString(), Stanza.CLIENT_NS);
    assertThat(inStream).isEqualTo(parsed);
    if (stanza != null) {
      assertThat(Stanza.fromElement(inStream)).isEqualTo(stanza);
    }
  }

  /** The object StanzaJS reads from the XML (with its defaults) if given, and the one it writes. */
  private static JsonNode[] json(String name) {
    try {
      JsonNode array = JSON.readTree(Files.readString(ROOT.resolve(name + ".json")));
      JsonNode write = array.get(1);
      return new JsonNode[] {array.size() > 2 ? array.get(2) : write, write};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asString();
  }

  private static void assertKeyValues(Stanza s, JsonNode read, JsonNode write) {
    assertThat(s.to()).isEqualTo(jid(text(read, "to")));
    assertThat(s.from()).isEqualTo(jid(text(read, "from")));
    assertThat(s.id()).isEqualTo(text(read, "id"));
    String lang = text(read, "lang");
    assertThat(s.lang()).isEqualTo(lang == null || lang.isEmpty() ? null : lang);
    String type = text(read, "type");
    if (s instanceof Message m) {
      assertThat(m.type()).isEqualTo(type == null ? Message.Type.NORMAL
          : Message.Type.valueOf(type.toUpperCase()));
      assertThat(m.body()).isEqualTo(text(read, "body"));
      assertThat(m.bodies()).isEqualTo(langMap(read.get("alternateLanguageBodies")));
      boolean hasSubject = read.has("hasSubject") || read.has("subject");
      assertThat(m.subject() != null).isEqualTo(hasSubject);
      if (read.has("subject")) {
        assertThat(m.subject()).isEqualTo(text(read, "subject"));
      }
      if (read.has("alternateLanguageSubjects")) {
        assertThat(m.subjects()).isEqualTo(langMap(read.get("alternateLanguageSubjects")));
      }
      assertThat(m.thread()).isEqualTo(text(read, "thread"));
    } else if (s instanceof Presence p) {
      assertThat(p.type()).isEqualTo(type == null ? Presence.Type.AVAILABLE
          : Presence.Type.valueOf(type.toUpperCase()));
      String show = text(read, "show");
      assertThat(p.show()).isEqualTo(show == null ? Presence.Show.NONE
          : Presence.Show.valueOf(show.toUpperCase()));
      assertThat(p.status()).isEqualTo(text(read, "status"));
      assertThat(p.priority()).isEqualTo(read.has("priority") ? read.get("priority").asInt() : 0);
    } else if (s instanceof Iq iq) {
      assertThat(iq.type().value()).isEqualTo(type);
      List<String> payloadKeys = IQ_PAYLOADS.keySet().stream().filter(write::has).toList();
      assertThat(payloadKeys).hasSizeLessThanOrEqualTo(1);
      if (payloadKeys.isEmpty()) {
        assertThat(iq.payload()).isNull();
      } else {
        assertThat(iq.payload()).isNotNull();
        assertThat(iq.payload().namespace()).startsWith(IQ_PAYLOADS.get(payloadKeys.get(0)));
      }
    }
    JsonNode error = read.get("error");
    assertThat(s.isError()).isEqualTo(error != null);
    if (error != null) {
      assertThat(s.error().condition().elementName()).isEqualTo(text(error, "condition"));
      assertThat(s.error().type().value()).isEqualTo(text(error, "type"));
      assertThat(s.error().text()).isEqualTo(text(error, "text"));
    }
  }

  private static Jid jid(String s) {
    return s == null ? null : Jid.of(s);
  }

  private static Map<String, String> langMap(JsonNode list) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list != null) {
      for (JsonNode e : list) {
        out.put(text(e, "lang"), text(e, "value"));
      }
    }
    return out;
  }

  /**
   * Rebuilds the stanza from its typed views alone, through the builders, and checks that the rebuilt
   * stanza reads the same and that the views account for every child element of the original.
   */
  private static void assertTypedViewsRebuild(Stanza s) {
    Set<String> known = switch (s.kind()) {
      case MESSAGE -> Set.of("body", "subject", "thread", "error");
      case PRESENCE -> Set.of("show", "status", "priority", "error");
      case IQ -> Set.of("error");
    };
    for (XmlElement child : s.toXmlElement().elements()) {
      if (child.namespace().equals(s.namespace())) {
        assertThat(known).as("content child").contains(child.localName());
      }
    }
    Stanza rebuilt;
    if (s instanceof Message m) {
      Message.Builder b = common(Message.builder(), s);
      if (m.typeAttribute() != null && !m.isError()) {
        b.type(m.type());
      }
      m.bodies().forEach((lang, text) -> b.body(lang.isEmpty() ? null : lang, text));
      m.subjects().forEach((lang, text) -> b.subject(lang.isEmpty() ? null : lang, text));
      b.thread(m.thread(), m.threadParent());
      s.extensions().forEach(b::extension);
      rebuilt = b.build();
    } else if (s instanceof Presence p) {
      Presence.Builder b = common(Presence.builder(), s);
      if (!p.isError()) {
        b.type(p.type());
      }
      b.show(p.show());
      p.statuses().forEach((lang, text) -> b.status(lang.isEmpty() ? null : lang, text));
      if (p.toXmlElement().element("priority", p.namespace()) != null) {
        b.priority(p.priority());
      }
      s.extensions().forEach(b::extension);
      rebuilt = b.build();
    } else {
      Iq iq = (Iq) s;
      Iq.Builder b = common(Iq.builder(), s);
      if (!iq.isError()) {
        b.type(iq.type());
      }
      b.payload(iq.payload());
      rebuilt = b.build();
    }
    assertThat(rebuilt.getClass()).isEqualTo(s.getClass());
    assertThat(rebuilt.to()).isEqualTo(s.to());
    assertThat(rebuilt.from()).isEqualTo(s.from());
    assertThat(rebuilt.id()).isEqualTo(s.id());
    assertThat(rebuilt.lang()).isEqualTo(s.lang());
    assertThat(rebuilt.error()).isEqualTo(s.error());
    assertThat(rebuilt.extensions()).isEqualTo(s.extensions());
    if (s instanceof Message m) {
      Message r = (Message) rebuilt;
      assertThat(r.type()).isEqualTo(m.type());
      assertThat(r.body()).isEqualTo(m.body());
      assertThat(r.bodies()).isEqualTo(m.bodies());
      assertThat(r.subject()).isEqualTo(m.subject());
      assertThat(r.subjects()).isEqualTo(m.subjects());
      assertThat(r.thread()).isEqualTo(m.thread());
      assertThat(r.threadParent()).isEqualTo(m.threadParent());
    } else if (s instanceof Presence p) {
      Presence r = (Presence) rebuilt;
      assertThat(r.type()).isEqualTo(p.type());
      assertThat(r.show()).isEqualTo(p.show());
      assertThat(r.statuses()).isEqualTo(p.statuses());
      assertThat(r.priority()).isEqualTo(p.priority());
    } else {
      Iq iq = (Iq) s;
      Iq r = (Iq) rebuilt;
      assertThat(r.type()).isEqualTo(iq.type());
      assertThat(r.payload()).isEqualTo(iq.payload());
    }
    // Decoding what the builder made gives the same stanza.
    assertThat(Stanza.fromElement(StaxTestParser.parse(rebuilt.toXmlElement().toXml())))
        .isEqualTo(rebuilt);
  }

  private static <B extends Stanza.Builder<?, B>> B common(B b, Stanza s) {
    b.to(s.to()).from(s.from()).id(s.id()).lang(s.lang());
    if (s.isError()) {
      b.error(s.error());
    }
    return b;
  }
}
