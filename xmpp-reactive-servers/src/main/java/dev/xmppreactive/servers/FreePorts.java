package dev.xmppreactive.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds free TCP ports on the loopback interface.
 *
 * <p>Ports are picked at random below the kernel's ephemeral range (read from
 * {@code /proc/sys/net/ipv4/ip_local_port_range}), so that the outgoing connections of a load test,
 * which take ephemeral ports, cannot take a server's port between the probe and the server's bind.
 * Each port is probed by binding it; the probes stay bound until all ports are chosen, so the ports
 * are distinct. A server can still lose a port to another process before it binds it: the servers
 * detect that and start again on new ports.
 */
final class FreePorts {
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 10_000;
  private static final int ATTEMPTS = 200;

  private FreePorts() {
  }

  /** Returns {@code count} distinct ports that were free on 127.0.0.1 a moment ago. */
  static int[] pick(int count) {
    int ceiling = ephemeralStart();
    List<ServerSocket> probes = new ArrayList<>(count);
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket probe = probe(ceiling);
        probes.add(probe);
        ports[i] = probe.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket probe : probes) {
        try {
          probe.close();
        } catch (IOException ignored) {
          // a probe that does not close still frees its port when collected
        }
      }
    }
  }

  private static ServerSocket probe(int ceiling) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    if (ceiling - LOWEST >= 1_000) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
        ServerSocket socket = bind(loopback, port);
        if (socket != null) {
          return socket;
        }
      }
    }
    ServerSocket socket = bind(loopback, 0);
    if (socket == null) {
      throw new UncheckedIOException(new IOException("no free port on " + loopback));
    }
    return socket;
  }

  private static ServerSocket bind(InetAddress address, int port) {
    ServerSocket socket = null;
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(address, port), 1);
      return socket;
    } catch (IOException e) {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // nothing was bound
        }
      }
      return null;
    }
  }

  /** The first port of the kernel's ephemeral range, or 32768 if it cannot be read. */
  private static int ephemeralStart() {
    try {
      String range = Files.readString(EPHEMERAL_RANGE, StandardCharsets.US_ASCII).trim();
      return Integer.parseInt(range.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }
}
