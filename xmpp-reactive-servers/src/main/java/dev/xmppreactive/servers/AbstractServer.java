package dev.xmppreactive.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What both servers share: ports, certificates, folder, unique user names, and how they stop. */
abstract class AbstractServer implements XmppServer {
  private static final char[] PASSWORD_CHARS =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final ServerKind kind;
  private final String domain;
  private final Path folder;
  private final TestCertificates certificates;
  private final ServerProcess process;
  private final Cleanup cleanup;
  private final int starttlsPort;
  private final int directTlsPort;
  private final Path logFile;
  private final AtomicLong sequence = new AtomicLong();
  private final SecureRandom random = new SecureRandom();

  AbstractServer(ServerKind kind, String domain, Path folder, TestCertificates certificates,
                 ServerProcess process, Cleanup cleanup, int starttlsPort, int directTlsPort, Path logFile) {
    this.kind = kind;
    this.domain = domain;
    this.folder = folder;
    this.certificates = certificates;
    this.process = process;
    this.cleanup = cleanup;
    this.starttlsPort = starttlsPort;
    this.directTlsPort = directTlsPort;
    this.logFile = logFile;
  }

  /** Creates a fresh temporary folder for a server of this kind. */
  static Path newFolder(ServerKind kind) {
    try {
      return Files.createTempDirectory("xmpp-reactive-" + kind.id() + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder", e);
    }
  }

  @Override
  public ServerKind kind() {
    return kind;
  }

  @Override
  public String domain() {
    return domain;
  }

  @Override
  public int starttlsPort() {
    return starttlsPort;
  }

  @Override
  public int directTlsPort() {
    return directTlsPort;
  }

  @Override
  public Path trustAnchorPem() {
    return certificates.trustAnchorPem();
  }

  @Override
  public X509Certificate trustAnchor() {
    return certificates.trustAnchor();
  }

  @Override
  public X509Certificate serverCertificate() {
    return certificates.serverCertificate();
  }

  @Override
  public Path logFile() {
    return logFile;
  }

  @Override
  public Path folder() {
    return folder;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public boolean isRunning() {
    return process.isAlive();
  }

  @Override
  public TestUser newUser(String hint) {
    return createUser(Checks.hint(hint) + "-" + sequence.incrementAndGet(), randomPassword());
  }

  @Override
  public List<TestUser> newUsers(String hint, int count) {
    return createUsers(Checks.hint(hint) + "-" + sequence.incrementAndGet() + "-", count, randomPassword());
  }

  /** A random password of 20 letters and digits. */
  String randomPassword() {
    char[] password = new char[20];
    for (int i = 0; i < password.length; i++) {
      password[i] = PASSWORD_CHARS[random.nextInt(PASSWORD_CHARS.length)];
    }
    return new String(password);
  }

  /** Closes the administration channel (before the processes stop). */
  abstract void closeAdministration();

  @Override
  public void close() {
    closeAdministration();
    cleanup.close();
  }

  @Override
  public String toString() {
    return kind.id() + "[" + domain + ", starttls " + starttlsPort + ", direct TLS " + directTlsPort
        + ", pid " + process.pid() + ", " + folder + "]";
  }
}
