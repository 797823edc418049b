package dev.xmppreactive.jid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.jid.JidFormatException.Part;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class JidTest {

  @Test
  void partsBareAndFull() {
    Jid full = Jid.of("romeo@montague.example/orchard");
    assertThat(full.localpart()).isEqualTo("romeo");
    assertThat(full.domainpart()).isEqualTo("montague.example");
    assertThat(full.resourcepart()).isEqualTo("orchard");
    assertThat(full.isFull()).isTrue();
    assertThat(full.bare()).isEqualTo(Jid.of("romeo@montague.example"));
    assertThat(full.bare().isBare()).isTrue();
    assertThat(full.bare().withResource("balcony")).hasToString("romeo@montague.example/balcony");
    assertThat(full.withResource(null)).isEqualTo(full.bare());
    assertThat(full.domainJid()).isEqualTo(Jid.domain("montague.example"));
    assertThat(full.domainJid().isDomain()).isTrue();
    assertThat(full.isSameBare(Jid.of("ROMEO@Montague.Example/other"))).isTrue();
  }

  @Test
  void equalityIsAfterNormalisation() {
    assertThat(Jid.of("Juliet@Example.COM/Balcony")).isEqualTo(Jid.of("juliet@example.com/Balcony"))
        .isNotEqualTo(Jid.of("juliet@example.com/balcony")); // resourceparts keep their case
    assertThat(Jid.of("juliet@example.com.")).isEqualTo(Jid.of("juliet@example.com"));
    // Fullwidth letters are width-mapped in the localpart (RFC 8265 §3.3.2 rule 1).
    assertThat(Jid.of("\uFF2A\uFF55\uFF4C\uFF49\uFF45\uFF54@example.com").localpart()).isEqualTo("juliet");
    // Ideographic full stop is a label separator (RFC 7622 §3.2).
    assertThat(Jid.of("user@example\u3002com").domainpart()).isEqualTo("example.com");
  }

  @Test
  void internationalisedDomainsAreKeptInUnicodeForm() {
    assertThat(Jid.of("user@xn--mnchen-3ya.example").domainpart()).isEqualTo("münchen.example");
    assertThat(Jid.of("user@MÜNCHEN.example")).isEqualTo(Jid.of("user@xn--mnchen-3ya.example"));
  }

  @Test
  void ipLiterals() {
    assertThat(Jid.of("a@[::1]/r").domainpart()).isEqualTo("[::1]");
    assertThat(Jid.of("a@[2001:DB8::1]").domainpart()).isEqualTo("[2001:db8::1]");
    assertThat(Jid.of("a@[::ffff:192.0.2.1]").domainpart()).isEqualTo("[::ffff:192.0.2.1]");
    assertThat(Jid.of("a@127.0.0.1").domainpart()).isEqualTo("127.0.0.1");
    for (String bad : new String[] {"a@[::1", "a@[1:2:3:4:5:6:7:8:9]", "a@[1::2::3]", "a@[g::1]",
        "a@[]", "a@[1:2:3:4:5:6:7]"}) {
      assertThatThrownBy(() -> Jid.of(bad)).as(bad).isInstanceOf(JidFormatException.class)
          .extracting(e -> ((JidFormatException) e).part()).isEqualTo(Part.DOMAINPART);
    }
  }

  @Test
  void eachPartIsLimitedTo1023Bytes() {
    String ok = "a".repeat(1023);
    assertThat(Jid.of(ok + "@example.com/" + ok).localpart()).hasSize(1023);
    assertPart(Jid::of, "a".repeat(1024) + "@example.com", Part.LOCALPART);
    assertPart(Jid::of, "a@example.com/" + "r".repeat(1024), Part.RESOURCEPART);
    assertPart(Jid::of, "a@" + "d".repeat(1024), Part.DOMAINPART);
    // Bytes, not characters: 342 three-byte characters are 1026 bytes.
    assertPart(Jid::of, "a@example.com/" + "\u20AC".repeat(342), Part.RESOURCEPART);
    assertThat(Jid.of("a@example.com/" + "\u20AC".repeat(341)).resourcepart()).hasSize(341);
  }

  @Test
  void errorsNameThePartAndTheReason() {
    assertPart(Jid::of, "", Part.ADDRESS);
    assertPart(Jid::of, "ju<liet@example.com", Part.LOCALPART);
    assertPart(Jid::of, "juliet@exa mple.com", Part.DOMAINPART);
    assertPart(Jid::of, "juliet@example.com/\u0007bell", Part.RESOURCEPART);
    assertThatThrownBy(() -> Jid.of("ju<liet@example.com"))
        .hasMessageContaining("localpart").hasMessageContaining("'<'");
    assertThat(Jid.ofOrNull("@@")).isNull();
    assertThat(Jid.ofOrNull(null)).isNull();
    assertThatThrownBy(() -> Jid.of("a@b").withResource("")).isInstanceOf(JidFormatException.class);
  }

  @Test
  void serialisationKeepsTheValue() throws Exception {
    Jid jid = Jid.of("juliet@example.com/balcony");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(jid);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(jid);
    }
  }

  private static void assertPart(java.util.function.Function<String, Jid> f, String in, Part part) {
    assertThatThrownBy(() -> f.apply(in)).as(in).isInstanceOf(JidFormatException.class)
        .extracting(e -> ((JidFormatException) e).part()).isEqualTo(part);
  }
}
