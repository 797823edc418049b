package dev.xmppreactive.samples.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The commands' exit codes, as {@code --help} lists them. */
final class ExitCodes {

  /** Done. */
  static final int OK = 0;
  /** Could not connect, the stream failed, or a wait timed out. */
  static final int FAILURE = 1;
  /** A mistake on the command line (picocli's code for it). */
  static final int USAGE = 2;
  /** The server refused the credentials (SASL, RFC 6120 §6). */
  static final int AUTHENTICATION = 3;
  /** TLS failed: an untrusted certificate, an identity mismatch, a refused handshake (§5, §13.7). */
  static final int TLS = 4;

  private ExitCodes() {
  }

  /** The codes and what they mean, for the help. */
  static Map<String, String> descriptions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(Integer.toString(OK), "done");
    m.put(Integer.toString(FAILURE), "cannot connect, the connection failed, or a wait timed out");
    m.put(Integer.toString(USAGE), "a mistake in the command line");
    m.put(Integer.toString(AUTHENTICATION), "authentication failed (wrong JID or password)");
    m.put(Integer.toString(TLS), "TLS failed (certificate not trusted, wrong identity, handshake)");
    return m;
  }
}
