package dev.xmppreactive.servers;

import java.time.Duration;
import java.util.Objects;

/**
 * How to configure an ejabberd instance. Immutable: each {@code with*} method returns a copy.
 *
 * <p>Always on: {@code auth_password_format: plain} (PLAIN and SCRAM-SHA-1/256/512, each also as
 * -PLUS), STARTTLS required, direct TLS (XEP-0368), stream management with resumption (XEP-0198,
 * {@code mod_stream_mgmt}), ping, disco, version, roster versioning, carbons, blocking, CSI, PEP,
 * private storage, offline messages. Always off: s2s, shapers ({@code c2s_shaper: none}), the
 * session limit ({@code max_user_sessions: infinity}), {@code mod_fail2ban}, ACME.
 *
 * @param domain           the XMPP domain (a lower-case DNS name; default {@code example.test})
 * @param mam              whether message archive management (XEP-0313) is on, stored in SQLite (default off)
 * @param registration     whether in-band registration (XEP-0077) is on, without timeout (default off)
 * @param muc              whether a multi-user chat service (XEP-0045) runs at {@code conference.<domain>}
 * @param certificateTrust which certificate the server presents (default {@link CertificateTrust#TRUSTED})
 * @param debugLog         whether the log records debug lines (default off)
 * @param startupTimeout   how long to wait for the server to be ready (default 60 s)
 * @param maxAckQueue      {@code mod_stream_mgmt}'s {@code max_ack_queue}: how many stanzas a stream may
 *                         hold unacknowledged before ejabberd ends it with "Too many unacked stanzas";
 *                         0 means the harness's bound of 20,000 (ejabberd's default is 5,000; see
 *                         ProsodyConfig.SM_QUEUE). Load tests raise it.
 * @param maxFsmQueue      the {@code max_fsm_queue} of the listeners: how many messages a session's
 *                         process may have waiting before ejabberd ends it; 0 leaves ejabberd's
 *                         default (10,000). Load tests raise it.
 */
public record EjabberdOptions(String domain, boolean mam, boolean registration, boolean muc,
                              CertificateTrust certificateTrust, boolean debugLog, Duration startupTimeout,
                              int maxAckQueue, int maxFsmQueue) {

  /** Validates the options. */
  public EjabberdOptions {
    Checks.domain(domain);
    Objects.requireNonNull(certificateTrust, "certificateTrust");
    Checks.positive(startupTimeout, "startupTimeout");
    if (maxAckQueue < 0 || maxFsmQueue < 0) {
      throw new IllegalArgumentException("maxAckQueue and maxFsmQueue must be 0 (the default) or positive");
    }
  }

  /** {@code example.test}, MAM, registration and MUC off, trusted certificate. */
  public static EjabberdOptions defaults() {
    return new EjabberdOptions("example.test", false, false, false, CertificateTrust.TRUSTED, false,
        Duration.ofSeconds(60), 0, 0);
  }

  /** A copy with another domain. */
  public EjabberdOptions withDomain(String domain) {
    return new EjabberdOptions(domain, mam, registration, muc, certificateTrust, debugLog, startupTimeout,
        maxAckQueue, maxFsmQueue);
  }

  /** A copy with message archive management (on SQLite) on or off. */
  public EjabberdOptions withMam(boolean mam) {
    return new EjabberdOptions(domain, mam, registration, muc, certificateTrust, debugLog, startupTimeout,
        maxAckQueue, maxFsmQueue);
  }

  /** A copy with in-band registration on or off. */
  public EjabberdOptions withRegistration(boolean registration) {
    return new EjabberdOptions(domain, mam, registration, muc, certificateTrust, debugLog, startupTimeout,
        maxAckQueue, maxFsmQueue);
  }

  /** A copy with the multi-user chat service on or off. */
  public EjabberdOptions withMuc(boolean muc) {
    return new EjabberdOptions(domain, mam, registration, muc, certificateTrust, debugLog, startupTimeout,
        maxAckQueue, maxFsmQueue);
  }

  /** A copy presenting another kind of certificate. */
  public EjabberdOptions withCertificateTrust(CertificateTrust certificateTrust) {
    return new EjabberdOptions(domain, mam, registration, muc, certificateTrust, debugLog, startupTimeout,
        maxAckQueue, maxFsmQueue);
  }

  /** A copy with debug logging on or off. */
  public EjabberdOptions withDebugLog(boolean debugLog) {
    return new EjabberdOptions(domain, mam, registration, muc, certificateTrust, debugLog, startupTimeout,
        maxAckQueue, maxFsmQueue);
  }

  /** A copy with another startup timeout. */
  public EjabberdOptions withStartupTimeout(Duration startupTimeout) {
    return new EjabberdOptions(domain, mam, registration, muc, certificateTrust, debugLog, startupTimeout,
        maxAckQueue, maxFsmQueue);
  }

  /** A copy with another {@code max_ack_queue} for stream management (0: ejabberd's default). */
  public EjabberdOptions withMaxAckQueue(int maxAckQueue) {
    return new EjabberdOptions(domain, mam, registration, muc, certificateTrust, debugLog, startupTimeout,
        maxAckQueue, maxFsmQueue);
  }

  /** A copy with another {@code max_fsm_queue} for the client listeners (0: ejabberd's default). */
  public EjabberdOptions withMaxFsmQueue(int maxFsmQueue) {
    return new EjabberdOptions(domain, mam, registration, muc, certificateTrust, debugLog, startupTimeout,
        maxAckQueue, maxFsmQueue);
  }
}
