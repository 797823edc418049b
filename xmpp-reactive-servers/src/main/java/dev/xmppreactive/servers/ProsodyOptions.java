package dev.xmppreactive.servers;

import java.time.Duration;
import java.util.Objects;

/**
 * How to configure a Prosody instance. Immutable: each {@code with*} method returns a copy.
 *
 * <p>Always on: STARTTLS required ({@code c2s_require_encryption}), direct TLS (XEP-0368), stream
 * management with resumption (XEP-0198, {@code mod_smacks}), ping (XEP-0199), disco (XEP-0030),
 * version (XEP-0092), roster versioning and subscription pre-approval (RFC 6121 §2.6, §3.4),
 * carbons (XEP-0280), blocking (XEP-0191), CSI (XEP-0352), PEP, private storage. Always off: s2s,
 * {@code mod_limits}, registration throttling for loopback.
 *
 * @param domain           the XMPP domain (a lower-case DNS name; default {@code example.test})
 * @param passwordHash     the hash the accounts store SCRAM keys for; decides SCRAM-SHA-1 or -256
 * @param scramIterations  the SCRAM iteration count of new accounts (default 4096)
 * @param mam              whether message archive management (XEP-0313) is on (default off)
 * @param registration     whether in-band registration (XEP-0077) is on (default off)
 * @param muc              whether a multi-user chat service (XEP-0045) runs at {@code conference.<domain>}
 * @param certificateTrust which certificate the server presents (default {@link CertificateTrust#TRUSTED})
 * @param debugLog         whether the log records debug lines (every stanza; default off)
 * @param startupTimeout   how long to wait for the server to be ready (default 60 s)
 */
public record ProsodyOptions(String domain, PasswordHash passwordHash, int scramIterations, boolean mam,
                             boolean registration, boolean muc, CertificateTrust certificateTrust,
                             boolean debugLog, Duration startupTimeout) {

  /** Validates the options. */
  public ProsodyOptions {
    Checks.domain(domain);
    Objects.requireNonNull(passwordHash, "passwordHash");
    if (scramIterations < 1) {
      throw new IllegalArgumentException("scramIterations must be positive: " + scramIterations);
    }
    Objects.requireNonNull(certificateTrust, "certificateTrust");
    Checks.positive(startupTimeout, "startupTimeout");
  }

  /** SHA-1 accounts on {@code example.test}, 4096 iterations, MAM, registration and MUC off. */
  public static ProsodyOptions defaults() {
    return new ProsodyOptions("example.test", PasswordHash.SHA_1, 4096, false, false, false,
        CertificateTrust.TRUSTED, false, Duration.ofSeconds(60));
  }

  /** A copy with another domain. */
  public ProsodyOptions withDomain(String domain) {
    return new ProsodyOptions(domain, passwordHash, scramIterations, mam, registration, muc,
        certificateTrust, debugLog, startupTimeout);
  }

  /** A copy with another password hash. */
  public ProsodyOptions withPasswordHash(PasswordHash passwordHash) {
    return new ProsodyOptions(domain, passwordHash, scramIterations, mam, registration, muc,
        certificateTrust, debugLog, startupTimeout);
  }

  /** A copy with another SCRAM iteration count for new accounts. */
  public ProsodyOptions withScramIterations(int scramIterations) {
    return new ProsodyOptions(domain, passwordHash, scramIterations, mam, registration, muc,
        certificateTrust, debugLog, startupTimeout);
  }

  /** A copy with message archive management on or off. */
  public ProsodyOptions withMam(boolean mam) {
    return new ProsodyOptions(domain, passwordHash, scramIterations, mam, registration, muc,
        certificateTrust, debugLog, startupTimeout);
  }

  /** A copy with in-band registration on or off. */
  public ProsodyOptions withRegistration(boolean registration) {
    return new ProsodyOptions(domain, passwordHash, scramIterations, mam, registration, muc,
        certificateTrust, debugLog, startupTimeout);
  }

  /** A copy with the multi-user chat service on or off. */
  public ProsodyOptions withMuc(boolean muc) {
    return new ProsodyOptions(domain, passwordHash, scramIterations, mam, registration, muc,
        certificateTrust, debugLog, startupTimeout);
  }

  /** A copy presenting another kind of certificate. */
  public ProsodyOptions withCertificateTrust(CertificateTrust certificateTrust) {
    return new ProsodyOptions(domain, passwordHash, scramIterations, mam, registration, muc,
        certificateTrust, debugLog, startupTimeout);
  }

  /** A copy with debug logging on or off. */
  public ProsodyOptions withDebugLog(boolean debugLog) {
    return new ProsodyOptions(domain, passwordHash, scramIterations, mam, registration, muc,
        certificateTrust, debugLog, startupTimeout);
  }

  /** A copy with another startup timeout. */
  public ProsodyOptions withStartupTimeout(Duration startupTimeout) {
    return new ProsodyOptions(domain, passwordHash, scramIterations, mam, registration, muc,
        certificateTrust, debugLog, startupTimeout);
  }
}
