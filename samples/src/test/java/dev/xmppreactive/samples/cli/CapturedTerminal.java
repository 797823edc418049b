package dev.xmppreactive.samples.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A {@link Terminal} for tests: stdout and stderr captured, each also as a replayed {@code Flux} of
 * lines (so a test can wait for a line with {@code StepVerifier}), an environment of the test's
 * choosing, and shutdown hooks the test runs itself.
 */
final class CapturedTerminal {

  private final Lines out = new Lines();
  private final Lines err = new Lines();
  private final CompletableFuture<Runnable> hook = new CompletableFuture<>();
  private final Terminal terminal;

  CapturedTerminal(Map<String, String> env) {
    this.terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), env,
        action -> {
          hook.complete(action);
          return () -> { };
        });
  }

  Terminal terminal() {
    return terminal;
  }

  /** Everything printed on stdout so far. */
  String out() {
    return out.text();
  }

  /** Everything printed on stderr so far. */
  String err() {
    return err.text();
  }

  /** Stdout's lines: those printed so far, then the next ones. */
  Flux<String> outLines() {
    return out.lines.asFlux();
  }

  /** Runs what the command registered for SIGTERM/SIGINT, as the JVM would on a signal. */
  void signalStop(Duration wait) throws Exception {
    hook.get(wait.toMillis(), TimeUnit.MILLISECONDS).run();
  }

  /** A writer that keeps the text and publishes each complete line. */
  private static final class Lines extends Writer {
    private final StringBuilder all = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private final Sinks.Many<String> lines = Sinks.many().replay().all();

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        char c = buf[i];
        all.append(c);
        if (c == '\n') {
          String l = line.toString();
          line.setLength(0);
          lines.emitNext(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l,
              Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        } else {
          line.append(c);
        }
      }
    }

    synchronized String text() {
      return all.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
