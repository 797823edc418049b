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
