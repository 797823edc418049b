package dev.xmppreactive.samples.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.xml.XmlElement;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreContactSourceTest {

  private static final String NS = CoreContactSource.ROSTER_NS;

  private static Iq result(XmlElement payload) {
    return Iq.builder().type(Iq.Type.RESULT).id("r1").payload(payload).build();
  }

  @Test
  void readsItemsAndSkipsThoseWithoutAValidJid() {
    XmlElement query = XmlElement.builder("query", NS)
        .child(XmlElement.builder("item", NS).attribute("jid", "juliet@example.com")
            .attribute("name", "Juliet").attribute("subscription", "both")
            .textElement("group", NS, "Friends").textElement("group", NS, "Capulets").build())
        .child(XmlElement.builder("item", NS).attribute("jid", "not@a@jid").build())
        .child(XmlElement.builder("item", NS).build())
        .child(XmlElement.builder("item", NS).attribute("jid", "romeo@example.net")
            .attribute("ask", "subscribe").build())
        .build();
    assertThat(CoreContactSource.contacts(result(query))).containsExactly(
        new Contact(Jid.of("juliet@example.com"), "Juliet", "both", false,
            List.of("Friends", "Capulets")),
        new Contact(Jid.of("romeo@example.net"), null, "none", true, List.of()));
  }

  @Test
  void aResultWithoutARosterIsEmpty() {
    assertThat(CoreContactSource.contacts(result(null))).isEmpty();
    assertThat(CoreContactSource.contacts(result(XmlElement.empty("query", "urn:other"))))
        .isEmpty();
  }

  @Test
  void linesSayWhatTheRecordsHold() {
    assertThat(new Contact(Jid.of("a@b.c"), "", "to", true, List.of("G")).toLine())
        .isEqualTo("a@b.c to pending [G]");
    assertThat(new PresenceUpdate(Jid.of("a@b.c/r"), true, Presence.Show.NONE, null).toLine())
        .isEqualTo("a@b.c/r is available");
    assertThat(new PresenceUpdate(Jid.of("a@b.c/r"), true, Presence.Show.DND, null).toLine())
        .isEqualTo("a@b.c/r is available (dnd)");
    assertThat(new PresenceUpdate(Jid.of("a@b.c/r"), false, Presence.Show.NONE, "bye").toLine())
        .isEqualTo("a@b.c/r is unavailable (\"bye\")");
  }
}
