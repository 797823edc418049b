package dev.xmppreactive.test;

import dev.xmppreactive.jid.Precis;
import dev.xmppreactive.sasl.ScramHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts of a test server: usernames (localparts, UsernameCaseMapped, RFC 8265 §3.3) and
 * passwords (OpaqueString, RFC 8265 §4.2), with the SCRAM credentials (RFC 5802 §3: salt, iteration
 * count, StoredKey, ServerKey) derived from them on first use. Thread-safe.
 */
final class Accounts {

  /** What a server keeps for one SCRAM hash: never the password itself. */
  record ScramCredential(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
  }

  /** One account. */
  static final class Account {
    final String username;
    final String password;
    private final int iterations;
    private final Map<ScramHash, ScramCredential> scram = new ConcurrentHashMap<>();

    Account(String username, String password, int iterations) {
      this.username = username;
      this.password = password;
      this.iterations = iterations;
    }

    /** The credential for a hash, derived once with a fresh random salt. */
    ScramCredential scram(ScramHash hash) {
      return scram.computeIfAbsent(hash, h -> {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] salted = h.hi(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
        byte[] clientKey = h.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] serverKey = h.hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramCredential(salt, iterations, h.hash(clientKey), serverKey);
      });
    }
  }

  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final int iterations;

  Accounts(int iterations) {
    this.iterations = iterations;
  }

  /**
   * The username as the server compares it (a JID localpart).
   *
   * @throws IllegalArgumentException if it is not a valid localpart
   */
  static String normalize(String username) {
    Objects.requireNonNull(username, "username");
    String u = Precis.usernameCaseMapped(username);
    if (u.isEmpty() || u.length() > 1023 || u.chars().anyMatch(c -> "\"&'/:<>@".indexOf(c) >= 0)) {
      throw new IllegalArgumentException("not a valid JID localpart: '" + username + "'");
    }
    return u;
  }

  /** The password as the server compares it. */
  static String preparePassword(String password) {
    Objects.requireNonNull(password, "password");
    return Precis.opaqueString(password);
  }

  /** Adds or replaces an account; returns its normalised username. */
  String put(String username, String password) {
    String u = normalize(username);
    accounts.put(u, new Account(u, preparePassword(password), iterations));
    return u;
  }

  /** Removes an account; whether it existed. */
  boolean remove(String username) {
    return accounts.remove(normalize(username)) != null;
  }

  /** The account with that (normalised) username, or {@code null}. */
  Account get(String normalizedUsername) {
    return normalizedUsername == null ? null : accounts.get(normalizedUsername);
  }

  /** Whether an account exists. */
  boolean exists(String normalizedUsername) {
    return accounts.containsKey(normalizedUsername);
  }

  /** The usernames, sorted. */
  List<String> usernames() {
    return accounts.keySet().stream().sorted().toList();
  }
}
