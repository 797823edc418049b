package dev.xmppreactive.test;

/**
 * The server side of one SASL exchange: fed the client's messages in turn. Not thread-safe: one
 * exchange, one connection's event loop.
 */
interface SaslServerMechanism {

  /**
   * Handles the next client message.
   *
   * @param response the decoded data of {@code <auth/>} or {@code <response/>}; {@code null} if the
   *                 element was empty (no initial response, RFC 6120 §6.4.2)
   */
  SaslServerStep step(byte[] response);
}
