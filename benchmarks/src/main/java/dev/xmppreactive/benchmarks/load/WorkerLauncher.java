package dev.xmppreactive.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link Task} in a fresh JVM ({@link Worker}) on this JVM's class path, and reads back its
 * result. The worker's standard error (its progress) goes to this JVM's.
 */
final class WorkerLauncher {
  private final Options options;

  WorkerLauncher(Options options) {
    this.options = options;
  }

  /**
   * Runs the task and returns its result.
   *
   * @throws WorkerFailedException if the worker exits without a result or does not end in time
   */
  <T> T run(Task task, Class<T> type, double timeoutSeconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.heap());
    command.add("-Xms" + options.heap());
    command.add("-XX:+UseG1GC");
    command.add("-Djava.awt.headless=true");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-Dorg.slf4j.simpleLogger.logFile=System.err");
    command.add("-Dload.out=" + options.out().toAbsolutePath());
    if (options.jfr()) {
      Path dir = options.out().resolve("jfr");
      Files.createDirectories(dir);
      command.add("-XX:StartFlightRecording=settings=profile,filename="
          + dir.resolve(task.label().replace('/', '-') + ".jfr"));
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Worker.class.getName());
    command.add(Json.COMPACT.writeValueAsString(task));
    Log.info("worker %s starts", task.label());
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getOutputStream().close();
    String[] result = new String[1];
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          if (line.startsWith(Worker.RESULT)) {
            result[0] = line.substring(Worker.RESULT.length());
          } else {
            System.out.println(line);
          }
        }
      } catch (IOException e) {
        // the worker is gone
      }
    }, "worker-output");
    reader.start();
    if (!p.waitFor((long) timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      throw new WorkerFailedException(task.label() + ": no result within " + timeoutSeconds + " s; killed");
    }
    reader.join(5_000);
    if (result[0] == null) {
      throw new WorkerFailedException(task.label() + ": exited with " + p.exitValue() + " and no result");
    }
    return Json.COMPACT.readValue(result[0], type);
  }

  /** A worker that gave no result. */
  static final class WorkerFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkerFailedException(String message) {
      super(message);
    }
  }
}
