package dev.xmppreactive.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A child process of this JVM: a server or a helper of one. Its standard output and error go to a
 * file; its standard input stays a pipe from this JVM, so that a process watching it sees end of
 * file when this JVM dies, however it dies.
 */
final class ServerProcess {
  private final String label;
  private final Process process;

  private ServerProcess(String label, Process process) {
    this.label = label;
    this.process = process;
  }

  /**
   * Starts a process in {@code directory}, with {@code environment} added to this JVM's.
   *
   * @param output where its standard output and error go (appended)
   */
  static ServerProcess start(String label, List<String> command, Map<String, String> environment,
                             Path directory, Path output) {
    return start(label, command, environment, directory, output, false);
  }

  /**
   * Starts a process as {@link #start(String, List, Map, Path, Path)} does; if {@code pipeStdout},
   * its standard output is a pipe to read through {@link #stdout()} and only its error goes to the file.
   */
  static ServerProcess start(String label, List<String> command, Map<String, String> environment,
                             Path directory, Path output, boolean pipeStdout) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    if (pipeStdout) {
      builder.redirectError(ProcessBuilder.Redirect.appendTo(output.toFile()));
    } else {
      builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    }
    builder.environment().putAll(environment);
    try {
      return new ServerProcess(label, builder.start());
    } catch (IOException e) {
      throw new ServerStartException("cannot start " + label + ": " + String.join(" ", command), e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, or -1 while it runs. */
  int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** Its standard output, if it was started with a pipe for it. */
  InputStream stdout() {
    return process.getInputStream();
  }

  /** The pipe to its standard input. */
  OutputStream stdin() {
    return process.getOutputStream();
  }

  /**
   * Stops the process: SIGTERM, up to {@code grace} to exit, then SIGKILL. Descendants still alive
   * afterwards are killed too.
   *
   * @return whether it exited within the grace period
   */
  boolean stop(Duration grace) {
    List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
    boolean graceful = true;
    if (process.isAlive()) {
      process.destroy();
      graceful = waitFor(grace);
      if (!graceful) {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
      }
    }
    closeStdin();
    for (ProcessHandle descendant : descendants) {
      if (descendant.isAlive()) {
        descendant.destroyForcibly();
      }
    }
    return graceful;
  }

  /** Closes its standard input: a process that watches it sees end of file. */
  void closeStdin() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // the pipe is closed already
    }
  }

  /** Waits for the process to exit; returns whether it did. */
  boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  @Override
  public String toString() {
    return label + " (pid " + process.pid() + ")";
  }
}
