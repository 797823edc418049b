package dev.xmppreactive.benchmarks.load;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, kept whole (a load run records at most a few million), and their
 * percentiles. Thread-safe.
 */
final class Latencies {
  private long[] samples = new long[1024];
  private int size;

  /** Records one sample. */
  synchronized void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  /** How many samples there are. */
  synchronized int size() {
    return size;
  }

  /** The percentiles of the samples so far, in milliseconds. */
  synchronized Summary summary() {
    if (size == 0) {
      return new Summary(0, 0, 0, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    return new Summary(size, ms(at(sorted, 0.50)), ms(at(sorted, 0.90)), ms(at(sorted, 0.99)),
        ms(at(sorted, 0.999)), ms(sorted[size - 1]));
  }

  private static long at(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /**
   * Percentiles in milliseconds (nearest-rank).
   *
   * @param count how many samples
   * @param p50   the median
   * @param p90   the 90th percentile
   * @param p99   the 99th percentile
   * @param p999  the 99.9th percentile
   * @param max   the largest sample
   */
  record Summary(int count, double p50, double p90, double p99, double p999, double max) {
  }
}
