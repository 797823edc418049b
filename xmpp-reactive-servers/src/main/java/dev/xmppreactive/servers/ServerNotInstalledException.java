package dev.xmppreactive.servers;

/**
 * A server's binaries (or a package an option needs) are not installed. Outside CI the JUnit
 * integration of the harness turns this into a skipped test; in CI ({@code CI=true}) it fails the run.
 */
public final class ServerNotInstalledException extends HarnessException {
  private static final long serialVersionUID = 1L;

  /** An error naming what is missing and how to install it. */
  public ServerNotInstalledException(String message) {
    super(message);
  }
}
