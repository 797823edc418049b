package dev.xmppreactive.benchmarks.load;

import java.util.Map;

/**
 * One step of a scale run: the sessions held, and what they cost.
 *
 * @param sessions            the sessions asked for
 * @param up                  the sessions still up when measured
 * @param heapBytes           the heap in use after a full GC
 * @param heapPerSessionBytes ({@code heapBytes} - the baseline) / {@code up}
 * @param clientThreads       the live threads the client created
 * @param liveThreads         all live threads of the JVM
 * @param directBytes         direct buffer memory (off-heap)
 * @param connectSeconds      how long the connects of this step took
 * @param threadGroups        the client's threads by name (digits as {@code #})
 */
record ScaleStep(int sessions, int up, long heapBytes, double heapPerSessionBytes, int clientThreads,
                 int liveThreads, long directBytes, double connectSeconds, Map<String, Integer> threadGroups) {
}
