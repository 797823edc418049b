package dev.xmppreactive.benchmarks.load;

/**
 * The entry point of a worker JVM: runs one {@link Task} (given as JSON, the only argument) and
 * prints its result as one line {@code RESULT <json>} on standard output; progress goes to standard
 * error. {@link LoadBenchmark} starts one worker per measurement, so that each client's heap and
 * threads are measured alone.
 */
public final class Worker {
  /** The prefix of the result line. */
  static final String RESULT = "RESULT ";

  private Worker() {
  }

  /**
   * Runs the task and exits.
   *
   * @param args the task as JSON
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: Worker <task as JSON>");
      System.exit(2);
    }
    // Smack and BouncyCastle log through java.util.logging at INFO (Smack once per IQ burst); keep warnings
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
      h.setLevel(java.util.logging.Level.WARNING);
    }
    JvmStats stats = JvmStats.baseline();
    Task task = Json.COMPACT.readValue(args[0], Task.class);
    Object result = switch (task.workload()) {
      case "scale" -> ScaleRun.run(task, stats);
      case "setup" -> SetupRun.run(task);
      case "throughput" -> ThroughputRun.run(task);
      case "iq" -> IqRun.run(task);
      default -> throw new IllegalArgumentException("unknown workload: " + task.workload());
    };
    System.out.println(RESULT + Json.COMPACT.writeValueAsString(result));
    System.out.flush();
    // sessions that did not close in time must not keep the JVM (non-daemon event loops, Smack's threads)
    System.exit(0);
  }
}
