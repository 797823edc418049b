package dev.xmppreactive.benchmarks.load;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The threads and heap of this JVM. {@link #baseline()} records the threads that exist before any
 * client is created (the JVM's own, the worker's main thread); the client's threads are the live
 * ones that are neither those, nor the JIT's compiler threads (their number varies with load), nor
 * the benchmark's own ({@code bench-*}).
 */
final class JvmStats {
  private static final Pattern NOT_THE_CLIENTS = Pattern.compile("C[12] CompilerThread\\d+|bench-.*|Attach Listener");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private final Set<Thread> before;

  private JvmStats(Set<Thread> before) {
    this.before = before;
  }

  /** Records the threads that exist now, before any client. */
  static JvmStats baseline() {
    return new JvmStats(Set.copyOf(Thread.getAllStackTraces().keySet()));
  }

  /** The live threads the client created (see the class comment). */
  Map<String, Integer> clientThreadGroups() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t) && !NOT_THE_CLIENTS.matcher(t.getName()).matches())
        .collect(Collectors.groupingBy(t -> DIGITS.matcher(t.getName()).replaceAll("#"), TreeMap::new,
            Collectors.summingInt(t -> 1)));
  }

  /** How many threads the client created and are alive. */
  int clientThreads() {
    return clientThreadGroups().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** All live threads of this JVM. */
  static int liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** The heap in use after two full collections (G1 runs a full GC for {@link System#gc()}). */
  static long heapAfterFullGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Direct (off-heap) buffer memory: the JDK's pool plus Netty's own counter where it keeps one. */
  static long directBytes() {
    long jdk = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
        .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    long netty = 0;
    try {
      netty = Math.max(0, io.netty.util.internal.PlatformDependent.usedDirectMemory());
    } catch (LinkageError e) {
      // Netty is not there (a Smack worker still has it on the class path; harmless)
    }
    return jdk + netty;
  }
}
