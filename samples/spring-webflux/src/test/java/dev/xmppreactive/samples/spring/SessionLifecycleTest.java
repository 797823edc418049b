package dev.xmppreactive.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.sasl.SaslException;
import dev.xmppreactive.test.RunningServer;
import dev.xmppreactive.test.TestSession;
import dev.xmppreactive.test.XmppTestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Spring starts and stops the XMPP session with the application. */
class SessionLifecycleTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private RunningServer server;

  @BeforeEach
  void start() {
    server = XmppTestServer.create().user("app", "app-secret").start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private SpringApplicationBuilder app(String password) {
    return new SpringApplicationBuilder(XmppWebFluxApplication.class).properties(
        "server.port=0",
        "xmpp.jid=app@example.test",
        "xmpp.password=" + password,
        "xmpp.host=" + server.host(),
        "xmpp.port=" + server.port(),
        "xmpp.trust-pem=" + MessageEndpointsTest.trustPem(server));
  }

  @Test
  void theSessionStartsWithTheContextAndClosesGracefullyWithIt() {
    ConfigurableApplicationContext context = app("app-secret").run();
    ManagedXmppSession xmpp = context.getBean(ManagedXmppSession.class);
    assertThat(xmpp.isRunning()).isTrue();
    TestSession atServer = server.session("app").block(WAIT);
    assertThat(atServer.isResumable()).isTrue();

    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    Flux<ServerSentEvent<String>> events = WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port).build()
        .get().uri("/messages").accept(MediaType.TEXT_EVENT_STREAM)
        .exchange().expectStatus().isOk()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
        .getResponseBody();

    // Closing the context: the event stream ends normally (the feed stops before the web server),
    // and the session is closed, not dropped: a dropped resumable session would stay at the
    // server, waiting to be resumed.
    StepVerifier.create(events)
        .assertNext(e -> assertThat(e.comment()).isEqualTo("connected"))
        .then(context::close)
        .verifyComplete();
    StepVerifier.create(atServer.onEnd()).expectComplete().verify(WAIT);
    assertThat(xmpp.isRunning()).isFalse();
    assertThatThrownBy(xmpp::session).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aWrongPasswordStopsTheApplicationFromStarting() {
    assertThatThrownBy(() -> app("wrong").run())
        .hasRootCauseInstanceOf(SaslException.class);
    assertThat(server.liveSessions()).isEmpty();
  }
}
