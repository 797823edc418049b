package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness and stopping, on small shell processes standing in for servers. */
class ReadinessTest {
  @TempDir
  Path folder;

  @Test
  void aProcessThatExitsFailsTheStartWithItsOutputTail() {
    Path output = folder.resolve("out");
    ServerProcess process = ServerProcess.start("fake", List.of("sh", "-c", "echo config error on line 3; exit 3"),
        Map.of(), folder, output);
    assertThatThrownBy(() -> Readiness.await(process, Duration.ofSeconds(30), () -> Readiness.Status.WAITING,
        () -> LogTail.tail(5, output)))
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("exited with code 3")
        .hasMessageContaining("config error on line 3");
  }

  @Test
  void aProcessThatNeverGetsReadyTimesOutAndStops() {
    Path output = folder.resolve("out");
    ServerProcess process = ServerProcess.start("fake", List.of("sh", "-c", "echo starting; exec sleep 60"),
        Map.of(), folder, output);
    try {
      assertThatThrownBy(() -> Readiness.await(process, Duration.ofMillis(300), () -> Readiness.Status.WAITING,
          () -> LogTail.tail(5, output)))
          .isInstanceOf(ServerStartException.class)
          .hasMessageContaining("not ready within PT0.3S");
    } finally {
      assertThat(process.stop(Duration.ofSeconds(5))).as("sleep exits on SIGTERM").isTrue();
    }
    assertThat(process.isAlive()).isFalse();
  }

  @Test
  void aPortConflictIsReportedAsSuch() {
    ServerProcess process = ServerProcess.start("fake", List.of("sh", "-c", "exit 1"), Map.of(), folder,
        folder.resolve("out"));
    assertThat(Readiness.await(process, Duration.ofSeconds(30), () -> Readiness.Status.PORT_CONFLICT, () -> ""))
        .isFalse();
  }

  @Test
  void aProcessThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
    Path output = folder.resolve("out");
    ServerProcess process = ServerProcess.start("stubborn",
        List.of("sh", "-c", "trap '' TERM; echo trapped; while :; do sleep 1; done"), Map.of(), folder, output);
    while (!Files.exists(output) || !Files.readString(output).contains("trapped")) {
      Thread.onSpinWait();
    }
    assertThat(process.stop(Duration.ofMillis(300))).as("exited within the grace period").isFalse();
    assertThat(process.isAlive()).isFalse();
  }

  @Test
  void aFolderIsDeletedWithItsContent() throws Exception {
    Path tree = Files.createDirectories(folder.resolve("a/b/c"));
    Files.writeString(tree.resolve("file"), "x");
    Cleanup.deleteRecursively(folder.resolve("a"));
    assertThat(folder.resolve("a")).doesNotExist();
    Cleanup.deleteRecursively(folder.resolve("a"));
  }
}
