package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.sasl.SaslException;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The brief's blocking API against real servers: connect, auth, send, request, take, close. */
class BlockingXmppClientIT {

  private static XmppClient base(XmppServer server) {
    return XmppClient.create().jid(Jid.domain(server.domain())).trust(server.trustAnchorPem());
  }

  @EachServer
  void theBriefsSequence(XmppServer server) throws Exception {
    TestUser alice = server.newUser("alice");
    TestUser bob = server.newUser("bob");
    List<String> handled = new CopyOnWriteArrayList<>();
    XmppHandler handler = new XmppHandler() {
      @Override
      public void onMessage(XmppSession session, Message message) {
        handled.add(message.body());
      }
    };
    try (BlockingXmppClient a = new BlockingXmppClient(base(server));
         BlockingXmppClient b = new BlockingXmppClient(base(server).handler(handler))) {
      a.connect(server.host(), server.starttlsPort());
      a.auth(alice.local(), alice.password());
      b.connect(server.host(), server.starttlsPort());
      b.auth(bob.jid(), bob.password());
      assertThat(a.jid().bare()).isEqualTo(Jid.of(alice.jid()));

      a.sendMessage(Message.builder().from(a.jid()).to(b.jid()).id("m1")
          .body("The quick brown fox…").build());
      Message got = b.pollMessage(Duration.ofSeconds(10));
      assertThat(got).isNotNull();
      assertThat(got.body()).isEqualTo("The quick brown fox…");
      assertThat(got.id()).isEqualTo("m1");

      Iq pong = a.request(Iq.get(Jid.domain(server.domain()), XmlElement.empty("ping",
          "urn:xmpp:ping")), Duration.ofSeconds(10));
      assertThat(pong.type()).isEqualTo(Iq.Type.RESULT);
      assertThat(b.pollMessage(Duration.ofMillis(1))).isNull();
      Mono.fromCallable(handled::size).filter(n -> n > 0)
          .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(10)))
          .block(Duration.ofSeconds(10));
      assertThat(handled).containsExactly("The quick brown fox…");
    }
  }

  @EachServer
  void aWrongPasswordIsATypedError(XmppServer server) {
    TestUser alice = server.newUser("alice");
    try (BlockingXmppClient a = new BlockingXmppClient(base(server))) {
      a.connect(server.host(), server.starttlsPort());
      assertThatThrownBy(() -> a.auth(alice.local(), "wrong-" + alice.password()))
          .isInstanceOf(SaslException.class);
    }
  }

  @EachServer
  void blockingOnANonBlockingThreadThrowsAtOnce(XmppServer server) {
    TestUser alice = server.newUser("alice");
    try (BlockingXmppClient a = new BlockingXmppClient(base(server))) {
      a.connect(server.host(), server.starttlsPort());
      a.auth(alice.local(), alice.password());
      Throwable t = Mono.<Throwable>fromCallable(() -> {
        a.sendMessage(Message.chat(a.jid(), "x"));
        return new AssertionError("no exception");
      }).subscribeOn(Schedulers.parallel()).onErrorResume(Mono::just).block(Duration.ofSeconds(10));
      assertThat(t).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not supported in thread parallel");
      a.session().send(Presence.unavailable()).block(Duration.ofSeconds(10));
    }
  }
}
