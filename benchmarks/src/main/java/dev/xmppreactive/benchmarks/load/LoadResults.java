package dev.xmppreactive.benchmarks.load;

import java.util.List;

/**
 * Everything one run of {@link LoadBenchmark} measured; written to {@code load-results.json}.
 *
 * @param machine    the machine and versions
 * @param command    the command line
 * @param started    when the run started (ISO-8601)
 * @param minutes    how long it took
 * @param quick      whether it was a quick (smoke) run
 * @param sasl       the SASL mechanism both clients used
 * @param scale      the scale runs
 * @param setup      the one-at-a-time connection setup runs
 * @param throughput the throughput runs
 * @param iq         the IQ runs
 * @param failures   runs that gave no result, and why
 */
record LoadResults(Machine machine, String command, String started, double minutes, boolean quick, String sasl,
                   List<ScaleResult> scale, List<SetupResult> setup, List<ThroughputResult> throughput,
                   List<IqResult> iq, List<String> failures) {
}
