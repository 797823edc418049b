package dev.xmppreactive.benchmarks.load;

import dev.xmppreactive.servers.XmppServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The load benchmark: our client and Smack 4.4.8 against ejabberd and Prosody on loopback, in one
 * run, taking turns. For each server: a scale run per client, connection setup, throughput (1 and
 * 100 pairs) and IQ round trips (1, 100 and 10,000 in flight), each workload for both clients before
 * the next; every measurement on a fresh server instance of its own, in its own worker JVM
 * ({@link Worker}). Writes {@code load-results.json}, {@code load-report.md} and
 * the charts ({@code load-*.png}) into the output folder.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.xmppreactive.benchmarks.load.LoadBenchmark --out benchmarks/results
 * </pre>
 */
public final class LoadBenchmark {
  private final Options options;
  private final Plan plan;
  private final WorkerLauncher workers;
  private final List<ScaleResult> scale = new ArrayList<>();
  private final List<SetupResult> setup = new ArrayList<>();
  private final List<ThroughputResult> throughput = new ArrayList<>();
  private final List<IqResult> iq = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  private LoadBenchmark(Options options) {
    this.options = options;
    this.plan = Plan.of(options);
    this.workers = new WorkerLauncher(options);
  }

  /**
   * Runs the benchmark.
   *
   * @param args see {@link Options#USAGE}
   */
  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(options.out());
    if (options.reportOnly()) {
      LoadResults results = Json.COMPACT.readValue(options.out().resolve("load-results.json").toFile(),
          LoadResults.class);
      Files.writeString(options.out().resolve("load-report.md"), Report.markdown(results));
      Charts.draw(results, options.out());
      System.out.println(Report.markdown(results));
      return;
    }
    String started = Instant.now().toString();
    Machine machine = Machine.describe();
    Log.info("load benchmark on %s, %d cores; load average %.2f; plan %s", machine.cpu(), machine.cores(),
        machine.loadAverage(), Plan.of(options));
    long t0 = System.nanoTime();
    LoadBenchmark run = new LoadBenchmark(options);
    for (String server : options.servers()) {
      run.serverRuns(server);
    }
    double minutes = (System.nanoTime() - t0) / 60e9;
    LoadResults results = new LoadResults(machine, "LoadBenchmark " + String.join(" ", args), started, minutes,
        options.quick(), options.sasl(), run.scale, run.setup, run.throughput, run.iq, run.failures);
    Path json = options.out().resolve("load-results.json");
    Json.MAPPER.writeValue(json.toFile(), results);
    Files.writeString(options.out().resolve("load-report.md"), Report.markdown(results));
    Charts.draw(results, options.out());
    Log.info("done in %.1f minutes: %s, load-report.md, charts in %s", minutes, json, options.out());
    System.out.println(Report.markdown(results));
  }

  private void serverRuns(String server) {
    if (options.workloads().contains("scale")) {
      List<String> clients = new ArrayList<>(options.clients());
      if (options.tlsVariant() && clients.contains("ours") && !clients.contains("ours-jdktls")
          && server.equals(options.servers().get(0))) {
        clients.add("ours-jdktls");
      }
      for (String client : clients) {
        fresh(server, plan.maxSessions() + 1, target -> {
          Task task = Task.scale(client, target, 0, plan.scaleSteps(), plan.scaleConcurrency(), plan.stepTimeout());
          attempt(() -> scale.add(workers.run(task, ScaleResult.class,
              plan.stepTimeout() * plan.scaleSteps().size() + 180)), task);
        });
      }
    }
    if (options.workloads().contains("setup")) {
      for (String client : turns(0)) {
        fresh(server, plan.setupCount() + 20, target -> {
          Task task = Task.setup(client, target, 0, plan.setupCount(), 300);
          attempt(() -> setup.add(workers.run(task, SetupResult.class, 420)), task);
        });
      }
    }
    if (options.workloads().contains("throughput")) {
      for (int i = 0; i < plan.pairs().size(); i++) {
        int pairs = plan.pairs().get(i);
        int window = plan.windowPerPair().get(i);
        for (String client : turns(i + 1)) {
          fresh(server, 2 * pairs, target -> {
            Task task = Task.throughput(client, target, 0, pairs, window, plan.warmupSeconds(), plan.seconds(), 60);
            attempt(() -> throughput.add(workers.run(task, ThroughputResult.class, 300)), task);
          });
        }
      }
    }
    if (options.workloads().contains("iq")) {
      for (int i = 0; i < plan.inFlight().size(); i++) {
        int inFlight = plan.inFlight().get(i);
        for (String client : turns(i)) {
          fresh(server, 1, target -> {
            Task task = Task.iq(client, target, 0, inFlight, plan.warmupSeconds(), plan.seconds(), 60);
            attempt(() -> iq.add(workers.run(task, IqResult.class, 300)), task);
          });
        }
      }
    }
  }

  /**
   * Runs one measurement on a fresh instance of {@code server} with {@code accounts} accounts of its
   * own. Every measurement gets its own instance because a server's speed depends on what it did
   * before: a Prosody 0.12 instance that had carried the setup and throughput runs of both clients
   * answered pings at a third of the rate of a fresh one, for both clients (see BENCHMARKS.md).
   */
  private void fresh(String server, int accounts, Consumer<Target> measurement) {
    try (XmppServer s = Servers.start(server)) {
      measurement.accept(Servers.accounts(s, "u", accounts, options.sasl()));
    } catch (RuntimeException e) {
      Log.info("%s: could not start a fresh instance: %s", server, e);
      failures.add(server + ": " + e.getMessage());
    }
  }

  /** The clients in turn order for the {@code round}-th workload: who goes first alternates. */
  private List<String> turns(int round) {
    List<String> order = new ArrayList<>(options.clients());
    if (round % 2 == 1) {
      java.util.Collections.reverse(order);
    }
    return order;
  }

  private void attempt(Step step, Task task) {
    try {
      step.run();
    } catch (Exception e) {
      Log.info("%s failed: %s", task.label(), e);
      failures.add(task.label() + ": " + e.getMessage());
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }
}
