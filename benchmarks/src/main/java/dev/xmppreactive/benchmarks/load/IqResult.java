package dev.xmppreactive.benchmarks.load;

import java.util.List;

/**
 * IQ round trips (XMPP ping to the server) on one session with a fixed number in flight.
 *
 * @param client          {@code ours} or {@code smack}
 * @param server          the server's name
 * @param inFlight        requests in flight at all times
 * @param completed       round trips completed in the measured window
 * @param perSecond       round trips per second in the measured window
 * @param latency         request to reply, for requests sent and answered in the window
 * @param cpu             CPU used in the measured window
 * @param clientCpuMicros the client JVM's CPU time per round trip
 * @param serverCpuMicros the server's CPU time per round trip
 * @param failed          requests that failed (timeouts, errors) in the whole run
 * @param errors          the first few distinct errors
 */
record IqResult(String client, String server, int inFlight, long completed, double perSecond,
                Latencies.Summary latency, Cpu.Usage cpu, double clientCpuMicros, double serverCpuMicros,
                long failed, List<String> errors) {
}
