package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProsodyAdminTest {

  @Test
  void luaLiteralsEscapeEverythingThatCouldEndThem() {
    assertThat(ProsodyAdmin.lua("alice-1.x_y@z")).isEqualTo("\"alice-1.x_y@z\"");
    assertThat(ProsodyAdmin.lua("a\"b")).isEqualTo("\"a\\034b\"");
    assertThat(ProsodyAdmin.lua("]] .. os.exit() --")).doesNotContain("]").doesNotContain(" ").doesNotContain("(");
    assertThat(ProsodyAdmin.lua("\\\n")).isEqualTo("\"\\092\\010\"");
    assertThat(ProsodyAdmin.lua("é")).isEqualTo("\"\\195\\169\"");
  }

  @Test
  void xmlEscapingRoundTrips() {
    String text = "a < b && c > 'd' \"e\"";
    assertThat(ProsodyAdmin.escape(text)).doesNotContain("<").doesNotContain(">");
    assertThat(ProsodyAdmin.unescape(ProsodyAdmin.escape(text))).isEqualTo(text);
    assertThat(ProsodyAdmin.unescape("&apos;&quot;&amp;lt;")).isEqualTo("'\"&lt;");
  }
}
