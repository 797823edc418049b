package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void freePortsAreDistinctAndBindable() throws IOException {
    int[] ports = FreePorts.pick(5);
    assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(5);
    for (int port : ports) {
      assertThat(port).isBetween(1024, 65535);
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      }
    }
  }

  @Test
  void aStartThatLostItsPortsIsRetriedOnOtherPorts() {
    List<int[]> tried = new ArrayList<>();
    String started = PortAttempts.run("test", 2, ports -> {
      tried.add(ports);
      return tried.size() < 3 ? null : "started";
    });
    assertThat(started).isEqualTo("started");
    assertThat(tried).hasSize(3);
  }

  @Test
  void retriesEnd() {
    List<int[]> tried = new ArrayList<>();
    assertThatThrownBy(() -> PortAttempts.run("test", 1, ports -> {
      tried.add(ports);
      return null;
    })).isInstanceOf(ServerStartException.class).hasMessageContaining("lost one of its ports");
    assertThat(tried).hasSize(PortAttempts.ATTEMPTS);
  }

  @Test
  void acceptsSaysWhetherAPortListens() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(Readiness.accepts(socket.getLocalPort())).isTrue();
    }
    int closed = FreePorts.pick(1)[0];
    assertThat(Readiness.accepts(closed)).isFalse();
  }
}
