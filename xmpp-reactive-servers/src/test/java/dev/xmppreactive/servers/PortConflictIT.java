package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A server that loses one of its ports to another process between the probe and its bind starts again elsewhere. */
class PortConflictIT {

  @Test
  void prosodyStartsAgainOnOtherPorts() throws IOException {
    Installation.requireOrSkip(ServerKind.PROSODY);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<int[]> picked = new ArrayList<>();
      try (ProsodyServer server = ProsodyServer.start(ProsodyOptions.defaults(), takenFirst(taken, 1, picked))) {
        assertThat(picked).hasSize(2);
        assertThat(picked.get(0)[1]).isEqualTo(taken.getLocalPort());
        assertThat(server.directTlsPort()).isEqualTo(picked.get(1)[1]).isNotEqualTo(taken.getLocalPort());
        assertThat(Readiness.accepts(server.directTlsPort())).isTrue();
      }
    }
  }

  /** Index 0 is the STARTTLS port, 2 Erlang's distribution port. */
  @ParameterizedTest
  @ValueSource(ints = {0, 2})
  void ejabberdStartsAgainOnOtherPorts(int index) throws IOException {
    Installation.requireOrSkip(ServerKind.EJABBERD);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<int[]> picked = new ArrayList<>();
      try (EjabberdServer server = EjabberdServer.start(EjabberdOptions.defaults(), takenFirst(taken, index, picked))) {
        assertThat(picked).hasSize(2);
        assertThat(server.starttlsPort()).isEqualTo(picked.get(1)[0]);
        TestUser user = server.newUser("moved");
        try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
          xmpp.openStream(server.domain());
          assertThat(xmpp.authPlain(user.local(), user.password())).startsWith("<success");
        }
      }
    }
  }

  /** Free ports, except that the first pick has the taken port at {@code index}. */
  private static IntFunction<int[]> takenFirst(ServerSocket taken, int index, List<int[]> picked) {
    return count -> {
      int[] ports = FreePorts.pick(count);
      if (picked.isEmpty()) {
        ports[index] = taken.getLocalPort();
      }
      picked.add(ports);
      return ports;
    };
  }
}
