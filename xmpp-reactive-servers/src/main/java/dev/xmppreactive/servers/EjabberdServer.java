package dev.xmppreactive.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A private ejabberd 23.01 instance: an Erlang node started with {@code erl ... -s ejabberd} as a
 * child process of this JVM, with its own node name, a private cookie (in {@code <folder>/.erlang.cookie}),
 * Erlang distribution on a free loopback port ({@code -erl_epmd_port}, no epmd) and its Mnesia
 * database in the folder. Accounts are administered by a hidden control node over distribution
 * ({@link EjabberdControl}).
 *
 * <p>Ready when the log says "is started in the node" and that both listeners accept, and both
 * ports accept connections.
 */
public final class EjabberdServer extends AbstractServer {
  /** The SQL schema ejabberd 23.01 needs for MAM on SQLite (it does not create it). */
  static final Path SQLITE_SCHEMA = Path.of("/usr/share/ejabberd/sql/lite.sql");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private final EjabberdOptions options;
  private final EjabberdControl control;
  private final String node;

  private EjabberdServer(EjabberdOptions options, Path folder, TestCertificates certificates, ServerProcess process,
                         Cleanup cleanup, int[] ports, EjabberdControl control, String node) {
    super(ServerKind.EJABBERD, options.domain(), folder, certificates, process, cleanup, ports[0], ports[1],
        folder.resolve("ejabberd.log"));
    this.options = options;
    this.control = control;
    this.node = node;
  }

  /**
   * Starts ejabberd from a fresh temporary folder on free loopback ports, and waits until it is ready.
   *
   * @throws ServerNotInstalledException if ejabberd (or, with MAM, SQLite) is not installed
   * @throws ServerStartException        if it does not become ready within the options' timeout
   */
  public static EjabberdServer start(EjabberdOptions options) {
    return start(options, FreePorts::pick);
  }

  /** {@link #start(EjabberdOptions)} on the ports {@code portPicker} picks (for tests of the retry on a port taken). */
  static EjabberdServer start(EjabberdOptions options, IntFunction<int[]> portPicker) {
    Objects.requireNonNull(options, "options");
    Installation.require(Installation.missing(options));
    Path erl = Installation.executable("erl").orElseThrow();
    Path libs = Installation.ejabberdLibs().orElseThrow();
    Path folder = newFolder(ServerKind.EJABBERD);
    Cleanup cleanup = new Cleanup("ejabberd", folder);
    try {
      TestCertificates certificates =
          TestCertificates.generate(folder.resolve("certs"), options.domain(), options.certificateTrust());
      SecureRandom random = new SecureRandom();
      String id = HexFormat.of().formatHex(bytes(random, 6));
      String node = "xr_" + id + "@localhost";
      writeCookie(folder.resolve(".erlang.cookie"), random);
      if (options.mam()) {
        createSqliteSchema(folder, cleanup);
      }
      Map<String, String> environment = Map.of(
          "HOME", folder.toString(),
          "EJABBERD_CONFIG_PATH", folder.resolve("ejabberd.yml").toString(),
          "EJABBERD_LOG_PATH", folder.resolve("ejabberd.log").toString(),
          "EJABBERD_PID_PATH", folder.resolve("ejabberd.pid").toString(),
          "ERL_LIBS", libs.toString(),
          "ERL_CRASH_DUMP", folder.resolve("erl_crash.dump").toString());
      Path log = folder.resolve("ejabberd.log");
      Path output = folder.resolve("ejabberd.out");
      return PortAttempts.run("ejabberd", 3, portPicker, ports -> {
        prepareAttempt(options, folder, certificates, ports);
        ServerProcess process = ServerProcess.start("ejabberd", List.of(erl.toString(),
            "-sname", node, "-erl_epmd_port", Integer.toString(ports[2]), "-start_epmd", "false",
            "-kernel", "inet_dist_use_interface", "{127,0,0,1}",
            "-mnesia", "dir", "\"" + folder.resolve("db") + "\"",
            "-s", "ejabberd", "-noinput"), environment, folder, output);
        cleanup.add(process);
        boolean ready = Readiness.await(process, options.startupTimeout(), () -> status(log, output, ports),
            () -> LogTail.tail(40, log, output));
        if (!ready) {
          cleanup.stopNow(process);
          return null;
        }
        EjabberdControl control = EjabberdControl.start(erl, "xrctl_" + id + "@localhost", node, options.domain(),
            ports[2], environment, folder, cleanup, options.startupTimeout());
        return new EjabberdServer(options, folder, certificates, process, cleanup, ports, control, node);
      });
    } catch (IOException e) {
      cleanup.close();
      throw new ServerStartException("cannot prepare ejabberd's folder " + folder, e);
    } catch (RuntimeException | Error e) {
      cleanup.close();
      throw e;
    }
  }

  private static byte[] bytes(SecureRandom random, int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private static void writeCookie(Path file, SecureRandom random) throws IOException {
    String cookie = HexFormat.of().withUpperCase().formatHex(bytes(random, 16));
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, cookie);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
  }

  /** Loads the SQLite schema ejabberd's MAM needs, in WAL mode. */
  private static void createSqliteSchema(Path folder, Cleanup cleanup) throws IOException {
    Path sqlite = Installation.executable("sqlite3").orElseThrow();
    Path output = folder.resolve("sqlite3.out");
    ServerProcess process = ServerProcess.start("sqlite3", List.of(sqlite.toString(),
        folder.resolve("ejabberd.db").toString(), "PRAGMA journal_mode=WAL;", ".read " + SQLITE_SCHEMA),
        Map.of(), folder, output);
    process.closeStdin();
    if (!process.waitFor(Duration.ofSeconds(60)) || process.exitCode() != 0) {
      cleanup.stopNow(process);
      throw new ServerStartException("sqlite3 could not load " + SQLITE_SCHEMA + LogTail.tail(20, output));
    }
  }

  /** Writes the configuration for these ports and removes what a failed attempt left. */
  private static void prepareAttempt(EjabberdOptions options, Path folder, TestCertificates certificates, int[] ports) {
    try {
      for (String name : List.of("ejabberd.log", "error.log", "crash.log", "ejabberd.out")) {
        Files.deleteIfExists(folder.resolve(name));
      }
      Cleanup.deleteRecursively(folder.resolve("db"));
      Files.writeString(folder.resolve("ejabberd.yml"),
          EjabberdConfig.render(options, folder, certificates, ports[0], ports[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Readiness.Status status(Path log, Path output, int[] ports) {
    String text = LogTail.read(log) + LogTail.read(output);
    for (String failure : EjabberdConfig.BIND_FAILURES) {
      if (text.contains(failure)) {
        return Readiness.Status.PORT_CONFLICT;
      }
    }
    boolean ready = text.contains(EjabberdConfig.STARTED)
        && text.contains(EjabberdConfig.accepting("TCP", ports[0]))
        && text.contains(EjabberdConfig.accepting("TLS", ports[1]))
        && Readiness.accepts(ports[0]) && Readiness.accepts(ports[1]);
    return ready ? Readiness.Status.READY : Readiness.Status.WAITING;
  }

  /** The options this instance was started with. */
  public EjabberdOptions options() {
    return options;
  }

  /** The Erlang node name of the server, e.g. {@code xr_0a1b2c3d4e5f@localhost}. */
  public String node() {
    return node;
  }

  @Override
  public TestUser createUser(String local, String password) {
    Checks.local(local);
    Checks.password(password);
    expect("ok", control.call(COMMAND_TIMEOUT, "register", local, password), "create " + local);
    return new TestUser(local, domain(), password);
  }

  @Override
  public List<TestUser> createUsers(String prefix, int count, String password) {
    Objects.requireNonNull(prefix, "prefix");
    Checks.count(count);
    Checks.password(password);
    if (count == 0) {
      return List.of();
    }
    Checks.local(prefix + "0");
    String answer = control.call(COMMAND_TIMEOUT.plusMillis(2L * count), "bulk", List.of(prefix, password),
        List.of(Integer.toString(count)));
    expect("{ok," + count + "}", answer, "create " + count + " users " + prefix + "*");
    List<TestUser> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      users.add(new TestUser(prefix + i, domain(), password));
    }
    return users;
  }

  @Override
  public void deleteUser(String local) {
    Checks.local(local);
    expect("ok", control.call(COMMAND_TIMEOUT, "remove", local), "delete " + local);
  }

  @Override
  public int kickUser(String local) {
    Checks.local(local);
    String answer = control.call(COMMAND_TIMEOUT, "kick", local);
    try {
      return Integer.parseInt(answer.trim());
    } catch (NumberFormatException e) {
      throw new ServerCommandException("ejabberd could not kick " + local + ": " + answer);
    }
  }

  private static void expect(String expected, String answer, String what) {
    if (!expected.equals(answer.trim())) {
      throw new ServerCommandException("ejabberd could not " + what + ": " + answer);
    }
  }

  @Override
  void closeAdministration() {
    // the control node stops with the server (Cleanup stops it first)
  }
}
