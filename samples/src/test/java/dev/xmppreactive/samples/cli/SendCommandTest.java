package dev.xmppreactive.samples.cli;

import static dev.xmppreactive.test.XmppSteps.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.test.TestCertificate;
import dev.xmppreactive.test.TestSession;
import dev.xmppreactive.test.XmppTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class SendCommandTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  @Test
  void sendsOneMessageThatTheServerAcknowledges() throws Exception {
    try (Fixture f = new Fixture(dir)) {
      XmppSession alice = f.server.clientFor("alice").connect().block(WAIT);
      CapturedTerminal t = new CapturedTerminal(Fixture.env("bob"));
      StepVerifier.create(alice.messages())
          .then(() -> assertThat(Fixture.run(t, f.args("send", "bob", "--to", "alice@example.test",
              "--body", "Hello from the command line"))).as(t.err()).isZero())
          .assertNext(message().from("bob@example.test").type(Message.Type.CHAT)
              .body("Hello from the command line"))
          .thenCancel()
          .verify(WAIT);
      assertThat(t.out()).isEqualTo(
          "sent to alice@example.test; the server acknowledged it" + System.lineSeparator());
      // The command's session used stream management, and left without announcing presence.
      TestSession bob = f.server.sessions().filter(s -> s.user().equals("bob")).blockFirst(WAIT);
      assertThat(bob.isStreamManaged()).isTrue();
      StepVerifier.create(bob.received().filter(s -> !(s instanceof dev.xmppreactive.stanza.Iq)))
          .assertNext(message().to("alice@example.test"))
          .verifyComplete();
      alice.close().block(WAIT);
    }
  }

  @Test
  void withoutStreamManagementItSaysTheMessageWasWritten() throws Exception {
    try (Fixture f = new Fixture(XmppTestServer.create().streamManagement(false), dir)) {
      XmppSession alice = f.server.clientFor("alice").connect().block(WAIT);
      CapturedTerminal t = new CapturedTerminal(Fixture.env("bob"));
      StepVerifier.create(alice.messages())
          .then(() -> assertThat(Fixture.run(t, f.args("send", "bob", "--to", "alice@example.test",
              "--body", "hi", "--type", "normal"))).as(t.err()).isZero())
          .assertNext(message().from("bob@example.test").type(Message.Type.NORMAL).body("hi"))
          .thenCancel()
          .verify(WAIT);
      assertThat(t.out()).contains("written (the server offers no stream management");
      alice.close().block(WAIT);
    }
  }

  @Test
  void aWrongPasswordExitsWithTheAuthenticationCodeAndOneLine() throws Exception {
    try (Fixture f = new Fixture(dir)) {
      CapturedTerminal t = new CapturedTerminal(Map.of("XMPP_PASSWORD", "wrong"));
      int code = Fixture.run(t, f.args("send", "bob", "--to", "alice@example.test", "--body", "x"));
      assertThat(code).isEqualTo(ExitCodes.AUTHENTICATION);
      assertThat(t.err()).startsWith("error: authentication failed: ");
      assertThat(t.err().lines()).hasSize(1);
      assertThat(t.out()).isEmpty();
    }
  }

  @Test
  void thePasswordOptionWinsOverTheEnvironment() throws Exception {
    try (Fixture f = new Fixture(dir)) {
      CapturedTerminal t = new CapturedTerminal(Map.of("XMPP_PASSWORD", "wrong"));
      int code = Fixture.run(t, f.args("send", "bob", "--to", "alice@example.test", "--body", "x",
          "--password", Fixture.password("bob")));
      assertThat(code).as(t.err()).isZero();
    }
  }

  @Test
  void anUntrustedCertificateExitsWithTheTlsCodeAndOneLine() throws Exception {
    try (Fixture f = new Fixture(dir)) {
      // Another CA than the server's.
      Path other = Files.writeString(dir.resolve("other.pem"),
          TestCertificate.generate("example.test").trustAnchorPem());
      List<String> args = f.args("send", "bob", "--to", "alice@example.test", "--body", "x");
      args.set(args.indexOf(f.trustPem.toString()), other.toString());
      CapturedTerminal t = new CapturedTerminal(Fixture.env("bob"));
      assertThat(Fixture.run(t, args)).isEqualTo(ExitCodes.TLS);
      assertThat(t.err()).startsWith("error: TLS failed: ");
      assertThat(t.err().lines()).hasSize(1);
    }
  }

  @Test
  void nothingListeningExitsWithTheFailureCode() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CapturedTerminal t = new CapturedTerminal(Fixture.env("bob"));
    int code = Fixture.run(t, List.of("send", "--jid", "bob@example.test", "--host", "127.0.0.1",
        "--port", Integer.toString(port), "--to", "alice@example.test", "--body", "x"));
    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(t.err()).startsWith("error: ");
    assertThat(t.err().lines()).hasSize(1);
  }
}
