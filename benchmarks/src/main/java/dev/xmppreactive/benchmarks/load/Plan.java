package dev.xmppreactive.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The sizes of a run: the full one (BENCHMARKS.md) or the quick smoke run.
 *
 * @param scaleSteps        session counts a scale run stops and measures at
 * @param scaleConcurrency  connects in flight during a scale run
 * @param stepTimeout       the bound on one scale step, in seconds
 * @param setupCount        sessions connected one at a time by a setup run
 * @param pairs             the throughput runs' pair counts
 * @param windowPerPair     the in-flight window of each pair, by pair count (same order as {@code pairs})
 * @param inFlight          the IQ runs' in-flight counts
 * @param warmupSeconds     throughput and IQ warm-up
 * @param seconds           throughput and IQ measured window
 */
record Plan(List<Integer> scaleSteps, int scaleConcurrency, double stepTimeout, int setupCount,
            List<Integer> pairs, List<Integer> windowPerPair, List<Integer> inFlight, double warmupSeconds,
            double seconds) {

  /** The plan for these options. */
  static Plan of(Options o) {
    if (o.quick()) {
      return new Plan(steps(o.maxSessions(), List.of(10, 25, 50)), 8, 120, 10, List.of(1, 10),
          List.of(1000, 100), List.of(1, 10, 100), 1, 2);
    }
    return new Plan(steps(o.maxSessions(), List.of(100, 1000, 2500, 5000, 7500, 10_000)), 32, 600, 100,
        List.of(1, 100), List.of(1000, 100), List.of(1, 100, 10_000), 3, 10);
  }

  private static List<Integer> steps(int max, List<Integer> standard) {
    List<Integer> steps = new ArrayList<>();
    for (int s : standard) {
      if (s < max) {
        steps.add(s);
      }
    }
    steps.add(max);
    return steps;
  }

  /** The last scale step. */
  int maxSessions() {
    return scaleSteps.get(scaleSteps.size() - 1);
  }
}
