package dev.xmppreactive.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Help, and mistakes on the command line, need no server. */
class HelpAndUsageTest {

  @ParameterizedTest
  @ValueSource(strings = {"demo", "echo-bot", "send", "roster", "watch", "command-bot"})
  void everyCommandHasHelpWithTheExitCodes(String command) {
    CapturedTerminal t = new CapturedTerminal(Map.of());
    assertThat(Fixture.run(t, List.of(command, "--help"))).isZero();
    assertThat(t.out())
        .contains("Usage: xmpp-reactive-samples " + command)
        .contains("Exit codes:")
        .contains("3   authentication failed")
        .contains("4   TLS failed");
    if (!command.equals("demo")) {
      assertThat(t.out()).contains("--jid=JID", "--host=HOST", "--port=PORT", "--direct-tls",
          "--trust-pem=FILE", "--password=PASSWORD", "XMPP_PASSWORD");
    }
  }

  @Test
  void theTopLevelHelpListsTheCommands() {
    CapturedTerminal t = new CapturedTerminal(Map.of());
    assertThat(Fixture.run(t, List.of("--help"))).isZero();
    assertThat(t.out()).contains("demo", "echo-bot", "send", "roster", "watch", "command-bot",
        "Exit codes:");
  }

  @Test
  void aMissingOptionIsAUsageError() {
    CapturedTerminal t = new CapturedTerminal(Map.of("XMPP_PASSWORD", "x"));
    assertThat(Fixture.run(t, List.of("send", "--jid", "a@example.test", "--body", "hi")))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(t.err()).contains("Missing required option: '--to=JID'");
  }

  @Test
  void anInvalidJidIsAUsageError() {
    CapturedTerminal t = new CapturedTerminal(Map.of("XMPP_PASSWORD", "x"));
    assertThat(Fixture.run(t, List.of("roster", "--jid", "a@b@c"))).isEqualTo(ExitCodes.USAGE);
    assertThat(t.err()).contains("Invalid value for option '--jid'");
  }

  @Test
  void aJidWithoutAUserIsAUsageError() {
    CapturedTerminal t = new CapturedTerminal(Map.of("XMPP_PASSWORD", "x"));
    assertThat(Fixture.run(t, List.of("roster", "--jid", "example.test")))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(t.err()).contains("--jid needs a user");
  }

  @Test
  void withoutAPasswordItSaysWhereToPutOne() {
    CapturedTerminal t = new CapturedTerminal(Map.of());
    assertThat(Fixture.run(t, List.of("roster", "--jid", "a@example.test")))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(t.err()).contains("no password: set the environment variable XMPP_PASSWORD");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    CapturedTerminal t = new CapturedTerminal(Map.of());
    assertThat(Fixture.run(t, List.of("dance"))).isEqualTo(ExitCodes.USAGE);
    assertThat(t.err()).contains("Unmatched argument");
  }
}
