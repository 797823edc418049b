package dev.xmppreactive.servers;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must go when a server goes: its processes (stopped in the reverse order of their start) and
 * its temporary folder. Runs once, on {@link #close()} or from a JVM shutdown hook, whichever comes first.
 */
final class Cleanup implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);
  /** Time a server has to exit after SIGTERM before it is killed. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Path folder;
  private final List<ServerProcess> processes = new ArrayList<>();
  private final AtomicBoolean done = new AtomicBoolean();
  private final Thread hook;

  /** Registers a shutdown hook that cleans up if {@link #close()} is not called first. */
  Cleanup(String label, Path folder) {
    this.folder = folder;
    this.hook = new Thread(this::run, "xmpp-reactive-servers-cleanup-" + label);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Adds a process to stop. */
  synchronized void add(ServerProcess process) {
    processes.add(process);
  }

  /** Stops a process now (e.g. after a failed start) and forgets it. */
  void stopNow(ServerProcess process) {
    synchronized (this) {
      processes.remove(process);
    }
    process.stop(STOP_GRACE);
  }

  /** Stops the processes and deletes the folder. Idempotent. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or ran: run() below is a no-op then
    }
    run();
  }

  private void run() {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    List<ServerProcess> toStop;
    synchronized (this) {
      toStop = new ArrayList<>(processes);
      processes.clear();
    }
    for (int i = toStop.size() - 1; i >= 0; i--) {
      ServerProcess process = toStop.get(i);
      if (!process.stop(STOP_GRACE)) {
        LOG.warn("{} did not exit within {} of SIGTERM and was killed", process, STOP_GRACE);
      }
    }
    deleteRecursively(folder);
  }

  /** Deletes a folder tree; logs what cannot be deleted. */
  static void deleteRecursively(Path root) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (NoSuchFileException gone) {
      // nothing to delete
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", root, e.toString());
    }
  }
}
