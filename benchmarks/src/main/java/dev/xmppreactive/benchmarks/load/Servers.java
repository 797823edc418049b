package dev.xmppreactive.benchmarks.load;

import dev.xmppreactive.servers.EjabberdOptions;
import dev.xmppreactive.servers.EjabberdServer;
import dev.xmppreactive.servers.ProsodyOptions;
import dev.xmppreactive.servers.ProsodyServer;
import dev.xmppreactive.servers.XmppServer;

/**
 * Starts the servers as the integration tests do (the harness: generated configuration, free
 * loopback ports, shapers and rate limits off, {@code max_user_sessions: infinity}), with two changes
 * for load on ejabberd: {@code max_ack_queue} and {@code max_fsm_queue} raised to
 * {@value #EJABBERD_QUEUE}, so that 10,000 IQs in flight on one stream are not taken for a client
 * that cannot keep up. Prosody runs with the harness's configuration as it is (its default network
 * backend in 0.12 is epoll; mod_limits is not loaded).
 */
final class Servers {
  /** ejabberd's max_ack_queue and max_fsm_queue under load. */
  static final int EJABBERD_QUEUE = 1_000_000;

  private Servers() {
  }

  /** Starts a fresh server of that name. */
  static XmppServer start(String name) {
    return switch (name) {
      case "ejabberd" -> EjabberdServer.start(EjabberdOptions.defaults()
          .withMaxAckQueue(EJABBERD_QUEUE).withMaxFsmQueue(EJABBERD_QUEUE));
      case "prosody" -> ProsodyServer.start(ProsodyOptions.defaults());
      default -> throw new IllegalArgumentException("unknown server: " + name);
    };
  }

  /** Creates {@code count} accounts {@code <prefix>0...} and describes them and the server for a worker. */
  static Target accounts(XmppServer server, String prefix, int count, String mechanism) {
    String password = "load-password-" + prefix;
    long t0 = System.nanoTime();
    server.createUsers(prefix, count, password);
    Log.info("%s: %,d accounts created in %.1f s", server.name(), count, (System.nanoTime() - t0) / 1e9);
    return new Target(server.name(), server.host(), server.starttlsPort(), server.domain(),
        server.trustAnchorPem().toString(), server.pid(), prefix, password, mechanism);
  }
}
