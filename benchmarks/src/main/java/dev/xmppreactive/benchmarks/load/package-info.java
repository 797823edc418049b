/**
 * Load programs: many sessions of our client and of Smack 4.4.8 against real ejabberd and Prosody
 * processes on loopback, in the same run, with their results as tables and charts.
 *
 * <p>{@link dev.xmppreactive.benchmarks.load.LoadBenchmark} is the entry point: it starts the
 * servers through the test harness ({@code xmpp-reactive-servers}), creates the accounts, and runs
 * each measurement in a fresh worker JVM ({@link dev.xmppreactive.benchmarks.load.Worker}), so that
 * the heap and threads of one client are never mixed with the other's. Ours and Smack take turns on
 * each workload. The workloads: {@link dev.xmppreactive.benchmarks.load.ScaleRun} (sessions held, with
 * heap and threads), {@link dev.xmppreactive.benchmarks.load.SetupRun} (connect to bound session),
 * {@link dev.xmppreactive.benchmarks.load.ThroughputRun} (messages through the server) and
 * {@link dev.xmppreactive.benchmarks.load.IqRun} (IQ round trips with requests in flight).
 *
 * <p>Nothing here runs in the build's tests but a small smoke test; the program is run by hand (see
 * BENCHMARKS.md).
 */
package dev.xmppreactive.benchmarks.load;
