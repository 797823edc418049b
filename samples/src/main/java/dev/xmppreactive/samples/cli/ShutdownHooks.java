package dev.xmppreactive.samples.cli;

/**
 * Where a long-running command registers what to do when the process is asked to stop (SIGTERM,
 * SIGINT). In the jar they are JVM shutdown hooks; a test calls the registered action itself.
 */
@FunctionalInterface
public interface ShutdownHooks {

  /**
   * Registers an action to run when the process is asked to stop.
   *
   * @return what unregisters it (harmless once the process is stopping)
   */
  Runnable register(Runnable action);

  /** JVM shutdown hooks: the action runs on SIGTERM, SIGINT (Ctrl-C) and {@code System.exit}. */
  static ShutdownHooks jvm() {
    return action -> {
      Thread hook = new Thread(action, "xmpp-samples-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      return () -> {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
          // the JVM is already shutting down: the hook runs, or ran
        }
      };
    };
  }
}
