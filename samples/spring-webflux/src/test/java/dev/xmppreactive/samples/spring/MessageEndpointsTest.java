package dev.xmppreactive.samples.spring;

import static dev.xmppreactive.test.XmppSteps.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.test.RunningServer;
import dev.xmppreactive.test.XmppTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The application against the test kit's in-JVM XMPP server, through its HTTP endpoints, as a
 * browser would use them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class MessageEndpointsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Started before the context (the properties need its port); closed with it, after the session. */
  static final RunningServer SERVER = XmppTestServer.create()
      .user("app", "app-secret")
      .user("alice", "alice-secret")
      .start();

  @DynamicPropertySource
  static void xmpp(DynamicPropertyRegistry registry) {
    registry.add("xmpp.jid", () -> "app@example.test");
    registry.add("xmpp.password", () -> "app-secret");
    registry.add("xmpp.host", SERVER::host);
    registry.add("xmpp.port", SERVER::port);
    registry.add("xmpp.trust-pem", () -> trustPem(SERVER));
  }

  static Path trustPem(RunningServer server) {
    try {
      Path pem = Files.createTempFile("xmpp-test-ca", ".pem");
      pem.toFile().deleteOnExit();
      return Files.writeString(pem, server.trustAnchorPem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the context close the server when it closes, after it stopped the XMPP session. */
  @TestConfiguration
  static class ServerLifecycle {
    @Bean(destroyMethod = "close")
    RunningServer xmppTestServer() {
      return SERVER;
    }
  }

  @Autowired
  WebTestClient web;

  @Autowired
  ManagedXmppSession xmpp;

  private XmppSession alice;

  @BeforeEach
  void alice() {
    alice = SERVER.clientFor("alice", "web").connect().block(WAIT);
  }

  @AfterEach
  void aliceLeaves() {
    alice.close().block(WAIT);
  }

  private Jid app() {
    return xmpp.session().jid();
  }

  @Test
  void receivedMessagesStreamAsServerSentEvents() {
    Flux<ServerSentEvent<ChatMessage>> events = web.get().uri("/messages")
        .accept(MediaType.TEXT_EVENT_STREAM)
        .exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<ChatMessage>>() { })
        .getResponseBody();

    StepVerifier.create(events)
        .assertNext(e -> assertThat(e.comment()).isEqualTo("connected"))
        .then(() -> alice.send(Message.builder().to(app()).id("m1").type(Message.Type.CHAT)
            .thread("t1").body("Hello, web").build()).subscribe())
        .assertNext(e -> {
          assertThat(e.event()).isEqualTo("message");
          assertThat(e.id()).isEqualTo("m1");
          assertThat(e.data()).isEqualTo(
              new ChatMessage("m1", "alice@example.test/web", "chat", "t1", "Hello, web"));
        })
        // Messages without a body (a chat state, say) are not streamed.
        .then(() -> alice.send(Message.builder().to(app()).id("m2").build())
            .then(alice.send(Message.builder().to(app()).id("m3").body("second").build()))
            .subscribe())
        .assertNext(e -> assertThat(e.data().id()).isEqualTo("m3"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void twoBrowsersGetEveryMessage() {
    StepVerifier.create(Flux.merge(stream().take(2), stream().take(2)))
        .expectNext("connected", "connected")
        .then(() -> alice.send(Message.chat(app(), "to everyone")).subscribe())
        .expectNext("to everyone", "to everyone")
        .expectComplete()
        .verify(WAIT);
  }

  /** An event stream, each event as its comment or its message's body. */
  private Flux<String> stream() {
    return web.get().uri("/messages")
        .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<ChatMessage>>() { })
        .getResponseBody()
        .map(e -> e.comment() != null ? e.comment() : e.data().body());
  }

  @Test
  void aPostSendsAMessageThatTheServerTook() {
    StepVerifier.create(alice.messages())
        .then(() -> {
          SendResult result = web.post().uri("/messages")
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(Map.of("to", "alice@example.test", "body", "Hi from HTTP"))
              .exchange()
              .expectStatus().isAccepted()
              .expectBody(SendResult.class).returnResult().getResponseBody();
          assertThat(result.to()).isEqualTo("alice@example.test");
          assertThat(result.id()).isNotBlank();
        })
        .assertNext(message().from(app()).type(Message.Type.CHAT).body("Hi from HTTP"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void aPostWithAnInvalidRecipientOrWithoutBodyIsABadRequest() {
    web.post().uri("/messages").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("to", "not@a@jid", "body", "x"))
        .exchange().expectStatus().isBadRequest();
    web.post().uri("/messages").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("to", "alice@example.test"))
        .exchange().expectStatus().isBadRequest();
    web.post().uri("/messages").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("to", "alice@example.test", "body", "x", "type", "groupchat"))
        .exchange().expectStatus().isBadRequest();
  }
}
