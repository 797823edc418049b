package dev.xmppreactive.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private Prosody 0.12 instance: {@code prosody --config <folder>/prosody.cfg.lua -F} as a child
 * process of this JVM. Accounts are administered through Prosody's admin socket; bulk creation
 * hashes the password once and stores the same SCRAM credentials for every account (about 4,000
 * accounts a second).
 *
 * <p>Ready when the log says Prosody is started and both services are activated, the admin socket
 * exists and both ports accept connections. A module the harness adds, {@code mod_harness}, logs the
 * start and stops Prosody when its standard input (a pipe from this JVM) closes, so that no Prosody
 * outlives a killed JVM.
 */
public final class ProsodyServer extends AbstractServer {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern RESULT = Pattern.compile("^Result: (.*)$", Pattern.DOTALL);
  private static final int MAX_SOCKET_PATH = 100;

  private final ProsodyOptions options;
  private final ProsodyAdmin admin;

  private ProsodyServer(ProsodyOptions options, Path folder, TestCertificates certificates,
                        ServerProcess process, Cleanup cleanup, int[] ports) {
    super(ServerKind.PROSODY, options.domain(), folder, certificates, process, cleanup, ports[0], ports[1],
        folder.resolve("prosody.log"));
    this.options = options;
    this.admin = new ProsodyAdmin(folder.resolve("admin.sock"));
  }

  /**
   * Starts Prosody from a fresh temporary folder on free loopback ports, and waits until it is ready.
   *
   * @throws ServerNotInstalledException if Prosody is not installed
   * @throws ServerStartException        if it does not become ready within the options' timeout
   */
  public static ProsodyServer start(ProsodyOptions options) {
    return start(options, FreePorts::pick);
  }

  /** {@link #start(ProsodyOptions)} on the ports {@code portPicker} picks (for tests of the retry on a port taken). */
  static ProsodyServer start(ProsodyOptions options, IntFunction<int[]> portPicker) {
    Objects.requireNonNull(options, "options");
    Installation.require(Installation.missing(options));
    Path prosody = Installation.executable("prosody").orElseThrow();
    Path folder = newFolder(ServerKind.PROSODY);
    Cleanup cleanup = new Cleanup("prosody", folder);
    try {
      if (folder.resolve("admin.sock").toString().length() > MAX_SOCKET_PATH) {
        throw new ServerStartException("the temporary folder's path is too long for a Unix socket: " + folder);
      }
      TestCertificates certificates =
          TestCertificates.generate(folder.resolve("certs"), options.domain(), options.certificateTrust());
      Files.createDirectories(folder.resolve("data"));
      installHarnessModule(folder.resolve("plugins"));
      Path config = folder.resolve("prosody.cfg.lua");
      Path log = folder.resolve("prosody.log");
      Path output = folder.resolve("prosody.out");
      return PortAttempts.run("Prosody", 2, portPicker, ports -> {
        try {
          Files.deleteIfExists(log);
          Files.writeString(config, ProsodyConfig.render(options, folder, certificates, ports[0], ports[1]));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        ServerProcess process = ServerProcess.start("prosody",
            List.of(prosody.toString(), "--config", config.toString(), "-F"), Map.of(), folder, output);
        cleanup.add(process);
        boolean ready = Readiness.await(process, options.startupTimeout(),
            () -> status(log, folder.resolve("admin.sock"), ports), () -> LogTail.tail(40, log, output));
        if (!ready) {
          cleanup.stopNow(process);
          return null;
        }
        return new ProsodyServer(options, folder, certificates, process, cleanup, ports);
      });
    } catch (IOException e) {
      cleanup.close();
      throw new ServerStartException("cannot prepare Prosody's folder " + folder, e);
    } catch (RuntimeException | Error e) {
      cleanup.close();
      throw e;
    }
  }

  private static Readiness.Status status(Path log, Path adminSocket, int[] ports) {
    String text = LogTail.read(log);
    if (text.contains(ProsodyConfig.BIND_FAILURE)) {
      return Readiness.Status.PORT_CONFLICT;
    }
    boolean ready = text.contains(ProsodyConfig.STARTED)
        && text.contains(ProsodyConfig.activated("c2s", ports[0]))
        && text.contains(ProsodyConfig.activated("c2s_direct_tls", ports[1]))
        && Files.exists(adminSocket)
        && Readiness.accepts(ports[0]) && Readiness.accepts(ports[1]);
    return ready ? Readiness.Status.READY : Readiness.Status.WAITING;
  }

  private static void installHarnessModule(Path plugins) throws IOException {
    Files.createDirectories(plugins);
    try (InputStream in = ProsodyServer.class.getResourceAsStream("mod_harness.lua")) {
      if (in == null) {
        throw new IOException("resource mod_harness.lua is missing");
      }
      Files.copy(in, plugins.resolve("mod_harness.lua"));
    }
  }

  /** The options this instance was started with. */
  public ProsodyOptions options() {
    return options;
  }

  /**
   * Runs a line of Prosody's admin console ({@code prosodyctl shell}); a line starting with
   * {@code >} is Lua run inside the server. For what the harness does not offer.
   *
   * @return the text of the result, e.g. {@code "OK: ..."} or {@code "Result: ..."}
   * @throws ServerCommandException if Prosody answers with an error
   */
  public String console(String line) {
    return admin.run(Objects.requireNonNull(line, "line"), COMMAND_TIMEOUT);
  }

  @Override
  public TestUser createUser(String local, String password) {
    Checks.local(local);
    Checks.password(password);
    lua("local u = prep(" + ProsodyAdmin.lua(local) + ") "
        + "if not u then error('invalid username') end "
        + "if um.user_exists(u, H) then error('User exists: ' .. u) end "
        + "local ok, err = um.create_user(u, " + ProsodyAdmin.lua(password) + ", H) "
        + "if not ok then error(tostring(err)) end return 'created'", COMMAND_TIMEOUT);
    return new TestUser(local, domain(), password);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Prosody hashes the password once (PBKDF2, {@link ProsodyOptions#scramIterations()}); the
   * other accounts get the same stored credentials, written straight into its account store.
   */
  @Override
  public List<TestUser> createUsers(String prefix, int count, String password) {
    Objects.requireNonNull(prefix, "prefix");
    Checks.count(count);
    Checks.password(password);
    if (count == 0) {
      return List.of();
    }
    Checks.local(prefix + "0");
    Duration timeout = COMMAND_TIMEOUT.plusMillis(5L * count);
    lua("local p, n = " + ProsodyAdmin.lua(prefix) + ", " + count + " "
        + "local names = {} "
        + "for i = 0, n - 1 do local u = prep(p .. i) "
        + "if not u then error('invalid username: ' .. p .. i) end "
        + "if um.user_exists(u, H) then error('User exists: ' .. u) end names[i] = u end "
        + "local ok, err = um.create_user(names[0], " + ProsodyAdmin.lua(password) + ", H) "
        + "if not ok then error(tostring(err)) end "
        + "local store = require 'core.storagemanager'.open(H, 'accounts') "
        + "local record = assert(store:get(names[0])) "
        + "for i = 1, n - 1 do assert(store:set(names[i], record)) end return 'created'", timeout);
    List<TestUser> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      users.add(new TestUser(prefix + i, domain(), password));
    }
    return users;
  }

  @Override
  public void deleteUser(String local) {
    Checks.local(local);
    lua("local u = prep(" + ProsodyAdmin.lua(local) + ") "
        + "if not u or not um.user_exists(u, H) then error('No such user') end "
        + "local ok, err = um.delete_user(u, H) if not ok then error(tostring(err)) end return 'deleted'",
        COMMAND_TIMEOUT);
  }

  @Override
  public int kickUser(String local) {
    Checks.local(local);
    String result = lua("local u = prep(" + ProsodyAdmin.lua(local) + ") "
        + "local user = u and prosody.hosts[H].sessions[u] local list = {} "
        + "if user then for _, s in pairs(user.sessions) do list[#list + 1] = s end end "
        + "for _, s in ipairs(list) do s:close({ condition = 'policy-violation', text = 'Kicked by the test harness' }) end "
        + "return #list", COMMAND_TIMEOUT);
    return Integer.parseInt(result.trim());
  }

  /** Runs Lua in the server with {@code um} (usermanager), {@code prep} (nodeprep) and {@code H} (the host). */
  private String lua(String body, Duration timeout) {
    String line = ">local um, prep, H = require 'core.usermanager', require 'util.encodings'.stringprep.nodeprep, "
        + ProsodyAdmin.lua(domain()) + " " + body;
    String answer = admin.run(line, timeout);
    Matcher matcher = RESULT.matcher(answer);
    if (!matcher.matches()) {
      throw new ServerCommandException("unexpected answer from Prosody: " + answer);
    }
    return matcher.group(1);
  }

  @Override
  void closeAdministration() {
    admin.close();
  }
}
