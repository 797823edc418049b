package dev.xmppreactive.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void withoutACommandTheDemoPrintsTheConversationAndExitsZero() {
    CapturedTerminal t = new CapturedTerminal(Map.of());
    int code = Fixture.run(t, List.of());
    assertThat(code).as(t.err()).isZero();
    // Each line goes out, reaches the bot, and comes back, in that order.
    assertThat(t.out()).containsSubsequence(
        "bot     online as bot@example.test/echo",
        "alice   online as alice@example.test/demo",
        "alice   -> bot: Hello, bot!",
        "bot     <- alice: Hello, bot!",
        "alice   <- bot: Hello, bot!",
        "alice   -> bot: Do you answer everything I say?",
        "bot     <- alice: Do you answer everything I say?",
        "alice   <- bot: Do you answer everything I say?",
        "alice   -> bot: Then goodbye.",
        "bot     <- alice: Then goodbye.",
        "alice   <- bot: Then goodbye.",
        "alice   offline",
        "bot     offline",
        "server  stopped",
        "Done. Next: the same jar with --help");
    assertThat(t.err()).isEmpty();
  }

  @Test
  void theDemoCommandIsTheSame() {
    CapturedTerminal t = new CapturedTerminal(Map.of());
    assertThat(Fixture.run(t, List.of("demo"))).as(t.err()).isZero();
    assertThat(t.out()).contains("alice   <- bot: Then goodbye.");
  }
}
