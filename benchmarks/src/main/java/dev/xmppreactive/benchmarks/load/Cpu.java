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
 * <p>The JIT compiler's share of this JVM's time is read too, from the compiler threads'
 * {@code /proc/self/task/<tid>/stat} (threads named {@code C1 CompilerThre…} and
 * {@code C2 CompilerThre…}): a short window early in a JVM's life (the setup run's) spends much of its
 * CPU compiling, which says nothing about the client. A compiler thread that the JVM retires during
 * the window takes its time with it, so the JIT figure can only be too low, never too high.
 *
 * @param wallNanos    {@link System#nanoTime()}
 * @param clientNanos  this JVM's CPU time
 * @param serverNanos  the server's CPU time (0 if unknown)
 * @param machineBusy  the machine's busy time, all cores, in nanoseconds (0 if unknown)
 * @param jitNanos     this JVM's JIT compiler threads' CPU time (0 if unknown)
 */
record Cpu(long wallNanos, long clientNanos, long serverNanos, long machineBusy, long jitNanos) {
  private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

  /** Reads the counters now. */
  static Cpu now(long serverPid) {
    long client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new Cpu(System.nanoTime(), client, serverPid > 0 ? treeTicks(serverPid) * TICK_NANOS : 0,
        machineBusyTicks() * TICK_NANOS, compilerTicks() * TICK_NANOS);
  }

  /** utime + stime of this JVM's JIT compiler threads, in clock ticks. */
  static long compilerTicks() {
    long ticks = 0;
    try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm"));
          if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            ticks += statTicks(Files.readString(task.resolve("stat")));
          }
        } catch (IOException | RuntimeException threadEnded) {
          // the thread ended while being read
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return ticks;
  }

  /** What was used between {@code start} and this reading. */
  Usage since(Cpu start) {
    double wall = (wallNanos - start.wallNanos) / 1e9;
    return new Usage(wall, (clientNanos - start.clientNanos) / 1e9, (serverNanos - start.serverNanos) / 1e9,
        (machineBusy - start.machineBusy) / 1e9, Math.max(0, jitNanos - start.jitNanos) / 1e9);
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
      return statTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** utime + stime from the text of a {@code stat} file of a process or thread, in clock ticks. */
  static long statTicks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // after the command: state(3) ppid ... utime is field 14, stime 15 (1-based), i.e. 11 and 12 here
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
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
   * @param jitSeconds     this JVM's JIT compiler threads (part of {@code clientSeconds}; 0 in results
   *                       written before run 7, which did not measure it)
   */
  record Usage(double wallSeconds, double clientSeconds, double serverSeconds, double machineSeconds,
               double jitSeconds) {
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
