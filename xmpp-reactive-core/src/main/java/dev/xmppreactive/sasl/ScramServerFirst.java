package dev.xmppreactive.sasl;

import dev.xmppreactive.sasl.ScramMessages.Attribute;
import java.util.List;

/**
 * A parsed and checked SCRAM server-first-message, RFC 5802 §5.1 and §7:
 * {@code [m=…,] r=nonce,s=salt,i=count[,extensions]}.
 *
 * @param nonce      the combined nonce, which extends the client's
 * @param salt       the decoded salt, non-empty
 * @param iterations the iteration count, within the client's limits
 * @param extensions the attributes after {@code i=}, in order
 */
record ScramServerFirst(String nonce, byte[] salt, int iterations, List<Attribute> extensions) {

  /**
   * Parses and checks a server-first-message.
   *
   * @throws SaslException {@link SaslException.Kind#SCRAM_SERVER_ERROR} for an {@code e=} reply,
   *                       {@link SaslException.Kind#INSECURE_PARAMETERS} for an iteration count
   *                       outside the limits, {@link SaslException.Kind#PROTOCOL_VIOLATION} otherwise
   */
  static ScramServerFirst parse(String message, String clientNonce, int minIterations,
      int maxIterations) {
    List<Attribute> attrs = ScramMessages.parse(message, "server-first-message");
    Attribute first = attrs.get(0);
    if (first.name() == 'e') {
      throw SaslException.scramServerError(first.value());
    }
    if (first.name() == 'm') {
      throw SaslException.protocolViolation("the server requires a SCRAM extension this client "
          + "does not support (m=, RFC 5802 §5.1)");
    }
    if (attrs.size() < 3 || attrs.get(0).name() != 'r' || attrs.get(1).name() != 's'
        || attrs.get(2).name() != 'i') {
      throw SaslException.protocolViolation("the SCRAM server-first-message is not r=…,s=…,i=…");
    }
    String nonce = attrs.get(0).value();
    if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()
        || !ScramMessages.isPrintable(nonce)) {
      throw SaslException.protocolViolation(
          "the SCRAM server nonce does not extend the client's nonce");
    }
    byte[] salt = SaslCodec.base64(attrs.get(1).value(), "the SCRAM salt");
    if (salt.length == 0) {
      throw SaslException.protocolViolation("the SCRAM salt is empty");
    }
    int iterations = ScramMessages.positiveNumber(attrs.get(2).value());
    if (iterations < minIterations || iterations > maxIterations) {
      throw SaslException.local(SaslException.Kind.INSECURE_PARAMETERS, "the server asks for "
          + iterations + " SCRAM iterations; this client accepts " + minIterations + ".."
          + maxIterations);
    }
    return new ScramServerFirst(nonce, salt, iterations, List.copyOf(attrs.subList(3,
        attrs.size())));
  }
}
