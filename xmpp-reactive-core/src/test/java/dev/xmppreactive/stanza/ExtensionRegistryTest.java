package dev.xmppreactive.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

class ExtensionRegistryTest {

  static final String WEATHER_NS = "urn:xmpp-reactive:test:weather";
  static final String MOOD_NS = "urn:xmpp-reactive:test:mood";
  static final String RECEIPT_NS = "urn:xmpp-reactive:test:receipts";

  /** A record bound through Jackson. */
  @JacksonXmlRootElement(namespace = WEATHER_NS, localName = "weather")
  record Weather(@JacksonXmlProperty(isAttribute = true) String city, double celsius, String sky) {
  }

  /** An annotated class bound through Jackson. */
  @JacksonXmlRootElement(namespace = MOOD_NS, localName = "mood")
  static final class Mood {
    @JacksonXmlProperty(isAttribute = true, localName = "value")
    public String value;
    @JacksonXmlProperty(localName = "text")
    public String text;

    public Mood() {
    }

    Mood(String value, String text) {
      this.value = value;
      this.text = text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Mood m && Objects.equals(value, m.value) && Objects.equals(text, m.text);
    }

    @Override
    public int hashCode() {
      return Objects.hash(value, text);
    }
  }

  /** A payload with a codec written by hand. */
  record Receipt(String id) {
  }

  static final ExtensionCodec<Receipt> RECEIPTS = ExtensionCodec.of(
      XmlName.of(RECEIPT_NS, "received"), Receipt.class,
      e -> new Receipt(Objects.requireNonNull(e.attribute("id"), "id")),
      r -> XmlElement.builder("received", RECEIPT_NS).attribute("id", r.id()).build());

  private final ExtensionRegistry registry = ExtensionRegistry.builder()
      .register(RECEIPTS).bind(Weather.class).bind(Mood.class).build();

  @Test
  void recordIsWrittenAsAnElementInItsNamespace() {
    XmlElement e = registry.encode(new Weather("Verona", 21.5, "clear"));
    XmlElement expected = XmlElement.builder("weather", WEATHER_NS).attribute("city", "Verona")
        .textElement("celsius", WEATHER_NS, "21.5").textElement("sky", WEATHER_NS, "clear").build();
    assertThat(e).isEqualTo(expected);
    assertThat(registry.decode(e, Weather.class)).isEqualTo(new Weather("Verona", 21.5, "clear"));
  }

  @Test
  void recordRoundTripsThroughAMessageOnTheWire() {
    Weather weather = new Weather("Verona", -3.25, "snow & <ice>");
    Message m = Message.builder().to(Jid.of("romeo@example.net")).body("look outside")
        .extension(registry, weather).build();
    Message received = (Message) Stanza.fromElement(StaxTestParser.parse(m.toString()));
    assertThat(received).isEqualTo(m);
    assertThat(registry.extension(received, Weather.class)).contains(weather);
    assertThat(registry.extension(received, Mood.class)).isEmpty();
    assertThat(registry.decode(received.extension("weather", WEATHER_NS))).contains(weather);
  }

  @Test
  void annotatedClassRoundTripsThroughAPresence() {
    Mood mood = new Mood("happy", "the sun is out");
    Presence p = Presence.builder().extension(registry, mood).build();
    assertThat(p.extension("mood", MOOD_NS)).isEqualTo(XmlElement.builder("mood", MOOD_NS)
        .attribute("value", "happy").textElement("text", MOOD_NS, "the sun is out").build());
    Presence received = (Presence) Stanza.fromElement(StaxTestParser.parse(p.toString()));
    assertThat(registry.extensions(received, Mood.class)).containsExactly(mood);
  }

  @Test
  void handWrittenCodec() {
    Message m = Message.builder().to("juliet@example.com").extension(registry, new Receipt("r1"))
        .extension(registry, new Receipt("r2")).build();
    assertThat(registry.extensions(m, Receipt.class))
        .containsExactly(new Receipt("r1"), new Receipt("r2"));
    assertThat(registry.extension(m, Receipt.class)).contains(new Receipt("r1"));
    assertThat(registry.codec(Receipt.class)).containsSame(RECEIPTS);
    assertThat(registry.supports(XmlName.of(RECEIPT_NS, "received"))).isTrue();
    assertThat(registry.codecs()).hasSize(3);
  }

  @Test
  void unknownChildrenOfABoundPayloadAreIgnoredWhenReading() {
    XmlElement newer = XmlElement.builder("weather", WEATHER_NS).attribute("city", "Mantua")
        .attribute("wind", "strong").textElement("celsius", WEATHER_NS, "12")
        .textElement("humidity", WEATHER_NS, "80").build();
    assertThat(registry.decode(newer, Weather.class)).isEqualTo(new Weather("Mantua", 12, null));
  }

  @Test
  void aPayloadThatDoesNotDecodeIsABadRequest() {
    XmlElement bad = XmlElement.builder("weather", WEATHER_NS).textElement("celsius", WEATHER_NS, "hot")
        .build();
    Message m = Message.builder().from("nurse@example.com/x").id("m1").extension(bad).build();
    assertThatThrownBy(() -> registry.extension(m, Weather.class))
        .isInstanceOfSatisfying(StanzaFormatException.class, e -> {
          assertThat(e.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
          assertThat(e.offendingElement()).isSameAs(bad);
          assertThat(e.stanzaElement()).isSameAs(m.toXmlElement());
          assertThat(e.kind()).isEqualTo(StanzaKind.MESSAGE);
          assertThat(e.id()).isEqualTo("m1");
          assertThat(e.getCause()).isNotNull();
        });
    XmlElement noId = XmlElement.empty("received", RECEIPT_NS);
    assertThatThrownBy(() -> registry.decode(noId)).isInstanceOf(StanzaFormatException.class)
        .hasCauseInstanceOf(NullPointerException.class);
  }

  @Test
  void registriesAreSeparate() {
    ExtensionRegistry other = ExtensionRegistry.builder().register(RECEIPTS).build();
    Message m = Message.builder().extension(registry, new Weather("Verona", 20, null)).build();
    assertThatThrownBy(() -> other.extension(m, Weather.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no extension codec");
    assertThatThrownBy(() -> other.encode(new Weather("Verona", 20, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(other.decode(m.extension("weather", WEATHER_NS))).isEmpty();
    assertThat(ExtensionRegistry.empty().codecs()).isEmpty();
  }

  @Test
  void duplicatesAndUnnamedTypesAreRefused() {
    assertThatThrownBy(() -> ExtensionRegistry.builder().register(RECEIPTS).register(RECEIPTS).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two codecs");
    assertThatThrownBy(() -> ExtensionRegistry.builder().bind(Receipt.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace");
    assertThatThrownBy(() -> ExtensionRegistry.builder()
        .bind(Receipt.class, XmlName.of(Stanza.CLIENT_NS, "receipt")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("§8.4");
  }

  @Test
  void explicitNameOverridesTheAnnotation() {
    XmlName name = XmlName.of("urn:xmpp-reactive:test:other", "receipt");
    ExtensionRegistry r = ExtensionRegistry.builder().bind(Receipt.class, name).build();
    XmlElement e = r.encode(new Receipt("abc"));
    assertThat(e.name()).isEqualTo(name);
    assertThat(e.childText("id", name.namespace())).isEqualTo("abc");
    assertThat(r.decode(e, Receipt.class)).isEqualTo(new Receipt("abc"));
  }

  @Test
  void anInjectedMapperIsUsed() {
    XmlMapper mapper = ExtensionRegistry.newSecureXmlMapper().rebuild()
        .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.UPPER_CAMEL_CASE)
        .build();
    ExtensionRegistry r = ExtensionRegistry.builder().bind(Weather.class).xmlMapper(mapper).build();
    XmlElement e = r.encode(new Weather("Verona", 1, "grey"));
    assertThat(e.childText("Sky", WEATHER_NS)).isEqualTo("grey");
    assertThat(r.decode(e, Weather.class)).isEqualTo(new Weather("Verona", 1, "grey"));
  }

  @Test
  void theDefaultMapperResolvesNoExternalEntityNorDtd(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xxe = "<?xml version='1.0'?><!DOCTYPE weather [<!ENTITY xxe SYSTEM '"
        + secret.toUri() + "'>]><weather xmlns='" + WEATHER_NS + "' city='x'><sky>&xxe;</sky>"
        + "<celsius>1</celsius></weather>";
    XmlMapper mapper = ExtensionRegistry.newSecureXmlMapper();
    var input = mapper.tokenStreamFactory().getXMLInputFactory();
    assertThat(input.getProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
    assertThat(input.getProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES))
        .isEqualTo(false);
    Optional<Weather> read;
    try {
      read = Optional.of(mapper.readValue(xxe, Weather.class));
    } catch (RuntimeException refused) {
      read = Optional.empty();
    }
    read.ifPresent(w -> assertThat(w.sky()).doesNotContain("TOP-SECRET"));
    String bomb = "<?xml version='1.0'?><!DOCTYPE weather [<!ENTITY a 'aaaaaaaaaa'>"
        + "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]><weather city='x'><sky>&b;</sky></weather>";
    Optional<Weather> expanded;
    try {
      expanded = Optional.of(mapper.readValue(bomb, Weather.class));
    } catch (RuntimeException refused) {
      expanded = Optional.empty();
    }
    expanded.ifPresent(w -> assertThat(w.sky()).doesNotContain("aaaaaaaaaa"));
  }

  @Test
  void codecsListsInRegistrationOrder() {
    assertThat(registry.codecs()).extracting(ExtensionCodec::type)
        .isEqualTo(List.of(Receipt.class, Weather.class, Mood.class));
  }
}
