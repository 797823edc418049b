package dev.xmppreactive.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Message;
import java.time.Duration;
import reactor.test.StepVerifier;

/** Connecting, binding and talking, against real Prosody and ejabberd. */
class ConnectIT {

  private static final Duration T = Duration.ofSeconds(20);

  @EachServer
  void logsInOverStarttlsAndBinds(XmppServer server) {
    TestUser alice = server.newUser("alice");
    XmppSession s = Clients.starttls(server, alice).connect().block(T);
    assertThat(s.jid().bare()).isEqualTo(Jid.of(alice.jid()));
    assertThat(s.jid().isFull()).isTrue();
    StepVerifier.create(s.close()).verifyComplete();
    assertThat(s.isClosed()).isTrue();
  }

  @EachServer
  void logsInOverDirectTls(XmppServer server) {
    TestUser alice = server.newUser("alice");
    XmppSession s = Clients.directTls(server, alice).connect().block(T);
    assertThat(s.jid().bare()).isEqualTo(Jid.of(alice.jid()));
    s.close().block(T);
  }

  @EachServer
  void twoSessionsExchangeAMessage(XmppServer server) {
    TestUser alice = server.newUser("alice");
    TestUser bob = server.newUser("bob");
    XmppSession a = Clients.starttls(server, alice).resource("phone").connect().block(T);
    XmppSession b = Clients.starttls(server, bob).connect().block(T);
    StepVerifier.create(b.messages().filter(m -> m.body() != null).take(1))
        .then(() -> a.send(Message.builder().to(b.jid()).id("m1").type(Message.Type.CHAT)
            .body("The quick brown fox…").build()).subscribe())
        .assertNext(m -> {
          assertThat(m.body()).isEqualTo("The quick brown fox…");
          assertThat(m.from()).isEqualTo(a.jid());
          assertThat(m.id()).isEqualTo("m1");
        })
        .expectComplete()
        .verify(T);
    a.close().block(T);
    b.close().block(T);
  }
}
