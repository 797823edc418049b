package dev.xmppreactive.benchmarks.load;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of {@link LoadBenchmark}.
 *
 * @param out         where the results, the report and the charts go
 * @param quick       a smoke run: a few sessions, short windows
 * @param servers     the servers to run against, in order
 * @param clients     the clients, in the order they take turns
 * @param workloads   the workloads to run
 * @param maxSessions the last step of the scale runs
 * @param heap        the worker JVMs' maximum heap ({@code -Xmx})
 * @param jfr         whether each worker records a Java Flight Recording into {@code out/jfr}
 * @param sasl        the SASL mechanism both clients use ({@code PLAIN} by default, or {@code SCRAM-SHA-1})
 * @param tlsVariant  whether the scale runs on the first server also run {@code ours-jdktls} (ours on the
 *                    JDK's TLS provider), to show what the default TLS provider costs per session
 * @param reportOnly  only redraw the report and charts from {@code out/load-results.json}
 */
record Options(Path out, boolean quick, List<String> servers, List<String> clients, List<String> workloads,
               int maxSessions, String heap, boolean jfr, String sasl, boolean tlsVariant,
               boolean reportOnly) {

  static final String USAGE = """
      usage: LoadBenchmark [--out DIR] [--quick] [--servers ejabberd,prosody] [--clients ours,smack]
                           [--workloads scale,setup,throughput,iq] [--max-sessions N] [--heap 4g] [--jfr]
                           [--sasl PLAIN|SCRAM-SHA-1] [--no-tls-variant] [--report]""";

  /** Parses the arguments. */
  static Options parse(String... args) {
    Path out = Path.of("benchmarks/results");
    boolean quick = false;
    List<String> servers = List.of("ejabberd", "prosody");
    List<String> clients = List.of("ours", "smack");
    List<String> workloads = List.of("scale", "setup", "throughput", "iq");
    Integer max = null;
    String heap = "4g";
    boolean jfr = false;
    String sasl = "PLAIN";
    boolean tlsVariant = true;
    boolean reportOnly = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--quick" -> quick = true;
        case "--servers" -> servers = List.of(value(args, ++i, a).split(","));
        case "--clients" -> clients = List.of(value(args, ++i, a).split(","));
        case "--workloads" -> workloads = List.of(value(args, ++i, a).split(","));
        case "--max-sessions" -> max = Integer.parseInt(value(args, ++i, a));
        case "--heap" -> heap = value(args, ++i, a);
        case "--jfr" -> jfr = true;
        case "--sasl" -> sasl = value(args, ++i, a);
        case "--no-tls-variant" -> tlsVariant = false;
        case "--report" -> reportOnly = true;
        default -> throw new IllegalArgumentException("unknown argument " + a + "\n" + USAGE);
      }
    }
    for (String s : servers) {
      if (!s.equals("ejabberd") && !s.equals("prosody")) {
        throw new IllegalArgumentException("unknown server " + s + "\n" + USAGE);
      }
    }
    for (String c : clients) {
      if (!List.of("ours", "smack", "ours-jdktls", "smack-nosm").contains(c)) {
        throw new IllegalArgumentException("unknown client " + c + "\n" + USAGE);
      }
    }
    if (!sasl.equals("PLAIN") && !sasl.equals("SCRAM-SHA-1")) {
      throw new IllegalArgumentException("unknown SASL mechanism " + sasl + "\n" + USAGE);
    }
    int maxSessions = max != null ? max : quick ? 50 : 10_000;
    if (maxSessions < 1) {
      throw new IllegalArgumentException("--max-sessions must be positive");
    }
    return new Options(out, quick, servers, clients, workloads, maxSessions, heap, jfr, sasl, tlsVariant, reportOnly);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
    }
    return args[i];
  }
}
