package dev.xmppreactive.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Holds more and more sessions in this JVM: connects up to each step of the task, then measures heap
 * after a full GC, the client's live threads and direct memory, and goes on until the last step or
 * the first failure (a connect that fails, a step that does not finish in time, a session that
 * dropped).
 */
final class ScaleRun {
  private ScaleRun() {
  }

  static ScaleResult run(Task task, JvmStats stats) throws Exception {
    Target t = task.target();
    try (LoadClient client = LoadClient.of(task.client(), t, task.concurrency())) {
      // one session opened and closed first, so that class initialisation and the client's shared,
      // lazily built state are in the baseline rather than counted against the first sessions
      LoadSession warm = client.connect(task.firstUser()).get((long) task.timeoutSeconds(), TimeUnit.SECONDS);
      warm.close().get(30, TimeUnit.SECONDS);
      long baseline = JvmStats.heapAfterFullGc();
      Connects connects = new Connects(client, task.concurrency());
      List<ScaleStep> steps = new ArrayList<>();
      String stop = null;
      int reached = 0;
      int connected = 0;
      long maxHeap = Runtime.getRuntime().maxMemory();
      for (int target : task.steps()) {
        if (!steps.isEmpty()) {
          ScaleStep last = steps.get(steps.size() - 1);
          double projected = last.heapBytes() + (target - last.up()) * last.heapPerSessionBytes();
          if (projected > 0.9 * maxHeap) {
            // going on would end in GC thrashing and an OutOfMemoryError rather than a measurement
            stop = String.format("heap: %,d sessions would need about %,.0f MiB at %,.0f KiB each;"
                    + " the worker's heap is %,d MiB (-Xmx)", target, projected / 1048576,
                last.heapPerSessionBytes() / 1024, maxHeap / 1048576);
            break;
          }
        }
        double before = connects.seconds();
        boolean inTime = connects.connect(task.firstUser() + 1 + connected, target - connected, task.timeoutSeconds());
        connected = connects.sessions().size();
        double took = connects.seconds() - before;
        int up = connects.up();
        long heap = JvmStats.heapAfterFullGc();
        steps.add(new ScaleStep(target, up, heap, up == 0 ? 0 : (heap - baseline) / (double) up,
            stats.clientThreads(), JvmStats.liveThreads(), JvmStats.directBytes(), took,
            stats.clientThreadGroups()));
        Log.info("%s: %,d sessions up (asked %,d) in %.1f s; heap %,d KiB (%,.0f B/session); %d client threads",
            task.label(), up, target, took, heap / 1024, up == 0 ? 0.0 : (heap - baseline) / (double) up,
            stats.clientThreads());
        if (connects.failures() > 0 || !inTime || up < target) {
          stop = (connects.failures() > 0 ? connects.failures() + " connects failed" : !inTime ? "timed out"
              : (target - up) + " sessions dropped") + " at step " + target + ": " + connects.errors();
          reached = Math.max(reached, up);
          break;
        }
        reached = up;
      }
      Histogram.write(task.label().replace('/', '-') + ".txt", 45);
      Log.info("%s: closing %,d sessions", task.label(), connects.sessions().size());
      ScaleResult result = new ScaleResult(task.client(), t.server(), task.concurrency(),
          task.steps().isEmpty() ? 0 : task.steps().get(task.steps().size() - 1), reached, stop,
          connects.seconds() == 0 ? 0 : connects.sessions().size() / connects.seconds(),
          connects.latencies().summary(), baseline, steps, connects.errors());
      connects.closeAll(60);
      return result;
    }
  }
}
