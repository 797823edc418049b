package dev.xmppreactive.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.XmppHandler;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamErrorException;
import dev.xmppreactive.xml.XmlElement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import reactor.test.StepVerifier;

/**
 * Two sessions of one account ask for the same resource (RFC 6120 §7.7.2.2). What both servers do by
 * default, measured: they bind the new session to the resource and end the old one with a
 * {@code <conflict/>} stream error (Prosody's {@code conflict_resolve = "kick_old"}, ejabberd's
 * "Replaced by new connection"). The old session must end with a typed
 * {@link StreamErrorException} of condition {@link StreamErrorCondition#CONFLICT}, on every view the
 * client gives of its end (inbound stanzas, lifecycle events, the handler's onDisconnected); the new
 * one goes on.
 */
class ResourceConflictIT {

  @EachServer
  void theNewSessionTakesTheResourceAndTheOldEndsWithAConflict(XmppServer server)
      throws Exception {
    TestUser user = server.newUser("twin");
    XmppSession first = null;
    XmppSession second = null;
    try {
      CompletableFuture<Throwable> handlerSaw = new CompletableFuture<>();
      first = Clients.login(Clients.starttls(server, user).resource("desk").handler(new XmppHandler() {
        @Override
        public void onDisconnected(XmppSession session, Throwable cause) {
          handlerSaw.complete(cause);
        }
      }));
      assertThat(first.jid().resourcepart()).isEqualTo("desk");
      XmppSession old = first;
      StepVerifier inboundEnds = StepVerifier.create(old.receive())
          .thenConsumeWhile(s -> true)
          .expectErrorSatisfies(ResourceConflictIT::isConflict)
          .verifyLater();

      second = Clients.login(Clients.starttls(server, user).resource("desk"));
      assertThat(second.jid()).isEqualTo(first.jid());

      inboundEnds.verify(Clients.T);
      old.onClose().block(Clients.T);
      assertThat(old.isClosed()).isTrue();
      StepVerifier.create(old.events().ofType(SessionEvent.Closed.class))
          .assertNext(c -> isConflict(c.cause()))
          .expectComplete()
          .verify(Clients.T);
      isConflict(handlerSaw.get(Clients.T.toSeconds(), TimeUnit.SECONDS));

      StepVerifier.create(second.request(Iq.get(Jid.domain(server.domain()),
              XmlElement.empty("ping", "urn:xmpp:ping"))))
          .assertNext(r -> assertThat(r.type()).isEqualTo(Iq.Type.RESULT))
          .expectComplete()
          .verify(Clients.T);
      assertThat(second.isClosed()).isFalse();
    } finally {
      Clients.closeAll(first, second);
    }
  }

  private static void isConflict(Throwable e) {
    assertThat(e).isInstanceOfSatisfying(StreamErrorException.class, se -> {
      assertThat(se.condition()).isEqualTo(StreamErrorCondition.CONFLICT);
      assertThat(se.isLocal()).as("sent by the server").isFalse();
    });
  }
}
