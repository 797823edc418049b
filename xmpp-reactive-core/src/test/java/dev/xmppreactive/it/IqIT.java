package dev.xmppreactive.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stanza.StanzaErrorException;
import dev.xmppreactive.xml.XmlElement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * IQ round trips through {@code session.request(iq)} (RFC 6120 §8.2.3): to the server (service
 * discovery, XEP-0030; software version, XEP-0092; ping, XEP-0199) and to another session, where
 * requests nobody handles are answered with {@code service-unavailable} (§8.4), registered handlers
 * answer, and a handler that throws gives {@code internal-server-error} while the session goes on.
 */
class IqIT {

  private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
  private static final String VERSION = "jabber:iq:version";
  private static final String PING = "urn:xmpp:ping";
  private static final String ECHO = "urn:example:echo";
  private static final String BOOM = "urn:example:boom";

  @EachServer
  void discoInfoOfTheServer(XmppServer server) {
    XmppSession a = Clients.login(Clients.starttls(server, server.newUser("alice")));
    try {
      Jid domain = Jid.domain(server.domain());
      StepVerifier.create(a.request(Iq.get(domain, XmlElement.empty("query", DISCO_INFO))))
          .assertNext(reply -> {
            assertThat(reply.type()).isEqualTo(Iq.Type.RESULT);
            assertThat(reply.from()).isEqualTo(domain);
            XmlElement query = reply.payload();
            assertThat(query.is("query", DISCO_INFO)).isTrue();
            assertThat(query.elements("identity", DISCO_INFO))
                .anySatisfy(i -> assertThat(i.attribute("category")).isEqualTo("server"));
            List<String> features = query.elements("feature", DISCO_INFO).stream()
                .map(f -> f.attribute("var")).toList();
            assertThat(features).contains(DISCO_INFO, PING, VERSION);
          })
          .expectComplete()
          .verify(Clients.T);
    } finally {
      Clients.closeAll(a);
    }
  }

  @EachServer
  void softwareVersionOfTheServer(XmppServer server) {
    XmppSession a = Clients.login(Clients.starttls(server, server.newUser("alice")));
    try {
      Jid domain = Jid.domain(server.domain());
      StepVerifier.create(a.request(Iq.get(domain, XmlElement.empty("query", VERSION))))
          .assertNext(reply -> {
            assertThat(reply.type()).isEqualTo(Iq.Type.RESULT);
            assertThat(reply.payload().childText("name", VERSION)).isEqualToIgnoringCase(server.name());
            assertThat(reply.payload().childText("version", VERSION)).isNotBlank();
          })
          .expectComplete()
          .verify(Clients.T);
    } finally {
      Clients.closeAll(a);
    }
  }

  @EachServer
  void pingOfTheServer(XmppServer server) {
    XmppSession a = Clients.login(Clients.starttls(server, server.newUser("alice")));
    try {
      Jid domain = Jid.domain(server.domain());
      StepVerifier.create(a.request(Iq.get(domain, XmlElement.empty("ping", PING))))
          .assertNext(reply -> {
            assertThat(reply.type()).isEqualTo(Iq.Type.RESULT);
            assertThat(reply.from()).isEqualTo(domain);
          })
          .expectComplete()
          .verify(Clients.T);
    } finally {
      Clients.closeAll(a);
    }
  }

  @EachServer
  void anUnknownRequestIsAnsweredWithServiceUnavailable(XmppServer server) {
    XmppSession a = null;
    XmppSession b = null;
    try {
      a = Clients.login(Clients.starttls(server, server.newUser("alice")));
      b = Clients.login(Clients.starttls(server, server.newUser("bob")));
      Jid bob = b.jid();
      Iq unknown = Iq.get(bob, XmlElement.builder("unknown", "urn:example:nobody-knows")
          .attribute("n", "1").build());
      XmppSession requester = a;
      // the request shows in the receiver's inbound stanzas too, already answered
      StepVerifier.create(b.iqs().filter(Iq::isRequest).take(1))
          .then(() -> StepVerifier.create(requester.request(unknown))
              .expectErrorSatisfies(e -> {
                assertThat(e).isInstanceOf(StanzaErrorException.class);
                StanzaErrorException se = (StanzaErrorException) e;
                assertThat(se.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
                assertThat(se.stanza().from()).isEqualTo(bob);
              })
              .verify(Clients.T))
          .assertNext(iq -> assertThat(iq.payload().is("unknown", "urn:example:nobody-knows")).isTrue())
          .expectComplete()
          .verify(Clients.T);
    } finally {
      Clients.closeAll(a, b);
    }
  }

  @EachServer
  void registeredHandlersAnswerAndAThrowingOneGivesInternalServerError(XmppServer server) {
    AtomicInteger booms = new AtomicInteger();
    XmppSession a = null;
    XmppSession b = null;
    try {
      a = Clients.login(Clients.starttls(server, server.newUser("alice")));
      b = Clients.login(Clients.starttls(server, server.newUser("bob"))
          .iqHandler(ECHO, "echo", req -> Mono.just(req.resultReply(XmlElement.builder("echo", ECHO)
              .text(req.payload().text().toUpperCase()).build())))
          .iqHandler(BOOM, "boom", req -> {
            booms.incrementAndGet();
            throw new IllegalStateException("the handler fails on purpose");
          }));
      Jid bob = b.jid();

      StepVerifier.create(a.request(Iq.get(bob, XmlElement.builder("echo", ECHO).text("hello").build())))
          .assertNext(r -> {
            assertThat(r.type()).isEqualTo(Iq.Type.RESULT);
            assertThat(r.from()).isEqualTo(bob);
            assertThat(r.payload().text()).isEqualTo("HELLO");
          })
          .expectComplete()
          .verify(Clients.T);

      StepVerifier.create(a.request(Iq.set(bob, XmlElement.empty("boom", BOOM))))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(StanzaErrorException.class,
              se -> assertThat(se.condition()).isEqualTo(StanzaErrorCondition.INTERNAL_SERVER_ERROR)))
          .verify(Clients.T);
      assertThat(booms).hasValue(1);

      // the session goes on: handlers, the built-in ping and disco, and messages still work
      StepVerifier.create(a.request(Iq.get(bob, XmlElement.builder("echo", ECHO).text("again").build())))
          .assertNext(r -> assertThat(r.payload().text()).isEqualTo("AGAIN"))
          .expectComplete()
          .verify(Clients.T);
      StepVerifier.create(a.request(Iq.get(bob, XmlElement.empty("ping", PING))))
          .assertNext(r -> assertThat(r.type()).isEqualTo(Iq.Type.RESULT))
          .expectComplete()
          .verify(Clients.T);
      StepVerifier.create(a.request(Iq.get(bob, XmlElement.empty("query", DISCO_INFO))))
          .assertNext(r -> assertThat(r.payload().elements("feature", DISCO_INFO).stream()
              .map(f -> f.attribute("var")).toList()).contains(ECHO, BOOM, PING, DISCO_INFO))
          .expectComplete()
          .verify(Clients.T);
      XmppSession sender = a;
      StepVerifier.create(b.messages().filter(m -> "still here".equals(m.body())).take(1))
          .then(() -> sender.send(Message.chat(bob, "still here")).subscribe())
          .expectNextCount(1)
          .expectComplete()
          .verify(Clients.T);
      assertThat(b.isClosed()).isFalse();
    } finally {
      Clients.closeAll(a, b);
    }
  }
}
