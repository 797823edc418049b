package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fresh servers: each from its own folder, several at once, and nothing left behind however they end. */
class ServerLifecycleIT {

  private static XmppServer start(ServerKind kind) {
    Installation.requireOrSkip(kind);
    return kind == ServerKind.PROSODY
        ? ProsodyServer.start(ProsodyOptions.defaults()) : EjabberdServer.start(EjabberdOptions.defaults());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void startsFromAFreshFolderAndStopsWithoutATrace(ServerKind kind) throws IOException {
    Set<ProcessHandle> before = children();
    long t0 = System.nanoTime();
    XmppServer server = start(kind);
    long t1 = System.nanoTime();
    Path folder = server.folder();
    long pid = server.pid();
    Set<ProcessHandle> children = children();
    children.removeAll(before);
    try {
      assertThat(server.name()).isEqualTo(kind.id());
      assertThat(folder.getFileName().toString()).startsWith("xmpp-reactive-" + kind.id() + "-");
      assertThat(server.trustAnchorPem()).startsWith(folder).isRegularFile();
      assertThat(server.logFile()).startsWith(folder).isRegularFile();
      assertThat(Files.readString(server.trustAnchorPem())).startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(server.starttlsPort()).isNotEqualTo(server.directTlsPort());
      assertThat(server.isRunning()).isTrue();
      assertThat(children).extracting(ProcessHandle::pid).contains(pid);
      if (kind == ServerKind.PROSODY) {
        assertThat(folder.resolve("prosody.cfg.lua")).content().contains("c2s_ports = { " + server.starttlsPort());
        assertThat(folder.resolve("prosody.pid")).content().isEqualToIgnoringWhitespace(Long.toString(pid));
      } else {
        assertThat(folder.resolve("ejabberd.yml")).content().contains("port: " + server.starttlsPort());
        assertThat(folder.resolve("ejabberd.pid")).content().isEqualToIgnoringWhitespace(Long.toString(pid));
        assertThat(children).as("the server node and its control node").hasSizeGreaterThanOrEqualTo(2);
      }
      try (RawXmpp xmpp = RawXmpp.plain(server, server.starttlsPort())) {
        assertThat(xmpp.openStream(server.domain())).contains("urn:ietf:params:xml:ns:xmpp-tls");
      }
    } finally {
      server.close();
    }
    long t2 = System.nanoTime();
    System.out.printf("%s: started in %d ms, stopped in %d ms%n", kind.id(), (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000);
    assertThat(server.isRunning()).isFalse();
    assertThat(children).noneMatch(ProcessHandle::isAlive);
    assertThat(folder).doesNotExist();
    server.close();
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void twoOfTheSameKindRunAtOnce(ServerKind kind) throws IOException {
    try (XmppServer first = start(kind); XmppServer second = start(kind)) {
      assertThat(second.folder()).isNotEqualTo(first.folder());
      assertThat(second.pid()).isNotEqualTo(first.pid());
      assertThat(List.of(second.starttlsPort(), second.directTlsPort()))
          .doesNotContainAnyElementsOf(List.of(first.starttlsPort(), first.directTlsPort()));
      for (XmppServer server : List.of(first, second)) {
        TestUser user = server.newUser("twin");
        try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
          xmpp.openStream(server.domain());
          assertThat(xmpp.authPlain(user.local(), user.password())).startsWith("<success");
        }
      }
      TestUser onlyOnFirst = first.newUser("only");
      try (RawXmpp xmpp = RawXmpp.directTls(second, second.trustAnchor())) {
        xmpp.openStream(second.domain());
        assertThat(xmpp.authPlain(onlyOnFirst.local(), onlyOnFirst.password())).startsWith("<failure");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void theShutdownHookStopsTheServerWhenTheJvmExits(ServerKind kind) throws Exception {
    Installation.requireOrSkip(kind);
    Process jvm = probe(kind, "exit");
    String[] ready = readyLine(jvm);
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(ready[1]));
    assertThat(server.filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(Path.of(ready[2])).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void theServerStopsItselfWhenTheJvmIsKilled(ServerKind kind) throws Exception {
    Installation.requireOrSkip(kind);
    Process jvm = probe(kind, "hang");
    String[] ready = readyLine(jvm);
    Path folder = Path.of(ready[2]);
    ProcessHandle server = ProcessHandle.of(Long.parseLong(ready[1])).orElseThrow();
    try {
      jvm.destroyForcibly();
      assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
      server.onExit().get(30, TimeUnit.SECONDS);
      assertThat(server.isAlive()).isFalse();
    } finally {
      server.destroyForcibly();
      Cleanup.deleteRecursively(folder);
    }
  }

  private static Process probe(ServerKind kind, String mode) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        OrphanProbe.class.getName(), kind.id(), mode)
        .redirectErrorStream(true).start();
  }

  private static String[] readyLine(Process jvm) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("READY ")) {
        Thread drain = new Thread(() -> drain(out));
        drain.setDaemon(true);
        drain.start();
        return line.split(" ");
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the probe JVM ended without starting its server:\n" + seen);
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // keep the pipe flowing
      }
    } catch (IOException ignored) {
      // the probe is gone
    }
  }

  /** The live child processes of this JVM. */
  private static Set<ProcessHandle> children() {
    return ProcessHandle.current().children().collect(Collectors.toCollection(HashSet::new));
  }
}
