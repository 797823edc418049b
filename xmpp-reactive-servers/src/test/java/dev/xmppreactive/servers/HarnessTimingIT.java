package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Creates the 10,000 accounts a benchmark needs on a fresh server, checks some of them log in, and
 * prints how long starting, creating accounts and stopping took (the figures are reported, never
 * asserted: see target/failsafe-reports/*HarnessTimingIT-output.txt).
 */
class HarnessTimingIT {
  private static final int BULK = 10_000;
  private static final int SINGLE = 200;

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void tenThousandAccountsForABenchmark(ServerKind kind) throws IOException {
    Installation.requireOrSkip(kind);
    long t0 = System.nanoTime();
    XmppServer server = kind == ServerKind.PROSODY
        ? ProsodyServer.start(ProsodyOptions.defaults()) : EjabberdServer.start(EjabberdOptions.defaults());
    long t1 = System.nanoTime();
    long t2;
    long t3;
    long stopping;
    try {
      for (int i = 0; i < SINGLE; i++) {
        server.createUser("single" + i, "password" + i);
      }
      t2 = System.nanoTime();
      List<TestUser> users = server.createUsers("load", BULK, "load-password");
      t3 = System.nanoTime();
      assertThat(users).hasSize(BULK);
      for (TestUser user : List.of(users.get(0), users.get(BULK / 2), users.get(BULK - 1))) {
        try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
          xmpp.openStream(server.domain());
          assertThat(xmpp.authPlain(user.local(), user.password())).startsWith("<success");
        }
      }
      try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
        xmpp.openStream(server.domain());
        assertThat(xmpp.authPlain("load" + BULK, "load-password")).startsWith("<failure");
      }
    } finally {
      stopping = System.nanoTime();
      server.close();
    }
    long stopped = System.nanoTime();
    assertThat(server.isRunning()).isFalse();
    System.out.printf("%-8s start %5d ms | %d single accounts: %5.0f/s | %d bulk accounts: %5d ms = %6.0f/s"
            + " | stop %5d ms%n", kind.id(), ms(t1 - t0), SINGLE, SINGLE / seconds(t2 - t1), BULK, ms(t3 - t2),
        BULK / seconds(t3 - t2), ms(stopped - stopping));
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
