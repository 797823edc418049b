package dev.xmppreactive.benchmarks.load;

import java.util.List;

/**
 * Connection setup one at a time: the time from {@code connect} to a bound session with nothing else
 * in flight.
 *
 * @param client     {@code ours} or {@code smack}
 * @param server     the server's name
 * @param count      sessions connected
 * @param failures   connects that failed
 * @param perSecond  sessions established per second, one after another
 * @param latency    time from {@code connect} to a bound session
 * @param cpu        CPU used during the connects
 * @param errors     the first few distinct errors
 */
record SetupResult(String client, String server, int count, int failures, double perSecond,
                   Latencies.Summary latency, Cpu.Usage cpu, List<String> errors) {
}
