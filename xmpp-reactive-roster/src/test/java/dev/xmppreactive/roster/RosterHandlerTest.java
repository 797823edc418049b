package dev.xmppreactive.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.test.RosterEntry;
import dev.xmppreactive.test.RunningServer;
import dev.xmppreactive.test.Subscription;
import dev.xmppreactive.test.TestSession;
import dev.xmppreactive.test.XmppTestServer;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** The brief's handler style with roster callbacks, on the in-JVM test server. */
class RosterHandlerTest {

  static final Duration T = Duration.ofSeconds(10);

  RunningServer server;

  @BeforeEach
  void start() {
    server = XmppTestServer.create().user("bot", "pw").user("bob", "pw").start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Records what the handler is told, one line per call. */
  static final class Recorder implements RosterHandler {
    final Sinks.Many<String> calls = Sinks.many().replay().all();

    private void add(String s) {
      calls.emitNext(s, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    @Override
    public void onRosterReady(Roster roster) {
      add("ready " + roster.snapshot().size());
    }

    @Override
    public void onRosterPush(Roster roster, RosterChange change) {
      add("push " + change.kind() + " " + change.jid().localpart() + " " + change.origin());
    }

    @Override
    public void onSubscriptionRequest(Roster roster, SubscriptionRequest request) {
      add("request " + request.from().localpart() + " " + request.decision());
      roster.subscriptions().subscribe(request.from()).block(T); // ask back: mutual
    }

    @Override
    public void onContactPresence(Roster roster, PresenceChange change) {
      if (change.jid().localpart().equals("bob")) {
        add("presence " + change.kind() + " " + change.jid().resourcepart());
      }
    }

    @Override
    public void onMessage(XmppSession session, Message message) {
      add("message " + message.body());
    }
  }

  @Test
  void theHandlerIsToldOfTheRosterRequestsPresenceAndMessagesInOrder() {
    server.putRosterEntry("bot", new RosterEntry(server.jid("carol"), null, Subscription.NONE,
        false, List.of()));
    Recorder h = new Recorder();
    Roster bot = RosterClient.of(server.clientFor("bot", "r"))
        .subscriptionPolicy(SubscriptionPolicy.ACCEPT_ALL).handler(h).connect().block(T);
    Roster bob = RosterClient.of(server.clientFor("bob", "phone"))
        .subscriptionPolicy(SubscriptionPolicy.ACCEPT_ALL).connect().block(T);
    Jid botJid = server.jid("bot");
    try {
      StepVerifier.create(h.calls.asFlux().take(2))
          .expectNext("push ADDED carol FETCH", "ready 1")
          .expectComplete().verify(T);
      bob.subscriptions().subscribe(botJid).block(T);
      StepVerifier.create(h.calls.asFlux().skip(2)
              .filter(c -> c.startsWith("request") || c.startsWith("presence AVAILABLE")).take(2))
          .expectNext("request bob APPROVE")   // the policy approved; the handler asked back
          .expectNext("presence AVAILABLE phone") // bob approved too (his policy): his presence
          .expectComplete().verify(T);
      bob.session().send(Message.chat(bot.session().jid(), "hello")).block(T);
      StepVerifier.create(h.calls.asFlux().filter(c -> c.startsWith("message")).take(1))
          .expectNext("message hello")
          .expectComplete().verify(T);
      assertThat(bot.item(server.jid("bob")).orElseThrow().subscription())
          .isEqualTo(SubscriptionState.BOTH);
    } finally {
      bob.close().block(T);
      bot.close().block(T);
    }
    assertThat(h.calls.asFlux().filter(c -> c.equals("presence UNAVAILABLE phone")).next()
        .block(T)).isNotNull();
  }

  @Test
  void aThrowingCallbackDoesNotStopTheOthers() {
    Sinks.Many<String> seen = Sinks.many().replay().all();
    RosterHandler h = new RosterHandler() {
      @Override
      public void onRosterPush(Roster roster, RosterChange change) {
        seen.tryEmitNext(change.jid().localpart());
        throw new IllegalStateException("handler bug");
      }
    };
    Roster bot = RosterClient.of(server.clientFor("bot", "r")).handler(h).connect().block(T);
    try {
      bot.add(server.jid("x"), null).block(T);
      bot.add(server.jid("y"), null).block(T);
      StepVerifier.create(seen.asFlux().take(2)).expectNext("x", "y").expectComplete().verify(T);
    } finally {
      bot.close().block(T);
    }
  }

  @Test
  void noInitialPresenceMeansNoPresenceAtAll() {
    Roster quiet = RosterClient.of(server.clientFor("bot", "quiet")).initialPresence(null)
        .connect().block(T);
    try {
      assertThat(quiet.presences().current()).isNull();
      TestSession ts = server.session(quiet.session().jid()).block(T);
      quiet.session().request(Iq.get(Jid.domain(server.domain()),
          XmlElement.empty("ping", "urn:xmpp:ping")).withId("end")).block(T);
      assertThat(ts.received().takeUntil(s -> "end".equals(s.id())).collectList().block(T))
          .noneMatch(s -> s instanceof Presence);
    } finally {
      quiet.close().block(T);
    }
  }
}
