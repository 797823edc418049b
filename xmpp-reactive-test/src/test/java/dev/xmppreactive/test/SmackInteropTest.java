package dev.xmppreactive.test;

import static dev.xmppreactive.test.XmppSteps.expectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Message;
import java.time.Duration;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * An independent client, Smack 4.4.8, against the test server: it negotiates STARTTLS (checking the
 * generated certificate), logs in, exchanges messages with our client through the server, loads
 * its roster, and resumes its stream (XEP-0198) after the server drops its connection.
 */
class SmackInteropTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private RunningServer server;
  private XMPPTCPConnection smack;

  @AfterEach
  void stop() {
    if (smack != null) {
      smack.disconnect();
    }
    if (server != null) {
      server.close();
    }
  }

  private XMPPTCPConnection smack(String user) throws Exception {
    XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
        .setXmppDomain(server.domain())
        .setHost(server.host())
        .setPort(server.port())
        .setUsernameAndPassword(user, "secret")
        .setResource("smack")
        .setSecurityMode(SecurityMode.required)
        .setCustomX509TrustManager(server.certificate().trustManager())
        .build();
    XMPPTCPConnection c = new XMPPTCPConnection(config);
    c.setUseStreamManagement(true);
    c.setUseStreamManagementResumption(true);
    smack = c;
    return c;
  }

  /** Messages of type chat that Smack receives, as a replaying flux. */
  private static Sinks.Many<org.jivesoftware.smack.packet.Message> inbox(XMPPConnection c) {
    Sinks.Many<org.jivesoftware.smack.packet.Message> sink = Sinks.many().replay().all();
    c.addAsyncStanzaListener(s -> sink.emitNext((org.jivesoftware.smack.packet.Message) s,
        Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1))), MessageTypeFilter.CHAT);
    return sink;
  }

  private static org.jivesoftware.smack.packet.Message chat(XMPPConnection c, String to,
                                                            String body) throws Exception {
    return c.getStanzaFactory().buildMessageStanza()
        .to(JidCreate.from(to))
        .ofType(org.jivesoftware.smack.packet.Message.Type.chat)
        .setBody(body)
        .build();
  }

  @Test
  void smackAndOurClientExchangeMessagesThroughTheServer() throws Exception {
    server = XmppTestServer.create().user("alice", "secret").user("carol", "secret").start();
    XMPPTCPConnection carol = smack("carol");
    var inbox = inbox(carol);
    carol.connect().login();
    assertThat(carol.isSecureConnection()).isTrue();
    assertThat(carol.isSmEnabled()).isTrue();
    assertThat(server.session("carol").block(WAIT).mechanism()).isEqualTo("PLAIN");

    XmppSession alice = server.clientFor("alice").connect().block(WAIT);
    StepVerifier.create(alice.messages())
        .then(() -> {
          try {
            carol.sendStanza(chat(carol, "alice@example.test", "hello from smack"));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })
        .assertNext(expectMessage("carol@example.test/smack", "hello from smack"))
        .thenCancel()
        .verify(WAIT);

    alice.send(Message.chat(Jid.of("carol@example.test/smack"), "hello from xmpp-reactive"))
        .block(WAIT);
    StepVerifier.create(inbox.asFlux())
        .assertNext(m -> {
          assertThat(m.getBody()).isEqualTo("hello from xmpp-reactive");
          assertThat(m.getFrom().toString()).isEqualTo(alice.jid().toString());
        })
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void smackLogsInWithScramSha1AndLoadsItsRoster() throws Exception {
    server = XmppTestServer.create().user("alice", "secret").user("carol", "secret")
        .mechanisms(ServerMechanism.SCRAM_SHA_1, ServerMechanism.PLAIN).start();
    server.befriend("carol", "alice");
    XMPPTCPConnection carol = smack("carol");
    carol.connect().login();
    assertThat(server.session("carol").block(WAIT).mechanism()).isEqualTo("SCRAM-SHA-1");
    Roster roster = Roster.getInstanceFor(carol);
    roster.reloadAndWait();
    assertThat(roster.getEntries()).singleElement().satisfies(e -> {
      assertThat(e.getJid().toString()).isEqualTo("alice@example.test");
      assertThat(e.getType()).isEqualTo(org.jivesoftware.smack.roster.packet.RosterPacket.ItemType.both);
    });
  }

  @Test
  void smackResumesItsStreamAfterTheServerDropsTheConnection() throws Exception {
    server = XmppTestServer.create().user("carol", "secret").start();
    XMPPTCPConnection carol = smack("carol");
    var inbox = inbox(carol);
    Sinks.Empty<Void> lost = Sinks.empty();
    carol.addConnectionListener(new ConnectionListener() {
      @Override
      public void connectionClosedOnError(Exception e) {
        lost.tryEmitEmpty();
      }
    });
    carol.connect().login();
    assertThat(carol.isSmResumptionPossible()).isTrue();
    TestSession onServer = server.session("carol").block(WAIT);
    assertThat(onServer.isResumable()).isTrue();

    onServer.dropConnection();
    StepVerifier.create(lost.asMono()).verifyComplete();
    Jid oracle = Jid.of("oracle@example.test/x");
    onServer.send(Message.builder().from(oracle).to(onServer.jid()).type(Message.Type.CHAT)
        .body("sent while you were away").build());

    carol.connect().login();
    assertThat(carol.streamWasResumed()).isTrue();
    assertThat(server.liveSessions()).containsExactly(onServer);
    StepVerifier.create(inbox.asFlux())
        .assertNext(m -> assertThat(m.getBody()).isEqualTo("sent while you were away"))
        .thenCancel()
        .verify(WAIT);
  }
}
