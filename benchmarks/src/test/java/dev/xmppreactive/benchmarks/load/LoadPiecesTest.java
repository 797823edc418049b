package dev.xmppreactive.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load program's pieces that need no server: arguments, plans, percentiles, the worker's JSON
 * protocol, the report's tables and targets, and the charts. The program itself runs by hand
 * ({@code --quick} is its smoke run against the real servers); nothing here measures time.
 */
class LoadPiecesTest {

  @Test
  void percentilesAreNearestRank() {
    Latencies l = new Latencies();
    for (int i = 1; i <= 1000; i++) {
      l.add(i * 1_000_000L); // 1..1000 ms
    }
    Latencies.Summary s = l.summary();
    assertThat(s.count()).isEqualTo(1000);
    assertThat(s.p50()).isEqualTo(500.0);
    assertThat(s.p99()).isEqualTo(990.0);
    assertThat(s.p999()).isEqualTo(999.0);
    assertThat(s.max()).isEqualTo(1000.0);
    assertThat(new Latencies().summary().count()).isZero();
  }

  @Test
  void argumentsAndPlans() {
    Options full = Options.parse();
    assertThat(full.reportOnly()).isFalse();
    assertThat(Options.parse("--report").reportOnly()).isTrue();
    assertThat(full.maxSessions()).isEqualTo(10_000);
    assertThat(full.clients()).containsExactly("ours", "smack");
    assertThat(Plan.of(full).scaleSteps()).containsExactly(100, 1000, 2500, 5000, 7500, 10_000);
    assertThat(Plan.of(full).inFlight()).containsExactly(1, 100, 10_000);
    assertThat(Plan.of(full).pairs()).containsExactly(1, 100);

    Options quick = Options.parse("--quick", "--servers", "prosody", "--out", "x");
    assertThat(quick.maxSessions()).isEqualTo(50);
    assertThat(quick.servers()).containsExactly("prosody");
    assertThat(quick.out()).isEqualTo(Path.of("x"));
    assertThat(Plan.of(Options.parse("--max-sessions", "3000")).scaleSteps()).containsExactly(100, 1000, 2500, 3000);

    assertThatThrownBy(() -> Options.parse("--servers", "openfire")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Options.parse("--out")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Options.parse("--max-sessions", "0")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cpuTimesAreReadFromStatFilesAndTheCompilerThreadsAreFound() {
    // a thread's stat line: the command may hold spaces and parentheses; utime 1234, stime 56
    String stat = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 100 0 0 0 1234 56 0 0 20 0 30 0";
    assertThat(Cpu.statTicks(stat)).isEqualTo(1290);
    assertThat(Cpu.statTicks("7 (a) b) c) R 1 7 7 0 -1 0 0 0 0 0 3 4 0 0")).isEqualTo(7);
    // this JVM has compiled something by now (the test framework itself), so its compilers have run
    assertThat(Cpu.compilerTicks()).isPositive();
    Cpu a = Cpu.now(0);
    Cpu b = Cpu.now(0);
    assertThat(b.since(a).jitSeconds()).isGreaterThanOrEqualTo(0);
    assertThat(b.jitNanos()).isLessThanOrEqualTo(b.clientNanos());
  }

  @Test
  void aTaskSurvivesTheTripToTheWorker() throws Exception {
    Target t = new Target("ejabberd", "127.0.0.1", 5222, "example.test", "/tmp/ca.pem", 42, "s", "pw", "PLAIN");
    Task task = Task.scale("ours", t, 0, List.of(100, 1000), 32, 600);
    Task back = Json.COMPACT.readValue(Json.COMPACT.writeValueAsString(task), Task.class);
    assertThat(back).isEqualTo(task);
    assertThat(back.label()).isEqualTo("scale/ours/ejabberd");
    assertThat(t.local(7)).isEqualTo("s7");
  }

  @Test
  void theReportSaysWhichTargetsAreMetAndTheChartsAreDrawn(@TempDir Path out) throws Exception {
    LoadResults r = sample();
    String md = Report.markdown(r);
    assertThat(md).contains("### Scale", "### Throughput", "### IQ round trips", "### Targets");
    // ours: 10,000 sessions, 7 threads, 20 KiB each; 3× Smack's messages, 1.5× its IQs
    assertThat(md).contains("ejabberd: 10,000 sessions: **met** (10,000); at most 12 threads: **met** (7);"
        + " at most 32 KiB heap/session: **met** (20.0 KiB)");
    assertThat(md).contains("ejabberd, 1 pair: 2× Smack's messages/s: **met** (3.00×)");
    assertThat(md).contains("ejabberd, 100 IQs in flight: 2× Smack's round trips/s: **not met** (1.50×)");
    assertThat(md).contains("ejabberd, 10,000 IQs in flight: 2× Smack's round trips/s: **met**"
        + " (5,000/s against none: Smack completed no round trip); Smack: stalled");
    assertThat(Report.marginal(r.scale().get(0))).hasValueSatisfying(v -> assertThat(v).isEqualTo(20 * 1024.0));
    // setup: 10 sessions, 5 s of client CPU of which 1 s compiling
    assertThat(md).contains("| 50 | 500.0 ms | 100.0 ms |");

    Charts.draw(r, out);
    for (String png : List.of("load-scale-heap.png", "load-scale-threads.png", "load-throughput.png", "load-iq.png")) {
      byte[] bytes = Files.readAllBytes(out.resolve(png));
      assertThat(bytes).as(png).startsWith(0x89, 'P', 'N', 'G');
    }
  }

  private static LoadResults sample() {
    Machine m = new Machine("cpu", 2, 1024, "linux", "jdk", "0.12.3", "23.01", "4.4.8", "abc", 1.0,
        List.of(), "20000");
    Latencies.Summary l = new Latencies.Summary(10, 1, 2, 3, 4, 5);
    Cpu.Usage cpu = new Cpu.Usage(10, 5, 5, 12, 1);
    long base = 10L << 20;
    ScaleResult ours = new ScaleResult("ours", "ejabberd", 32, 10_000, 10_000, null, 300, l, base, List.of(
        new ScaleStep(1000, 1000, base + 1000 * 20 * 1024L, 20 * 1024, 7, 20, 0, 3, Map.of("xr-load-epoll-#", 4)),
        new ScaleStep(10_000, 10_000, base + 10_000 * 20 * 1024L, 20 * 1024, 7, 20, 0, 30,
            Map.of("xr-load-epoll-#", 4))), List.of());
    ScaleResult smack = new ScaleResult("smack", "ejabberd", 32, 10_000, 1000, "1 connects failed at step 2500",
        200, l, base, List.of(new ScaleStep(1000, 1000, base + 1000 * 100 * 1024L, 100 * 1024, 2008, 2020, 0, 5,
        Map.of("Smack Reader (#)", 1000))), List.of("OutOfMemoryError"));
    return new LoadResults(m, "LoadBenchmark", "now", 1, false, "PLAIN", List.of(ours, smack),
        List.of(new SetupResult("ours", "ejabberd", 10, 0, 50, l, cpu, List.of())),
        List.of(new ThroughputResult("ours", "ejabberd", 1, 1000, 30_000, 3000, cpu, 100, 100, 31_000, 0, 0, List.of()),
            new ThroughputResult("smack", "ejabberd", 1, 1000, 10_000, 1000, cpu, 300, 100, 11_000, 0, 0, List.of())),
        List.of(new IqResult("ours", "ejabberd", 100, 15_000, 1500, l, cpu, 50, 50, 0, List.of()),
            new IqResult("smack", "ejabberd", 100, 10_000, 1000, l, cpu, 80, 50, 0, List.of()),
            new IqResult("ours", "ejabberd", 10_000, 50_000, 5000, l, cpu, 40, 50, 0, List.of()),
            new IqResult("smack", "ejabberd", 10_000, 0, 0, l, cpu, 0, 0, 0, List.of("stalled"))),
        List.of());
  }
}
