package dev.xmppreactive.benchmarks.load;

import java.util.List;

/**
 * Messages pushed from senders to receivers through the server.
 *
 * @param client            {@code ours} or {@code smack}
 * @param server            the server's name
 * @param pairs             sender/receiver pairs
 * @param window            messages a pair may have in flight (sent, not yet received)
 * @param received          messages received in the measured window
 * @param perSecond         messages received per second in the measured window, all pairs together
 * @param cpu               CPU used in the measured window
 * @param clientCpuMicros   the client JVM's CPU time per message (its sending and its receiving)
 * @param serverCpuMicros   the server's CPU time per message
 * @param sent              messages sent in the whole run (warm-up included)
 * @param lost              messages sent and never received by the end of the drain
 * @param sessionsDown      sessions that were no longer up at the end
 * @param errors            the first few distinct errors
 */
record ThroughputResult(String client, String server, int pairs, int window, long received, double perSecond,
                        Cpu.Usage cpu, double clientCpuMicros, double serverCpuMicros, long sent, long lost,
                        int sessionsDown, List<String> errors) {
}
