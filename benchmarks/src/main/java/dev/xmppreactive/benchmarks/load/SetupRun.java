package dev.xmppreactive.benchmarks.load;

/** Connects sessions one after another (one connect in flight) and times each. */
final class SetupRun {
  private SetupRun() {
  }

  static SetupResult run(Task task) throws Exception {
    Target t = task.target();
    try (LoadClient client = LoadClient.of(task.client(), t, 1)) {
      // a few connects first, not timed: class loading and JIT warm-up
      Connects warm = new Connects(client, 1);
      warm.connect(task.firstUser(), Math.min(20, task.count()), task.timeoutSeconds());
      warm.closeAll(30);
      Connects connects = new Connects(client, 1);
      Cpu start = Cpu.now(t.serverPid());
      connects.connect(task.firstUser() + 20, task.count(), task.timeoutSeconds());
      Cpu.Usage cpu = Cpu.now(t.serverPid()).since(start);
      SetupResult result = new SetupResult(task.client(), t.server(), connects.sessions().size(),
          connects.failures(), connects.sessions().size() / connects.seconds(), connects.latencies().summary(),
          cpu, connects.errors());
      Log.info("%s: %d sessions one at a time, %.0f/s, median %.1f ms, p99 %.1f ms", task.label(),
          result.count(), result.perSecond(), result.latency().p50(), result.latency().p99());
      connects.closeAll(60);
      return result;
    }
  }
}
