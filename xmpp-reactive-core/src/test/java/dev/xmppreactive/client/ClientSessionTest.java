package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.ScriptedServer.Peer;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.router.IqHandler;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaError;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stanza.StanzaErrorException;
import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamErrorException;
import dev.xmppreactive.tls.TlsException;
import dev.xmppreactive.tls.TlsPolicy;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** The client and session against a scripted server: negotiation, IQs, handlers, close. */
class ClientSessionTest {

  private static final Duration T = Duration.ofSeconds(10);
  private static final String ME = "anon@example.test/r1";

  @Test
  void bindsAndSendsAndReceives() {
    Sinks.One<Stanza> got = Sinks.one();
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginAndBind(ME)
        .then(p.send(Message.builder().from("romeo@example.test/x").to(ME).id("in1")
            .body("hello").build()))
        .then(p.nextStanza()).doOnNext(got::tryEmitValue).then())) {
      XmppSession s = server.client().connect().block(T);
      assertThat(s.jid()).isEqualTo(Jid.of(ME));
      StepVerifier.create(s.messages().take(1))
          .assertNext(m -> assertThat(m.body()).isEqualTo("hello"))
          .expectComplete().verify(T);
      s.send(Message.chat(Jid.of("romeo@example.test"), "hi")).block(T);
      assertThat(got.asMono().block(T)).isInstanceOfSatisfying(Message.class,
          m -> assertThat(m.body()).isEqualTo("hi"));
    }
  }

  @Test
  void aStreamErrorDuringNegotiationIsTyped() {
    try (ScriptedServer server = ScriptedServer.start(p -> p.openStream()
        .then(p.streamError(StreamErrorCondition.HOST_UNKNOWN, "no such host")))) {
      StepVerifier.create(server.client().connect())
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(StreamErrorException.class,
              se -> {
                assertThat(se.condition()).isEqualTo(StreamErrorCondition.HOST_UNKNOWN);
                assertThat(se.isLocal()).isFalse();
                assertThat(se.error().text()).isEqualTo("no such host");
              }))
          .verify(T);
    }
  }

  @Test
  void seeOtherHostIsFollowedOnce() {
    try (ScriptedServer target = ScriptedServer.start(p -> p.loginAndBind(ME));
         ScriptedServer redirector = ScriptedServer.start(p -> p.openStream()
             .then(p.send(new dev.xmppreactive.stream.StreamError(
                 StreamErrorCondition.SEE_OTHER_HOST, null, null, null,
                 "127.0.0.1:" + target.port()).toElement()))
             .then(p.send(StreamEnd.INSTANCE)))) {
      XmppSession s = redirector.client().connect().block(T);
      assertThat(s.jid()).isEqualTo(Jid.of(ME));
      assertThat(target.connections.get()).isEqualTo(1);
      s.close().block(T);
    }
    // A redirect to a server that redirects again is not followed a second time.
    try (ScriptedServer loop = ScriptedServer.start(p -> p.openStream()
        .then(p.streamError(StreamErrorCondition.SEE_OTHER_HOST, null)))) {
      int port = loop.port();
      try (ScriptedServer first = ScriptedServer.start(p -> p.openStream()
          .then(p.send(new dev.xmppreactive.stream.StreamError(StreamErrorCondition.SEE_OTHER_HOST,
              null, null, null, "127.0.0.1:" + port).toElement())))) {
        StepVerifier.create(first.client().connect())
            .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(
                StreamErrorException.class,
                se -> assertThat(se.condition()).isEqualTo(StreamErrorCondition.SEE_OTHER_HOST)))
          .verify(T);
      }
    }
  }

  @Test
  void aResourceConflictAtBindLetsTheServerChoose() {
    List<XmlElement> binds = new CopyOnWriteArrayList<>();
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginAnonymous(Peer.bindFeature())
        .then(p.nextStanza())
        .flatMap(s -> {
          binds.add(((Iq) s).payload());
          return p.send(((Iq) s).errorReply(StanzaError.of(StanzaErrorCondition.CONFLICT)));
        })
        .then(p.nextStanza())
        .flatMap(s -> {
          binds.add(((Iq) s).payload());
          return p.send(((Iq) s).resultReply(XmlElement.builder("bind", StreamFeatures.BIND_NS)
              .textElement("jid", StreamFeatures.BIND_NS, "anon@example.test/server-chose")
              .build()));
        }))) {
      XmppSession s = server.client().resource("wanted").connect().block(T);
      assertThat(s.jid().resourcepart()).isEqualTo("server-chose");
      assertThat(binds.get(0).childText("resource", StreamFeatures.BIND_NS)).isEqualTo("wanted");
      assertThat(binds.get(1).element("resource", StreamFeatures.BIND_NS)).isNull();
    }
  }

  @Test
  void aRequiredLegacySessionIsRequested() {
    Sinks.One<Stanza> sessionRequest = Sinks.one();
    XmlElement session = XmlElement.empty("session", StreamFeatures.SESSION_NS);
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginAnonymous(Peer.bindFeature(),
            session)
        .then(p.bindAs(ME))
        .then(p.nextStanza())
        .flatMap(s -> {
          sessionRequest.tryEmitValue(s);
          return p.send(((Iq) s).resultReply());
        }))) {
      server.client().connect().block(T);
      assertThat(sessionRequest.asMono().block(T)).isInstanceOfSatisfying(Iq.class,
          iq -> assertThat(iq.hasPayload("session", StreamFeatures.SESSION_NS)).isTrue());
    }
  }

  @Test
  void starttlsIsRequiredByDefault() {
    try (ScriptedServer server = ScriptedServer.start(p -> p.openStream()
        .then(p.features(Peer.mechanisms("ANONYMOUS"))))) {
      StepVerifier.create(server.client().tls(t -> t.withPolicy(TlsPolicy.REQUIRED)).connect())
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(TlsException.class,
              te -> assertThat(te.reason()).isEqualTo(TlsException.Reason.STARTTLS_REQUIRED_NOT_OFFERED)))
          .verify(T);
    }
  }

  @Test
  void unhandledIqRequestsGetServiceUnavailableAndPingsAreAnswered() {
    Sinks.Many<Stanza> replies = Sinks.many().replay().all();
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginAndBind(ME)
        .then(p.send(Iq.get(Jid.of(ME), XmlElement.empty("query", "urn:example:unknown"))
            .withId("q1").withFrom(Jid.of("example.test"))))
        .then(p.nextStanza()).doOnNext(replies::tryEmitNext)
        .then(p.send(Iq.get(Jid.of(ME), XmlElement.empty("ping", "urn:xmpp:ping")).withId("p1")
            .withFrom(Jid.of("example.test"))))
        .then(p.nextStanza()).doOnNext(replies::tryEmitNext).then())) {
      XmppSession s = server.client().connect().block(T);
      StepVerifier.create(replies.asFlux().cast(Iq.class).take(2))
          .assertNext(r -> {
            assertThat(r.id()).isEqualTo("q1");
            assertThat(r.type()).isEqualTo(Iq.Type.ERROR);
            assertThat(r.error().condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
            assertThat(r.to()).isEqualTo(Jid.of("example.test"));
          })
          .assertNext(r -> {
            assertThat(r.id()).isEqualTo("p1");
            assertThat(r.type()).isEqualTo(Iq.Type.RESULT);
          })
          .expectComplete()
          .verify(T);
      s.close().block(T);
    }
  }

  @Test
  void iqHandlersAnswerAndAThrowingHandlerGivesInternalServerError() {
    Sinks.Many<Stanza> replies = Sinks.many().replay().all();
    Jid server = Jid.of("example.test");
    try (ScriptedServer srv = ScriptedServer.start(p -> p.loginAndBind(ME)
        .then(p.send(Iq.get(Jid.of(ME), XmlElement.empty("time", "urn:xmpp:time")).withId("t1")
            .withFrom(server)))
        .then(p.nextStanza()).doOnNext(replies::tryEmitNext)
        .then(p.send(Iq.get(Jid.of(ME), XmlElement.empty("boom", "urn:example:boom")).withId("b1")
            .withFrom(server)))
        .then(p.nextStanza()).doOnNext(replies::tryEmitNext).then())) {
      XmppSession s = srv.client()
          .iqHandler("urn:xmpp:time", "time", IqHandler.of(iq -> iq.resultReply(
              XmlElement.builder("time", "urn:xmpp:time").textElement("utc", "urn:xmpp:time",
                  "2026-11-24T00:00:00Z").build())))
          .iqHandler("urn:example:boom", "boom", IqHandler.of(iq -> {
            throw new IllegalStateException("handler bug");
          }))
          .connect().block(T);
      StepVerifier.create(replies.asFlux().cast(Iq.class).take(2))
          .assertNext(r -> assertThat(r.payload().childText("utc", "urn:xmpp:time"))
              .isEqualTo("2026-11-24T00:00:00Z"))
          .assertNext(r -> assertThat(r.error().condition())
              .isEqualTo(StanzaErrorCondition.INTERNAL_SERVER_ERROR))
          .expectComplete()
          .verify(T);
      assertThat(s.isClosed()).isFalse();
      s.close().block(T);
    }
  }

  @Test
  void requestsMatchIdSenderAndType() {
    Jid romeo = Jid.of("romeo@example.test/orchard");
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginAndBind(ME)
        .then(p.nextStanza())
        .flatMap(s -> {
          Iq req = (Iq) s;
          // A spoof: the right id from someone else. Then the real reply.
          return p.send(req.resultReply().withFrom(Jid.of("mallory@example.test/x"))
                  .withTo(Jid.of(ME)))
              .then(p.send(req.resultReply(XmlElement.empty("query", "jabber:iq:version"))
                  .withFrom(romeo).withTo(Jid.of(ME))));
        }))) {
      XmppSession s = server.client().connect().block(T);
      StepVerifier.create(s.iqs().take(1))
          .then(() -> StepVerifier.create(s.request(Iq.get(romeo,
                  XmlElement.empty("query", "jabber:iq:version"))))
              .assertNext(r -> assertThat(r.from()).isEqualTo(romeo))
              .verifyComplete())
          .assertNext(spoof -> assertThat(spoof.from()).isEqualTo(Jid.of("mallory@example.test/x")))
          .expectComplete().verify(T);
    }
  }

  @Test
  void errorRepliesAndTimeoutsAreTyped() {
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginAndBind(ME)
        .then(p.nextStanza())
        .flatMap(s -> p.send(((Iq) s).errorReply(StanzaError.of(StanzaErrorCondition.FORBIDDEN))
            .withFrom(null)))
        .then(p.nextStanza()).then())) { // the second request is never answered
      XmppSession s = server.client().connect().block(T);
      StepVerifier.create(s.request(Iq.get(null, XmlElement.empty("query", "jabber:iq:roster"))))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(StanzaErrorException.class,
              se -> assertThat(se.condition()).isEqualTo(StanzaErrorCondition.FORBIDDEN)))
          .verify(T);
      StepVerifier.create(s.request(Iq.get(null, XmlElement.empty("query", "jabber:iq:roster")),
              Duration.ofMillis(200)))
          .expectError(IqTimeoutException.class).verify(T);
    }
  }

  @Test
  void closeSendsTheEndOfStreamAndWaitsForTheServers() {
    Sinks.One<Object> sawEnd = Sinks.one();
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginAndBind(ME)
        .then(p.next()).doOnNext(sawEnd::tryEmitValue)
        .then(p.send(StreamEnd.INSTANCE)))) {
      XmppSession s = server.client().connect().block(T);
      StepVerifier.create(s.receive()).then(() -> s.close().subscribe())
          .expectComplete().verify(T); // inbound completes on a deliberate close
      assertThat(sawEnd.asMono().block(T)).isEqualTo(StreamEnd.INSTANCE);
      StepVerifier.create(s.events().last()).expectNext(new SessionEvent.Closed(null))
          .expectComplete().verify(T);
      StepVerifier.create(s.send(Message.chat(Jid.of("a@b"), "late")))
          .expectError(SessionClosedException.class).verify(T);
    }
  }

  @Test
  void aServerThatClosesTheStreamEndsTheSessionWithATypedError() {
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginAndBind(ME)
        .then(p.streamError(StreamErrorCondition.SYSTEM_SHUTDOWN, "bye")))) {
      XmppSession s = server.client().connect().block(T);
      StepVerifier.create(s.receive())
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(StreamErrorException.class,
              se -> assertThat(se.condition()).isEqualTo(StreamErrorCondition.SYSTEM_SHUTDOWN)))
          .verify(T);
      assertThat(s.isClosed()).isTrue();
    }
  }

  @Test
  void theBriefsHandlerSeesMessagesAndAnswersIqs() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    Sinks.One<Stanza> reply = Sinks.one();
    List<String> calls = new CopyOnWriteArrayList<>();
    XmppHandler handler = new XmppHandler() {
      @Override
      public void onConnected(XmppSession session) {
        calls.add("connected " + session.jid());
      }

      @Override
      public void onMessage(XmppSession session, Message message) {
        calls.add("message " + message.body());
        seen.set(Thread.currentThread().getName());
        if ("boom".equals(message.body())) {
          throw new IllegalStateException("a handler bug");
        }
      }

      @Override
      public Iq onIq(XmppSession session, Iq request) {
        return request.resultReply(XmlElement.empty("pong", "urn:example"));
      }

      @Override
      public void onDisconnected(XmppSession session, Throwable cause) {
        calls.add("disconnected " + cause);
      }
    };
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginAndBind(ME)
        .then(p.send(Message.builder().to(ME).body("boom").build()))
        .then(p.send(Message.builder().to(ME).body("after").build()))
        .then(p.send(Iq.get(Jid.of(ME), XmlElement.empty("q", "urn:example")).withId("x")))
        .then(p.nextStanza()).doOnNext(reply::tryEmitValue)
        .then(p.next()).then(p.send(StreamEnd.INSTANCE)))) {
      XmppSession s = server.client().handler(handler).connect().block(T);
      assertThat(reply.asMono().block(T)).isInstanceOfSatisfying(Iq.class,
          r -> assertThat(r.payload().localName()).isEqualTo("pong"));
      s.close().block(T);
      s.onClose().block(T);
      // onDisconnected comes last, on the handler's worker: wait for it without sleeping.
      Mono.fromCallable(() -> calls.size()).filter(n -> n >= 4).repeatWhenEmpty(r -> r.delayElements(
          Duration.ofMillis(10))).block(T);
      assertThat(calls).containsExactly("connected " + ME, "message boom", "message after",
          "disconnected null");
      assertThat(seen.get()).doesNotContain("reactor-tcp");
    }
  }

  @Test
  void theFunctionalHandlerBoundsTheSession() {
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginAndBind(ME)
        .then(p.send(Message.builder().to(ME).body("one").build()))
        .then(p.next()).then(p.send(StreamEnd.INSTANCE)))) {
      List<String> bodies = new CopyOnWriteArrayList<>();
      XmppSession s = server.client()
          .handle((in, out) -> in.messages().take(1).doOnNext(m -> bodies.add(m.body())).then())
          .connect().block(T);
      s.onClose().block(T);
      assertThat(bodies).containsExactly("one");
    }
  }
}
