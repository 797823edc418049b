package dev.xmppreactive.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * The heap's class histogram ({@code jcmd GC.class_histogram}, live objects after a full GC), taken
 * from inside the worker: what the sessions' heap is made of.
 */
final class Histogram {
  private Histogram() {
  }

  /** The first {@code lines} lines of the live-object histogram. */
  static String top(int lines) {
    try {
      Object text = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      return ((String) text).lines().limit(lines).reduce("", (a, b) -> a + b + "\n");
    } catch (Exception e) {
      return "no histogram: " + e;
    }
  }

  /** Writes a dump of all threads' stacks to {@code <dir>/<name>} (for a client that stalled). */
  static void writeThreads(String name) {
    String dir = System.getProperty("load.out");
    if (dir == null) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (var info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      text.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
      if (info.getLockName() != null) {
        text.append(" on ").append(info.getLockName());
      }
      if (info.getLockOwnerName() != null) {
        text.append(" owned by \"").append(info.getLockOwnerName()).append('"');
      }
      text.append('\n');
      for (StackTraceElement e : info.getStackTrace()) {
        text.append("    at ").append(e).append('\n');
      }
      text.append('\n');
    }
    try {
      Path folder = Path.of(dir, "histograms");
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(name), text);
    } catch (Exception e) {
      Log.info("cannot write the thread dump %s: %s", name, e);
    }
  }

  /** Writes the top of the histogram to {@code <dir>/<name>} if the worker was given a folder for it. */
  static void write(String name, int lines) {
    String dir = System.getProperty("load.out");
    if (dir == null) {
      return;
    }
    try {
      Path folder = Path.of(dir, "histograms");
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(name), top(lines));
    } catch (Exception e) {
      Log.info("cannot write the histogram %s: %s", name, e);
    }
  }
}
