package dev.xmppreactive.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The Markdown tables of a run ({@code load-report.md}), from which BENCHMARKS.md's are taken. */
final class Report {
  private Report() {
  }

  static String markdown(LoadResults r) {
    StringBuilder md = new StringBuilder();
    Machine m = r.machine();
    md.append("Run ").append(r.started()).append(r.quick() ? " (quick smoke run)" : "").append(", ")
        .append(f("%.1f", r.minutes())).append(" minutes, commit ").append(m.commit()).append(".\n")
        .append("Machine: ").append(m.cpu()).append(", ").append(m.cores()).append(" cores, ")
        .append(f("%,d", m.memoryMiB())).append(" MiB; ").append(m.os()).append("; ").append(m.java())
        .append("; ulimit -n ").append(m.fileLimit()).append(". Prosody ").append(m.prosody())
        .append(", ejabberd ").append(m.ejabberd()).append(", Smack ").append(m.smack())
        .append(". SASL mechanism: ").append(r.sasl()).append(". Load average at the start: ").append(f("%.2f", m.loadAverage())).append(".\n\n");
    scale(md, r);
    setup(md, r);
    throughput(md, r);
    iq(md, r);
    targets(md, r);
    if (!r.failures().isEmpty()) {
      md.append("\n### Runs without a result\n\n");
      r.failures().forEach(x -> md.append("- ").append(x).append('\n'));
    }
    return md.toString();
  }

  private static void scale(StringBuilder md, LoadResults r) {
    if (r.scale().isEmpty()) {
      return;
    }
    md.append("### Scale: sessions held in one JVM\n\n")
        .append("| Server | Client | Sessions up (asked) | Heap/session | Marginal heap/session | Client threads"
            + " | Setup rate | Connect p50 / p99 | Stopped |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (ScaleResult s : r.scale()) {
      Optional<ScaleStep> last = lastUp(s);
      md.append("| ").append(s.server()).append(" | ").append(s.client()).append(" | ")
          .append(f("%,d (%,d)", s.reached(), s.target())).append(" | ")
          .append(last.map(x -> f("%.1f KiB", x.heapPerSessionBytes() / 1024)).orElse("-")).append(" | ")
          .append(marginal(s).map(x -> f("%.1f KiB", x / 1024)).orElse("-")).append(" | ")
          .append(last.map(x -> Integer.toString(x.clientThreads())).orElse("-")).append(" | ")
          .append(f("%,.0f/s (%d in flight)", s.setupPerSecond(), s.concurrency())).append(" | ")
          .append(f("%.0f / %.0f ms", s.connectLatency().p50(), s.connectLatency().p99())).append(" | ")
          .append(s.stop() == null ? "reached the target" : s.stop().replace("|", "/")).append(" |\n");
    }
    md.append("\nStep by step (heap after a full GC; threads the client created):\n\n")
        .append("| Server | Client | Sessions | Heap | Heap/session | Client threads | All threads | Direct memory |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (ScaleResult s : r.scale()) {
      for (ScaleStep x : s.steps()) {
        md.append("| ").append(s.server()).append(" | ").append(s.client()).append(" | ")
            .append(f("%,d", x.up())).append(" | ").append(f("%,.0f MiB", x.heapBytes() / 1048576.0)).append(" | ")
            .append(f("%.1f KiB", x.heapPerSessionBytes() / 1024)).append(" | ").append(x.clientThreads())
            .append(" | ").append(x.liveThreads()).append(" | ")
            .append(f("%,.1f MiB", x.directBytes() / 1048576.0)).append(" |\n");
      }
    }
    md.append("\nThe client's threads at the largest step:\n\n");
    for (ScaleResult s : r.scale()) {
      lastUp(s).ifPresent(x -> md.append("- ").append(s.server()).append(", ").append(s.client()).append(": ")
          .append(x.threadGroups()).append('\n'));
    }
    md.append('\n');
  }

  /** The last step with sessions up. */
  static Optional<ScaleStep> lastUp(ScaleResult s) {
    return s.steps().stream().filter(x -> x.up() > 0).reduce((a, b) -> b);
  }

  /** Heap per added session between the first and the last step with sessions up. */
  static Optional<Double> marginal(ScaleResult s) {
    List<ScaleStep> up = s.steps().stream().filter(x -> x.up() > 0).toList();
    if (up.size() < 2) {
      return Optional.empty();
    }
    ScaleStep a = up.get(0);
    ScaleStep b = up.get(up.size() - 1);
    return b.up() == a.up() ? Optional.empty()
        : Optional.of((b.heapBytes() - a.heapBytes()) / (double) (b.up() - a.up()));
  }

  private static void setup(StringBuilder md, LoadResults r) {
    if (r.setup().isEmpty()) {
      return;
    }
    md.append("### Connection setup, one connect at a time\n\n")
        .append("From `connect()` to a bound session (TCP, STARTTLS, SASL, bind, SM enabled, initial presence):\n\n")
        .append("| Server | Client | Sessions | p50 | p90 | p99 | max | Sessions/s | Client CPU/session"
            + " | of it, JIT compiler |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SetupResult s : r.setup()) {
      md.append("| ").append(s.server()).append(" | ").append(s.client()).append(" | ").append(s.count())
          .append(" | ").append(f("%.1f ms", s.latency().p50())).append(" | ").append(f("%.1f ms", s.latency().p90()))
          .append(" | ").append(f("%.1f ms", s.latency().p99())).append(" | ").append(f("%.1f ms", s.latency().max()))
          .append(" | ").append(f("%.0f", s.perSecond())).append(" | ")
          .append(perSession(s.cpu().clientSeconds(), s.count())).append(" | ")
          .append(s.cpu().jitSeconds() == 0 ? "-" : perSession(s.cpu().jitSeconds(), s.count())).append(" |\n");
    }
    md.append('\n');
  }

  /** CPU seconds spread over {@code sessions}, in milliseconds per session. */
  private static String perSession(double seconds, int sessions) {
    return f("%.1f ms", sessions == 0 ? 0 : seconds * 1000 / sessions);
  }

  private static void throughput(StringBuilder md, LoadResults r) {
    if (r.throughput().isEmpty()) {
      return;
    }
    md.append("### Throughput: messages through the server\n\n")
        .append("| Server | Pairs | Ours msg/s | Smack msg/s | Ours ÷ Smack | Client CPU/msg ours / Smack"
            + " | Server cores ours / Smack run | Client cores ours / Smack | Others' cores | Lost |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String server : servers(r)) {
      for (int pairs : r.throughput().stream().filter(t -> t.server().equals(server)).map(ThroughputResult::pairs)
          .distinct().toList()) {
        Optional<ThroughputResult> o = find(r.throughput(), t -> t.server().equals(server) && t.pairs() == pairs
            && t.client().equals("ours"));
        Optional<ThroughputResult> s = find(r.throughput(), t -> t.server().equals(server) && t.pairs() == pairs
            && t.client().startsWith("smack"));
        md.append("| ").append(server).append(" | ").append(pairs).append(" | ")
            .append(o.map(x -> f("%,.0f", x.perSecond())).orElse("-")).append(" | ")
            .append(s.map(x -> f("%,.0f", x.perSecond())).orElse("-")).append(" | ")
            .append(ratio(o.map(ThroughputResult::perSecond), s.map(ThroughputResult::perSecond))).append(" | ")
            .append(o.map(x -> f("%.1f", x.clientCpuMicros())).orElse("-")).append(" / ")
            .append(s.map(x -> f("%.1f µs", x.clientCpuMicros())).orElse("-")).append(" | ")
            .append(o.map(x -> f("%.2f", x.cpu().serverCores())).orElse("-")).append(" / ")
            .append(s.map(x -> f("%.2f", x.cpu().serverCores())).orElse("-")).append(" | ")
            .append(o.map(x -> f("%.2f", x.cpu().clientCores())).orElse("-")).append(" / ")
            .append(s.map(x -> f("%.2f", x.cpu().clientCores())).orElse("-")).append(" | ")
            .append(o.map(x -> f("%.2f", x.cpu().otherCores())).orElse("-")).append(" / ")
            .append(s.map(x -> f("%.2f", x.cpu().otherCores())).orElse("-")).append(" | ")
            .append(o.map(x -> Long.toString(x.lost())).orElse("-")).append(" / ")
            .append(s.map(x -> Long.toString(x.lost())).orElse("-")).append(" |\n");
      }
    }
    md.append('\n');
  }

  private static void iq(StringBuilder md, LoadResults r) {
    if (r.iq().isEmpty()) {
      return;
    }
    md.append("### IQ round trips on one session (XMPP ping to the server)\n\n")
        .append("| Server | In flight | Ours rt/s | Smack rt/s | Ours ÷ Smack | Ours p50 / p99 | Smack p50 / p99"
            + " | Client CPU/rt ours / Smack | Server cores ours / Smack run | Failed |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String server : servers(r)) {
      for (int n : r.iq().stream().filter(t -> t.server().equals(server)).map(IqResult::inFlight).distinct().toList()) {
        Optional<IqResult> o = find(r.iq(), t -> t.server().equals(server) && t.inFlight() == n
            && t.client().equals("ours"));
        Optional<IqResult> s = find(r.iq(), t -> t.server().equals(server) && t.inFlight() == n
            && t.client().startsWith("smack"));
        md.append("| ").append(server).append(" | ").append(f("%,d", n)).append(" | ")
            .append(o.map(x -> f("%,.0f", x.perSecond())).orElse("-")).append(" | ")
            .append(s.map(x -> f("%,.0f", x.perSecond())).orElse("-")).append(" | ")
            .append(ratio(o.map(IqResult::perSecond), s.map(IqResult::perSecond))).append(" | ")
            .append(o.map(x -> f("%.2f / %.2f ms", x.latency().p50(), x.latency().p99())).orElse("-")).append(" | ")
            .append(s.map(x -> f("%.2f / %.2f ms", x.latency().p50(), x.latency().p99())).orElse("-")).append(" | ")
            .append(o.map(x -> f("%.1f", x.clientCpuMicros())).orElse("-")).append(" / ")
            .append(s.map(x -> f("%.1f µs", x.clientCpuMicros())).orElse("-")).append(" | ")
            .append(o.map(x -> f("%.2f", x.cpu().serverCores())).orElse("-")).append(" / ")
            .append(s.map(x -> f("%.2f", x.cpu().serverCores())).orElse("-")).append(" | ")
            .append(o.map(x -> Long.toString(x.failed())).orElse("-")).append(" / ")
            .append(s.map(x -> Long.toString(x.failed())).orElse("-")).append(" |\n");
      }
    }
    md.append('\n');
  }

  private static void targets(StringBuilder md, LoadResults r) {
    int cores = r.machine().cores();
    int threadLimit = 2 * cores + 8;
    md.append("### Targets\n\n");
    for (ScaleResult s : r.scale()) {
      if (!s.client().equals("ours")) {
        continue;
      }
      Optional<ScaleStep> last = lastUp(s);
      boolean sessions = s.reached() >= 10_000;
      boolean threads = last.map(x -> x.clientThreads() <= threadLimit).orElse(false);
      boolean heap = last.map(x -> x.heapPerSessionBytes() <= 32 * 1024).orElse(false);
      md.append("- ").append(s.server()).append(": 10,000 sessions: ").append(mark(sessions))
          .append(f(" (%,d)", s.reached())).append("; at most ").append(threadLimit).append(" threads: ")
          .append(mark(threads)).append(last.map(x -> " (" + x.clientThreads() + ")").orElse(""))
          .append("; at most 32 KiB heap/session: ").append(mark(heap))
          .append(last.map(x -> f(" (%.1f KiB)", x.heapPerSessionBytes() / 1024)).orElse("")).append('\n');
    }
    for (ThroughputResult o : r.throughput()) {
      if (o.client().equals("ours")) {
        find(r.throughput(), t -> t.client().startsWith("smack") && t.server().equals(o.server())
            && t.pairs() == o.pairs()).ifPresent(s -> md.append("- ").append(o.server()).append(", ")
            .append(o.pairs()).append(o.pairs() == 1 ? " pair" : " pairs").append(": 2× Smack's messages/s: ")
            .append(mark(o.perSecond() >= 2 * s.perSecond())).append(times(o.perSecond(), s.perSecond()))
            .append('\n'));
      }
    }
    for (IqResult o : r.iq()) {
      if (o.client().equals("ours") && o.inFlight() > 1) {
        find(r.iq(), t -> t.client().startsWith("smack") && t.server().equals(o.server())
            && t.inFlight() == o.inFlight()).ifPresent(s -> md.append("- ").append(o.server()).append(", ")
            .append(f("%,d", o.inFlight())).append(" IQs in flight: 2× Smack's round trips/s: ")
            .append(mark(o.perSecond() >= 2 * s.perSecond())).append(times(o.perSecond(), s.perSecond()))
            .append(s.errors().isEmpty() ? "" : "; Smack: " + String.join("; ", s.errors())).append('\n'));
      }
    }
  }

  private static String times(double ours, double smack) {
    return smack == 0 ? f(" (%,.0f/s against none: Smack completed no round trip)", ours)
        : f(" (%.2f×)", ours / smack);
  }

  private static String mark(boolean met) {
    return met ? "**met**" : "**not met**";
  }

  private static Set<String> servers(LoadResults r) {
    Set<String> servers = new LinkedHashSet<>();
    r.throughput().forEach(t -> servers.add(t.server()));
    r.iq().forEach(t -> servers.add(t.server()));
    return servers;
  }

  private static <T> Optional<T> find(List<T> list, Predicate<T> p) {
    return list.stream().filter(p).findFirst();
  }

  private static String ratio(Optional<Double> ours, Optional<Double> smack) {
    if (ours.isEmpty() || smack.isEmpty()) {
      return "-";
    }
    if (smack.get() == 0) {
      return "Smack: none";
    }
    return f("%.2f×", ours.get() / smack.get());
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** Lists for charts. */
  static List<String> clients(LoadResults r) {
    List<String> c = new ArrayList<>();
    r.scale().forEach(s -> {
      if (!c.contains(s.client())) {
        c.add(s.client());
      }
    });
    return c;
  }
}
