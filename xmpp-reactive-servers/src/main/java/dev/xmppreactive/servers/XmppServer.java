package dev.xmppreactive.servers;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A real XMPP server the harness started as a child process of this JVM, from a generated
 * configuration in a fresh temporary folder, listening on free loopback ports.
 *
 * <p>A client connects to {@link #host()} on {@link #starttlsPort()} (RFC 6120 §5, STARTTLS) or
 * {@link #directTlsPort()} (XEP-0368, TLS from the first byte), and verifies the server's certificate
 * against {@link #domain()} (RFC 6125 DNS-ID), trusting {@link #trustAnchorPem()}. The domain is not
 * resolvable: a client must be told the host and port.
 *
 * <p>Implementations are thread-safe: user administration may be called from several threads.
 * {@link #close()} stops the server (SIGTERM, then SIGKILL after a grace period) and deletes its
 * folder; a shutdown hook does the same if the JVM exits first.
 */
public interface XmppServer extends AutoCloseable {

  /** Which server this is. */
  ServerKind kind();

  /** The lower-case name of the server, {@code "prosody"} or {@code "ejabberd"}. */
  default String name() {
    return kind().id();
  }

  /** The XMPP domain the server hosts (RFC 6120 §2.1), e.g. {@code example.test}. */
  String domain();

  /** The address the server listens on: always {@code 127.0.0.1}. */
  default String host() {
    return "127.0.0.1";
  }

  /** The client-to-server port that requires STARTTLS (RFC 6120 §5.3.1, {@code c2s_require_encryption}). */
  int starttlsPort();

  /** The client-to-server port where TLS starts with the first byte (XEP-0368). */
  int directTlsPort();

  /**
   * The PEM file of the certificate authority the client should trust. With
   * {@link CertificateTrust#UNTRUSTED_ISSUER} the server's certificate is not issued by it.
   */
  Path trustAnchorPem();

  /** The trust anchor of {@link #trustAnchorPem()}, parsed. */
  X509Certificate trustAnchor();

  /** The certificate the server presents (the leaf, without its chain). */
  X509Certificate serverCertificate();

  /** The server's main log file. */
  Path logFile();

  /** The temporary folder holding the server's configuration, data, certificates and logs. */
  Path folder();

  /** The operating-system process id of the server. */
  long pid();

  /** Whether the server process is running. */
  boolean isRunning();

  /**
   * Creates an account.
   *
   * @throws ServerCommandException if the account exists or the server refuses the name
   */
  TestUser createUser(String local, String password);

  /**
   * Creates {@code count} accounts {@code prefix0} … {@code prefix<count-1>} with one password,
   * fast enough for benchmarks (thousands a second).
   *
   * @throws ServerCommandException if one of the accounts exists or the server refuses a name
   */
  List<TestUser> createUsers(String prefix, int count, String password);

  /**
   * Creates an account with a name no other call on this server returned
   * ({@code <hint>-<n>}) and a random password: the way tests sharing a server stay apart.
   *
   * @param hint lower-case letters, digits, {@code .}, {@code _} or {@code -}, e.g. {@code "alice"}
   */
  TestUser newUser(String hint);

  /** {@link #newUser(String)} with the hint {@code "user"}. */
  default TestUser newUser() {
    return newUser("user");
  }

  /**
   * Creates {@code count} accounts with unique names sharing one random password
   * (through {@link #createUsers(String, int, String)}).
   */
  List<TestUser> newUsers(String hint, int count);

  /**
   * Deletes an account.
   *
   * @throws ServerCommandException if it does not exist
   */
  void deleteUser(String local);

  /**
   * Closes all sessions of an account from the server side.
   *
   * @return how many sessions the server closed
   */
  int kickUser(String local);

  /** Stops the server and deletes its folder. Idempotent. */
  @Override
  void close();
}
