package dev.xmppreactive.servers;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the servers' binaries (the Debian packages) and decides what a missing one means: in CI
 * ({@code CI=true}) a failure, elsewhere a skipped test (a JUnit assumption).
 */
public final class Installation {
  private static final String PROSODY_PACKAGES = "apt-get install -y prosody prosody-modules";
  private static final String EJABBERD_PACKAGES = "apt-get install -y ejabberd";
  private static final String SQLITE_PACKAGES = "apt-get install -y erlang-p1-sqlite3 sqlite3";

  private Installation() {
  }

  /** Whether this runs in CI: the environment variable {@code CI} is {@code true}. */
  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Why Prosody with these options cannot start here, or empty if it can. */
  public static Optional<String> missing(ProsodyOptions options) {
    if (executable("prosody").isEmpty()) {
      return Optional.of("Prosody is not installed (no 'prosody' on PATH); install it: " + PROSODY_PACKAGES);
    }
    return Optional.empty();
  }

  /** Why ejabberd with these options cannot start here, or empty if it can. */
  public static Optional<String> missing(EjabberdOptions options) {
    if (executable("erl").isEmpty() || ejabberdLibs().isEmpty()) {
      return Optional.of("ejabberd is not installed (no 'erl' on PATH or no /usr/lib/*/ejabberd-*/ebin/ejabberd.app);"
          + " install it: " + EJABBERD_PACKAGES);
    }
    if (options.mam() && (executable("sqlite3").isEmpty() || erlangLib("p1_sqlite3").isEmpty())) {
      return Optional.of("ejabberd's MAM on SQLite needs the sqlite3 program and the p1_sqlite3 Erlang library;"
          + " install them: " + SQLITE_PACKAGES);
    }
    return Optional.empty();
  }

  /** Why the default configuration of {@code kind} cannot start here, or empty if it can. */
  public static Optional<String> missing(ServerKind kind) {
    return kind == ServerKind.PROSODY ? missing(ProsodyOptions.defaults()) : missing(EjabberdOptions.defaults());
  }

  /**
   * Does nothing if nothing is missing. Otherwise, in CI, throws; elsewhere aborts the current test
   * through a JUnit assumption, so it is reported as skipped with the reason.
   *
   * @throws ServerNotInstalledException in CI when something is missing
   */
  public static void requireOrSkip(Optional<String> missing) {
    requireOrSkip(missing, isCi());
  }

  /** {@link #requireOrSkip(Optional)} with the environment given. */
  static void requireOrSkip(Optional<String> missing, boolean ci) {
    if (missing.isPresent() && ci) {
      throw new ServerNotInstalledException(missing.get() + " (CI=true: a missing server fails the run)");
    }
    Assumptions.assumeTrue(missing.isEmpty(),
        () -> missing.orElse("") + " - skipped because CI is not 'true'");
  }

  /** {@link #requireOrSkip(Optional)} for the default configuration of {@code kind}. */
  public static void requireOrSkip(ServerKind kind) {
    requireOrSkip(missing(kind));
  }

  /** Throws if something is missing, whatever the environment: for code that starts servers directly. */
  static void require(Optional<String> missing) {
    if (missing.isPresent()) {
      throw new ServerNotInstalledException(missing.get());
    }
  }

  /** The executable of that name on the PATH. */
  static Optional<Path> executable(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The folder to give Erlang as {@code ERL_LIBS} so that it finds ejabberd: Debian installs
   * ejabberd into {@code /usr/lib/<multiarch>/ejabberd-<version>}.
   */
  static Optional<Path> ejabberdLibs() {
    try (DirectoryStream<Path> lib = Files.newDirectoryStream(Path.of("/usr/lib"))) {
      for (Path dir : lib) {
        if (Files.isDirectory(dir) && containsEjabberd(dir)) {
          return Optional.of(dir);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean containsEjabberd(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "ejabberd-*")) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry.resolve("ebin/ejabberd.app"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** An Erlang library folder {@code /usr/lib/erlang/lib/<name>-<version>}. */
  static Optional<Path> erlangLib(String name) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/usr/lib/erlang/lib"), name + "-*")) {
      for (Path entry : entries) {
        return Optional.of(entry);
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
