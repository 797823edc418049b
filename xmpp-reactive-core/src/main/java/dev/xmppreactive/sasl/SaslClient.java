package dev.xmppreactive.sasl;

/**
 * One authentication exchange of one mechanism, at the level of SASL's byte strings (RFC 4422 §3): the
 * initial response, the response to each challenge, and the check of the server's additional data
 * with success. {@link SaslAttempt} wraps it in XMPP's elements.
 *
 * <p>Single use and not thread-safe: one exchange, driven from one thread at a time.
 */
public interface SaslClient {

  /** The mechanism name, as sent in {@code <auth mechanism=''/>}. */
  String mechanism();

  /** The initial response (RFC 4422 §3.3); may be empty. Called once, before anything else. */
  byte[] initialResponse();

  /**
   * The response to a server challenge.
   *
   * @param challenge the decoded challenge (possibly empty)
   * @return the response (possibly empty)
   * @throws SaslException if the challenge is malformed, unexpected, unsafe or reports an error
   */
  byte[] evaluateChallenge(byte[] challenge);

  /**
   * Checks the server's {@code <success/>} (RFC 6120 §6.4.6). A mechanism that authenticates the
   * server (SCRAM) throws unless the server proved itself, here or in an earlier challenge.
   *
   * @param additionalData the additional data with success, or {@code null} if there was none
   * @throws SaslException if the success cannot be accepted
   */
  void succeed(byte[] additionalData);

  /** Whether the exchange has authenticated the server too (SCRAM's verified {@code v=}). */
  boolean serverAuthenticated();

  /** The result of XEP-0474 downgrade protection in this exchange. */
  DowngradeProtection downgradeProtection();
}
