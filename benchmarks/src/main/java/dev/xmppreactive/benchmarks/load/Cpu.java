package dev.xmppreactive.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, read at the start and end of a measurement window: this JVM's (all its threads, GC and
 * JIT included), the server process's and its children's (from {@code /proc/<pid>/stat}) and the whole machine's (from
 * {@code /proc/stat}), so a report can say who was busy, and whether something else was.
 *
 * @param wallNanos    {@link System#nanoTime()}
 * @param clientNanos  this JVM's CPU time
 * @param serverNanos  the server's CPU time (0 if unknown)
 * @param machineBusy  the machine's busy time, all cores, in nanoseconds (0 if unknown)
 */
record Cpu(long wallNanos, long clientNanos, long serverNanos, long machineBusy) {
  private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

  /** Reads the counters now. */
  static Cpu now(long serverPid) {
    long client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new Cpu(System.nanoTime(), client, serverPid > 0 ? treeTicks(serverPid) * TICK_NANOS : 0,
        machineBusyTicks() * TICK_NANOS);
  }

  /** What was used between {@code start} and this reading. */
  Usage since(Cpu start) {
    double wall = (wallNanos - start.wallNanos) / 1e9;
    return new Usage(wall, (clientNanos - start.clientNanos) / 1e9, (serverNanos - start.serverNanos) / 1e9,
        (machineBusy - start.machineBusy) / 1e9);
  }

  /** utime + stime of a process and its descendants (ejabberd's helpers), in clock ticks. */
  static long treeTicks(long pid) {
    long ticks = processTicks(pid);
    for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(java.util.List.of())) {
      ticks += processTicks(child.pid());
    }
    return ticks;
  }

  /** utime + stime of a process, in clock ticks. */
  static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command: state(3) ppid ... utime is field 14, stime 15 (1-based), i.e. 11 and 12 here
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long machineBusyTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length; i++) {
        if (i != 4 && i != 5) { // idle and iowait
          busy += Long.parseLong(f[i]);
        }
      }
      return busy;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * CPU seconds used in a window of {@code wallSeconds}.
   *
   * @param wallSeconds    the window
   * @param clientSeconds  this JVM
   * @param serverSeconds  the server process
   * @param machineSeconds the whole machine (all cores)
   */
  record Usage(double wallSeconds, double clientSeconds, double serverSeconds, double machineSeconds) {
    /** Cores kept busy by this JVM. */
    double clientCores() {
      return clientSeconds / wallSeconds;
    }

    /** Cores kept busy by the server. */
    double serverCores() {
      return serverSeconds / wallSeconds;
    }

    /** Cores kept busy by everything else on the machine (other builds, other helpers). */
    double otherCores() {
      return Math.max(0, (machineSeconds - clientSeconds - serverSeconds) / wallSeconds);
    }
  }
}
