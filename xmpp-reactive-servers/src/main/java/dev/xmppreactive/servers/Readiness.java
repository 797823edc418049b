package dev.xmppreactive.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a starting server to be ready, to fail, or to lose one of its ports to another process. */
final class Readiness {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

  /** What a look at a starting server found. */
  enum Status {
    /** Its ports accept connections and its log says it is started. */
    READY,
    /** Not yet. */
    WAITING,
    /** Another process holds one of its ports: start again on other ports. */
    PORT_CONFLICT
  }

  private Readiness() {
  }

  /**
   * Polls {@code check} until it says ready or a port conflict.
   *
   * @param diagnostics the server's log tail, for the error message
   * @return {@code true} when ready, {@code false} on a port conflict (the caller stops the process
   *     and tries other ports)
   * @throws ServerStartException if the process exits without a port conflict or the timeout passes
   */
  static boolean await(ServerProcess process, Duration timeout, Supplier<Status> check,
                       Supplier<String> diagnostics) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean alive = process.isAlive();
      Status status = check.get();
      if (status == Status.PORT_CONFLICT) {
        return false;
      }
      if (status == Status.READY && alive) {
        return true;
      }
      if (!alive) {
        throw new ServerStartException(process + " exited with code " + process.exitCode()
            + " before it was ready" + diagnostics.get());
      }
      if (System.nanoTime() - deadline > 0) {
        throw new ServerStartException(process + " was not ready within " + timeout + diagnostics.get());
      }
      LockSupport.parkNanos(POLL_NANOS);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new ServerStartException("interrupted while waiting for " + process);
      }
    }
  }

  /** Whether a TCP connection to 127.0.0.1:{@code port} is accepted (it is closed at once). */
  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
