package dev.xmppreactive.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the server ends sessions, seen on the wire: the stream errors and ends it sends. */
class RawSessionEndTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private RunningServer server;
  private RawClient raw;

  @BeforeEach
  void start() {
    server = XmppTestServer.create().user("alice", "secret").start();
    raw = RawClient.connect(server);
  }

  @AfterEach
  void stop() {
    raw.close();
    if (server != null) {
      server.close();
    }
  }

  @Test
  void bindingTheSameResourceEndsTheOlderStreamWithConflict() {
    raw.login("alice", "secret", "phone");
    try (RawClient second = RawClient.connect(server)) {
      second.login("alice", "secret", "phone");
      StreamError e = raw.expectStreamError(StreamErrorCondition.CONFLICT);
      assertThat(e.text()).isEqualTo("Replaced by new connection");
      second.syncPoint();
    }
  }

  @Test
  void aScriptedStreamErrorCarriesItsText() {
    raw.login("alice", "secret", "phone");
    TestSession s = server.session("alice").block(WAIT);
    s.sendStreamError(StreamError.of(StreamErrorCondition.RESET, "credentials changed"));
    StreamError e = raw.expectStreamError(StreamErrorCondition.RESET);
    assertThat(e.text()).isEqualTo("credentials changed");
    assertThat(s.isEnded()).isTrue();
  }

  @Test
  void aGracefulCloseFromTheServerWaitsForTheClientsEnd() {
    raw.login("alice", "secret", "phone");
    server.session("alice").block(WAIT).closeStream();
    assertThat(raw.next()).isEqualTo(StreamEnd.INSTANCE);
    raw.send(StreamEnd.INSTANCE);
    assertThat(raw.closed()).isTrue();
  }

  @Test
  void aDroppedConnectionHasNoEndOfStream() {
    raw.login("alice", "secret", "phone");
    TestSession s = server.session("alice").block(WAIT);
    s.dropConnection();
    raw.expectAbruptClose();
    s.onEnd().block(WAIT);
  }

  @Test
  void removingTheAccountEndsItsSessionsWithNotAuthorized() {
    raw.login("alice", "secret", "phone");
    server.removeUser("alice");
    raw.expectStreamError(StreamErrorCondition.NOT_AUTHORIZED);
  }

  @Test
  void closingTheServerSendsSystemShutdownToSessionsAndNegotiatingConnections() {
    raw.login("alice", "secret", "phone");
    try (RawClient negotiating = RawClient.connect(server)) {
      negotiating.open();
      Thread closer = new Thread(server::close);
      closer.start();
      raw.expectStreamError(StreamErrorCondition.SYSTEM_SHUTDOWN);
      negotiating.expectStreamError(StreamErrorCondition.SYSTEM_SHUTDOWN);
      try {
        closer.join(WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server = null;
    }
  }
}
