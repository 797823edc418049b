package dev.xmppreactive.servers;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks shared by the options and the servers. */
final class Checks {
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Pattern HINT = Pattern.compile("[a-z0-9._-]{1,64}");

  private Checks() {
  }

  /** A lower-case DNS name: the harness writes it into configs and certificates. */
  static String domain(String domain) {
    Objects.requireNonNull(domain, "domain");
    if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
      throw new IllegalArgumentException("not a lower-case DNS domain name: '" + domain + "'");
    }
    return domain;
  }

  /** A positive timeout. */
  static Duration positive(Duration timeout, String what) {
    Objects.requireNonNull(timeout, what);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + timeout);
    }
    return timeout;
  }

  /** A localpart the server will judge; only the characters that break JIDs are refused here. */
  static String local(String local) {
    Objects.requireNonNull(local, "local");
    if (local.isEmpty() || local.length() > 1023) {
      throw new IllegalArgumentException("localpart must have 1 to 1023 characters");
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (c == '@' || c == '/' || c == '"' || c == '&' || c == '\'' || c == ':' || c == '<'
          || c == '>' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException("localpart contains a forbidden character: '" + local + "'");
      }
    }
    return local;
  }

  /** A name hint for unique user names. */
  static String hint(String hint) {
    Objects.requireNonNull(hint, "hint");
    if (!HINT.matcher(hint).matches()) {
      throw new IllegalArgumentException("hint must be 1 to 64 of [a-z0-9._-]: '" + hint + "'");
    }
    return hint;
  }

  /** A password: not empty, no NUL (SASL PLAIN separates with NUL, RFC 4616). */
  static String password(String password) {
    Objects.requireNonNull(password, "password");
    if (password.isEmpty() || password.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("password must be non-empty and contain no NUL");
    }
    return password;
  }

  /** A count of users. */
  static int count(int count) {
    if (count < 0 || count > 1_000_000) {
      throw new IllegalArgumentException("count must be in [0, 1000000]: " + count);
    }
    return count;
  }
}
