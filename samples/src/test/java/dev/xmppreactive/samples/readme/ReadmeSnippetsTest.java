package dev.xmppreactive.samples.readme;

import static dev.xmppreactive.test.XmppSteps.expectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.test.RunningServer;
import dev.xmppreactive.test.TestSession;
import dev.xmppreactive.test.XmppTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** The README's snippets do what the README says. */
class ReadmeSnippetsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private RunningServer server;
  private XmppSession alice;

  @BeforeEach
  void start() {
    server = XmppTestServer.create().user("bot", "bot-secret").user("alice", "alice-secret")
        .start();
  }

  @AfterEach
  void stop() {
    if (alice != null) {
      alice.close().block(WAIT);
    }
    server.close();
  }

  /** Alice says hello to the bot; the bot says it back. */
  private void botEchoes(Jid bot) {
    alice = server.clientFor("alice").connect().block(WAIT);
    StepVerifier.create(alice.messages())
        .then(() -> alice.send(Message.chat(bot, "Hello, bot")).subscribe())
        .assertNext(expectMessage(bot, "Hello, bot"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void reactive() {
    Disposable bot = ReadmeSnippets.reactive(server.clientFor("bot"));
    TestSession atServer = server.session("bot").block(WAIT);
    botEchoes(atServer.jid());
    // Disposing the bot closes its session (gracefully: the server does not wait for a resumption).
    bot.dispose();
    StepVerifier.create(atServer.onEnd()).expectComplete().verify(WAIT);
  }

  @Test
  void functional() {
    XmppSession bot = ReadmeSnippets.functional(server.clientFor("bot"));
    botEchoes(bot.jid());
    bot.close().block(WAIT);
  }

  @Test
  void handler() {
    XmppSession bot = ReadmeSnippets.handler(server.clientFor("bot"));
    botEchoes(bot.jid());
    bot.close().block(WAIT);
  }

  @Test
  void blocking() throws Exception {
    XmppSession bot = ReadmeSnippets.functional(server.clientFor("bot"));
    // The domain (else the host's name is taken for it) and the trust; the snippet does the rest.
    XmppClient base = XmppClient.create().jid(Jid.domain(server.domain()))
        .tls(t -> t.withTrust(server.trust()));
    assertThat(ReadmeSnippets.blocking(base, server.host(), server.port(), "alice",
        "alice-secret", bot.jid())).isEqualTo("Hello, bot");
    bot.close().block(WAIT);
  }

  @Test
  void realServer(@TempDir Path dir) throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), server.trustAnchorPem());
    XmppSession session = ReadmeSnippets.realServer("alice@example.test", "alice-secret",
        server.host(), server.port(), ca);
    assertThat(session.jid().bare()).isEqualTo(Jid.of("alice@example.test"));
    session.close().block(WAIT);
  }
}
