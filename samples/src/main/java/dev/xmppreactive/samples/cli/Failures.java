package dev.xmppreactive.samples.cli;

import dev.xmppreactive.sasl.SaslException;
import dev.xmppreactive.tls.TlsException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import reactor.core.Exceptions;

/** Turns what made a command fail into an exit code and a one-line message. */
final class Failures {

  private Failures() {
  }

  /** The exit code for a failure: authentication, TLS, or anything else. */
  static int exitCode(Throwable failure) {
    if (find(failure, SaslException.class) != null) {
      return ExitCodes.AUTHENTICATION;
    }
    if (find(failure, TlsException.class) != null || find(failure, SSLException.class) != null) {
      return ExitCodes.TLS;
    }
    return ExitCodes.FAILURE;
  }

  /** One line that says what went wrong, for stderr. */
  static String describe(Throwable failure) {
    Throwable t = Exceptions.unwrap(failure);
    // Wrappers that only repeat their cause (new RuntimeException(cause)) say nothing of their own.
    for (int depth = 0; depth < 32 && t.getCause() != null && t.getCause() != t
        && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString())); depth++) {
      t = t.getCause();
    }
    String what;
    SaslException sasl = find(t, SaslException.class);
    TlsException tls = find(t, TlsException.class);
    SSLException ssl = find(t, SSLException.class);
    if (sasl != null) {
      what = "authentication failed: " + message(sasl);
    } else if (tls != null) {
      what = "TLS failed: " + message(tls);
    } else if (ssl != null) {
      what = "TLS failed: " + message(ssl);
    } else if (t instanceof TimeoutException) {
      what = "timed out: " + message(t);
    } else {
      what = message(t);
    }
    return what.replaceAll("\\s*\\R\\s*", " ");
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      Throwable cause = t.getCause();
      return cause != null && cause != t ? message(cause) : t.getClass().getSimpleName();
    }
    return m;
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth++ < 32; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      for (Throwable s : t.getSuppressed()) {
        if (type.isInstance(s)) {
          return type.cast(s);
        }
      }
    }
    return null;
  }
}
