package dev.xmppreactive.samples.cli;

import static dev.xmppreactive.test.XmppSteps.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import reactor.test.StepVerifier;

/** The commands against real Prosody and ejabberd servers, over STARTTLS and direct TLS. */
class CommandsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static XmppSession login(XmppServer server, TestUser user) {
    return XmppClient.create().credentials(user.jid(), user.password())
        .host(server.host()).port(server.starttlsPort()).trust(server.trustAnchorPem())
        .connect().block(WAIT);
  }

  private static List<String> args(String command, XmppServer server, TestUser user,
                                   boolean directTls, String... more) {
    List<String> a = new ArrayList<>(List.of(command, "--jid", user.jid(),
        "--host", server.host(),
        "--port", Integer.toString(directTls ? server.directTlsPort() : server.starttlsPort()),
        "--trust-pem", server.trustAnchorPem().toString()));
    if (directTls) {
      a.add("--direct-tls");
    }
    a.addAll(List.of(more));
    return a;
  }

  private static Map<String, String> env(TestUser user) {
    return Map.of(ConnectionOptions.PASSWORD_VARIABLE, user.password());
  }

  @EachServer
  void sendWaitsForTheServersAcknowledgement(XmppServer server) {
    TestUser alice = server.newUser("alice");
    TestUser bob = server.newUser("bob");
    XmppSession a = login(server, alice);
    try {
      CapturedTerminal t = new CapturedTerminal(env(bob));
      StepVerifier.create(a.messages())
          .then(() -> assertThat(Fixture.run(t, args("send", server, bob, false,
              "--to", alice.jid(), "--body", "from the command line"))).as(t.err()).isZero())
          .assertNext(message().from(bob.jid()).body("from the command line"))
          .thenCancel()
          .verify(WAIT);
      assertThat(t.out()).contains("the server acknowledged it");
    } finally {
      a.close().block(WAIT);
    }
  }

  @EachServer
  void rosterPrintsWhatTheServerHolds(XmppServer server) {
    TestUser alice = server.newUser("alice");
    XmppSession a = login(server, alice);
    try {
      a.request(Iq.set((Jid) null, XmlElement.builder("query", "jabber:iq:roster")
          .child(XmlElement.builder("item", "jabber:iq:roster")
              .attribute("jid", "juliet@example.com").attribute("name", "Juliet")
              .textElement("group", "jabber:iq:roster", "Capulets").build())
          .build())).block(WAIT);
    } finally {
      a.close().block(WAIT);
    }
    CapturedTerminal t = new CapturedTerminal(env(alice));
    assertThat(Fixture.run(t, args("roster", server, alice, true))).as(t.err()).isZero();
    assertThat(t.out().lines()).containsExactly("juliet@example.com \"Juliet\" none [Capulets]");
  }

  @EachServer
  void echoBotOverDirectTlsAnswersAndStopsOnASignal(XmppServer server) throws Exception {
    TestUser bot = server.newUser("bot");
    TestUser alice = server.newUser("alice");
    CapturedTerminal t = new CapturedTerminal(env(bot));
    CompletableFuture<Integer> running = Fixture.start(t, args("echo-bot", server, bot, true));
    XmppSession a = login(server, alice);
    try {
      String[] botJid = new String[1];
      StepVerifier.create(t.outLines())
          .assertNext(l -> {
            assertThat(l).startsWith("connected as " + bot.jid() + "/");
            botJid[0] = l.substring("connected as ".length(), l.indexOf(';'));
          })
          .thenCancel()
          .verify(WAIT);
      StepVerifier.create(a.messages())
          .then(() -> a.send(Message.chat(Jid.of(botJid[0]), "echo?")).subscribe())
          .assertNext(message().from(botJid[0]).type(Message.Type.CHAT).body("echo?"))
          .thenCancel()
          .verify(WAIT);
      t.signalStop(WAIT);
      assertThat(running.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(t.err()).isZero();
      assertThat(t.out()).contains(alice.jid() + "/");
    } finally {
      a.close().block(WAIT);
    }
  }

  @EachServer
  void aWrongPasswordExitsWithTheAuthenticationCode(XmppServer server) {
    TestUser bob = server.newUser("bob");
    CapturedTerminal t = new CapturedTerminal(Map.of(ConnectionOptions.PASSWORD_VARIABLE, "no"));
    assertThat(Fixture.run(t, args("roster", server, bob, false)))
        .isEqualTo(ExitCodes.AUTHENTICATION);
    assertThat(t.err().lines()).singleElement().asString()
        .startsWith("error: authentication failed: ");
  }
}
