package dev.xmppreactive.sasl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The mechanisms that say everything in their initial response and expect no challenge: PLAIN
 * (RFC 4616), EXTERNAL (RFC 4422 Appendix A) and ANONYMOUS (RFC 4505). None authenticates the server;
 * any additional data with success is ignored, as none of them defines it.
 */
public final class SingleResponseClient implements SaslClient {

  private final String mechanism;
  private byte[] response;
  private boolean started;

  private SingleResponseClient(String mechanism, byte[] response) {
    this.mechanism = mechanism;
    this.response = response;
  }

  /**
   * PLAIN, RFC 4616 §2: {@code [authzid] NUL authcid NUL passwd}, UTF-8.
   *
   * @param authzid  the authorization identity, or {@code null}
   * @param authcid  the prepared authentication identity (the localpart, RFC 6120 §6.3.8)
   * @param password the prepared password
   * @throws IllegalArgumentException if a value is empty or holds U+0000
   */
  public static SingleResponseClient plain(String authzid, String authcid, String password) {
    requireNoNul(authcid, "authcid", false);
    requireNoNul(password, "password", false);
    if (authzid != null) {
      requireNoNul(authzid, "authzid", false);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (authzid != null) {
      out.writeBytes(authzid.getBytes(StandardCharsets.UTF_8));
    }
    out.write(0);
    out.writeBytes(authcid.getBytes(StandardCharsets.UTF_8));
    out.write(0);
    out.writeBytes(password.getBytes(StandardCharsets.UTF_8));
    return new SingleResponseClient("PLAIN", out.toByteArray());
  }

  /**
   * EXTERNAL: the response is the authorization identity, or empty to let the server take the
   * identity from the certificate (RFC 4422 Appendix A, XEP-0178 §3).
   */
  public static SingleResponseClient external(String authzid) {
    if (authzid != null) {
      requireNoNul(authzid, "authzid", false);
    }
    return new SingleResponseClient("EXTERNAL",
        authzid == null ? new byte[0] : authzid.getBytes(StandardCharsets.UTF_8));
  }

  /** ANONYMOUS, RFC 4505 §2: an empty trace, so nothing about the user is sent. */
  public static SingleResponseClient anonymous() {
    return new SingleResponseClient("ANONYMOUS", new byte[0]);
  }

  private static void requireNoNul(String s, String what, boolean mayBeEmpty) {
    Objects.requireNonNull(s, what);
    if ((!mayBeEmpty && s.isEmpty()) || s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " must be non-empty and hold no U+0000");
    }
  }

  @Override
  public String mechanism() {
    return mechanism;
  }

  @Override
  public byte[] initialResponse() {
    if (started) {
      throw new IllegalStateException("the initial response has already been sent");
    }
    started = true;
    byte[] r = response;
    response = null;
    return r;
  }

  @Override
  public byte[] evaluateChallenge(byte[] challenge) {
    if (!started) {
      throw new IllegalStateException("no challenge is expected before the initial response");
    }
    throw SaslException.protocolViolation(mechanism + " has no challenges, but the server sent one");
  }

  @Override
  public void succeed(byte[] additionalData) {
    if (!started) {
      throw new IllegalStateException("success before the initial response");
    }
  }

  @Override
  public boolean serverAuthenticated() {
    return false;
  }

  @Override
  public DowngradeProtection downgradeProtection() {
    return DowngradeProtection.NOT_APPLICABLE;
  }
}
