package dev.xmppreactive.samples.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may touch outside the JVM: where it prints, the environment it reads
 * ({@code XMPP_PASSWORD}), and how it learns that the process is asked to stop. Tests give their own.
 *
 * @param out   where the command's output goes
 * @param err   where errors and progress go
 * @param env   the environment variables
 * @param hooks where to register what to do on SIGTERM or SIGINT
 */
public record Terminal(PrintWriter out, PrintWriter err, Map<String, String> env,
                       ShutdownHooks hooks) {

  /** Checks the values and copies the environment. */
  public Terminal {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
    Objects.requireNonNull(hooks, "hooks");
  }

  /** The process's stdout, stderr, environment and JVM shutdown hooks. */
  public static Terminal system() {
    return new Terminal(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        System.getenv(), ShutdownHooks.jvm());
  }
}
