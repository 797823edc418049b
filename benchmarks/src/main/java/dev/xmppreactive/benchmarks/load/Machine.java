package dev.xmppreactive.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the run ran on: the machine, the versions, and what else was busy on it when the run began.
 *
 * @param cpu          the processor model
 * @param cores        available processors
 * @param memoryMiB    total memory
 * @param os           the operating system and kernel
 * @param java         the JVM
 * @param prosody      Prosody's package version
 * @param ejabberd     ejabberd's package version
 * @param smack        Smack's version
 * @param commit       the git commit of the working tree
 * @param loadAverage  the load average (1 min) at the start
 * @param busiest      the busiest processes at the start ({@code ps}), other helpers' builds among them
 * @param fileLimit    the open-file limit this JVM (and so its workers and the servers) has
 */
record Machine(String cpu, int cores, long memoryMiB, String os, String java, String prosody, String ejabberd,
               String smack, String commit, double loadAverage, List<String> busiest, String fileLimit) {

  /** Describes this machine now. */
  static Machine describe() {
    return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), totalMemoryMiB(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + osRelease() + ")",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        command("dpkg-query", "-W", "-f=${Version}", "prosody"),
        command("dpkg-query", "-W", "-f=${Version}", "ejabberd"),
        org.jivesoftware.smack.SmackConfiguration.getVersion(),
        command("git", "rev-parse", "--short", "HEAD"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        List.of(command("ps", "-eo", "pcpu,rss,comm", "--sort=-pcpu").lines().limit(8).toArray(String[]::new)),
        command("sh", "-c", "ulimit -n"));
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long totalMemoryMiB() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize() / (1024 * 1024);
  }

  private static String osRelease() {
    try {
      return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
          .findFirst().map(l -> l.substring(12).replace("\"", "")).orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  private static String command(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor(10, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
