package dev.xmppreactive.benchmarks.load;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard error, with the time of day. */
final class Log {
  private Log() {
  }

  static void info(String format, Object... args) {
    System.err.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + String.format(format, args));
  }
}
