package dev.xmppreactive.servers;

import java.util.function.Function;
import java.util.function.IntFunction;

/** Starts a server on fresh free ports, again on other ports if another process took one first. */
final class PortAttempts {
  /** How many times a start is tried before the harness gives up. */
  static final int ATTEMPTS = 4;

  private PortAttempts() {
  }

  /**
   * Runs {@code attempt} with {@code count} free ports until it returns a value.
   *
   * @param attempt starts the server on the given ports; returns {@code null} if one of them was
   *                taken (it has stopped what it started then)
   */
  static <T> T run(String what, int count, Function<int[], T> attempt) {
    return run(what, count, FreePorts::pick, attempt);
  }

  /** {@link #run(String, int, Function)} with the ports from {@code ports} (for tests). */
  static <T> T run(String what, int count, IntFunction<int[]> ports, Function<int[], T> attempt) {
    for (int i = 1; i <= ATTEMPTS; i++) {
      T started = attempt.apply(ports.apply(count));
      if (started != null) {
        return started;
      }
    }
    throw new ServerStartException(what + " lost one of its ports to another process " + ATTEMPTS + " times in a row");
  }
}
