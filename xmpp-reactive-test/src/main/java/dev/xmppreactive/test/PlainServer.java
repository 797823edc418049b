package dev.xmppreactive.test;

import dev.xmppreactive.sasl.SaslFailureCondition;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The server side of PLAIN, RFC 4616: one message, {@code [authzid] NUL authcid NUL passwd}, in
 * UTF-8. The authorization identity, if any, must be the account's own bare JID (RFC 6120 §6.3.8).
 */
final class PlainServer implements SaslServerMechanism {

  private final Accounts accounts;
  private final String domain;
  private boolean done;

  PlainServer(Accounts accounts, String domain) {
    this.accounts = accounts;
    this.domain = domain;
  }

  @Override
  public SaslServerStep step(byte[] response) {
    if (done) {
      return new SaslServerStep.Failure(SaslFailureCondition.MALFORMED_REQUEST,
          "PLAIN has a single message");
    }
    if (response == null) {
      return new SaslServerStep.Challenge(new byte[0]); // RFC 4616 §2: an empty challenge
    }
    done = true;
    String message;
    try {
      message = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(response)).toString();
    } catch (CharacterCodingException e) {
      return malformed("the PLAIN message is not UTF-8");
    }
    int first = message.indexOf('\0');
    int second = first < 0 ? -1 : message.indexOf('\0', first + 1);
    if (first < 0 || second < 0 || message.indexOf('\0', second + 1) >= 0) {
      return malformed("the PLAIN message is not [authzid] NUL authcid NUL passwd (RFC 4616 §2)");
    }
    String authzid = message.substring(0, first);
    String authcid = message.substring(first + 1, second);
    String password = message.substring(second + 1);
    if (authcid.isEmpty() || password.isEmpty()) {
      return malformed("an empty authcid or password (RFC 4616 §2)");
    }
    String username;
    String prepared;
    try {
      username = Accounts.normalize(authcid);
      prepared = Accounts.preparePassword(password);
    } catch (IllegalArgumentException e) {
      return notAuthorized();
    }
    Accounts.Account account = accounts.get(username);
    if (account == null || !MessageDigest.isEqual(
        account.password.getBytes(StandardCharsets.UTF_8), prepared.getBytes(StandardCharsets.UTF_8))) {
      return notAuthorized();
    }
    if (!authzid.isEmpty() && !authzid.equals(username + "@" + domain)) {
      return new SaslServerStep.Failure(SaslFailureCondition.INVALID_AUTHZID,
          "the authorization identity is not the account's bare JID");
    }
    return new SaslServerStep.Success(username, null);
  }

  private static SaslServerStep malformed(String text) {
    return new SaslServerStep.Failure(SaslFailureCondition.MALFORMED_REQUEST, text);
  }

  private static SaslServerStep notAuthorized() {
    return new SaslServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED, null);
  }
}
