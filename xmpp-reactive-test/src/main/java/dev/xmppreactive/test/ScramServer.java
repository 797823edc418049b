package dev.xmppreactive.test;

import dev.xmppreactive.sasl.SaslFailureCondition;
import dev.xmppreactive.sasl.ScramHash;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The server side of SCRAM without channel binding, RFC 5802 §5 and §7 (SCRAM-SHA-1) and RFC 7677
 * (SCRAM-SHA-256): reads client-first-message, answers server-first-message with its own nonce, the
 * account's salt and iteration count, verifies the ClientProof of client-final-message against the
 * stored key, and answers server-final-message ({@code v=ServerSignature}) as the additional data of
 * {@code <success/>} (RFC 6120 §6.4.6).
 *
 * <p>A gs2 header with {@code p=} (channel binding) is refused, as the server offers no -PLUS
 * mechanism; {@code y} is accepted, as RFC 5802 §6 allows when the server offers no -PLUS. For an
 * unknown user the exchange goes on with a salt derived from the name, as §9 advises, and fails at the
 * proof, so that the first message does not tell which accounts exist.
 */
final class ScramServer implements SaslServerMechanism {

  private static final Base64.Encoder B64 = Base64.getEncoder();

  private final ScramHash hash;
  private final Function<String, Accounts.ScramCredential> credentials;
  private final String domain;
  private final byte[] secret;
  private final int iterations;
  private final Supplier<String> nonces;
  private final SecureRandom random = new SecureRandom();

  private int state;
  private String gs2Header;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;
  private String username;
  private Accounts.ScramCredential credential;

  /**
   * Creates an exchange for an account store.
   *
   * @param secret     a per-server secret for the made-up salts of unknown users
   * @param iterations the iteration count to pretend for unknown users
   */
  ScramServer(ScramHash hash, Accounts accounts, String domain, byte[] secret, int iterations) {
    this(hash, user -> {
      Accounts.Account a = accounts.get(user);
      return a == null ? null : a.scram(hash);
    }, domain, secret, iterations, null);
  }

  /**
   * Creates an exchange.
   *
   * @param credentials the credential of a (normalised) username, or {@code null} if unknown
   * @param nonces      the server's nonce part, or {@code null} for 18 random bytes in base64
   */
  ScramServer(ScramHash hash, Function<String, Accounts.ScramCredential> credentials, String domain,
              byte[] secret, int iterations, Supplier<String> nonces) {
    this.hash = hash;
    this.credentials = credentials;
    this.domain = domain;
    this.secret = secret;
    this.iterations = iterations;
    this.nonces = nonces;
  }

  @Override
  public SaslServerStep step(byte[] response) {
    if (response == null) {
      // RFC 6120 §6.4.2: without an initial response, the server sends an empty challenge.
      return state == 0 ? new SaslServerStep.Challenge(new byte[0])
          : malformed("an empty response");
    }
    String message = utf8(response);
    if (message == null) {
      return malformed("not UTF-8");
    }
    return switch (state++) {
      case 0 -> clientFirst(message);
      case 1 -> clientFinal(message);
      default -> malformed("the exchange is over");
    };
  }

  private SaslServerStep clientFirst(String m) {
    // gs2-header: gs2-cbind-flag "," [authzid] ","
    int c1 = m.indexOf(',');
    int c2 = c1 < 0 ? -1 : m.indexOf(',', c1 + 1);
    if (c2 < 0) {
      return malformed("no gs2 header (RFC 5802 §7)");
    }
    String flag = m.substring(0, c1);
    if (flag.startsWith("p=")) {
      return new SaslServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED,
          "channel binding is not offered (no -PLUS mechanism)");
    }
    if (!flag.equals("n") && !flag.equals("y")) {
      return malformed("a gs2-cbind-flag other than n, y or p=");
    }
    String authzid = m.substring(c1 + 1, c2);
    if (!authzid.isEmpty() && !authzid.startsWith("a=")) {
      return malformed("an authzid that does not start with a=");
    }
    gs2Header = m.substring(0, c2 + 1);
    clientFirstBare = m.substring(c2 + 1);
    String[] attrs = clientFirstBare.split(",", -1);
    if (attrs.length < 2 || !attrs[0].startsWith("n=") || !attrs[1].startsWith("r=")) {
      return malformed("client-first-message-bare is not n=...,r=... (RFC 5802 §7)");
    }
    String name = saslName(attrs[0].substring(2));
    String cnonce = attrs[1].substring(2);
    if (name == null || name.isEmpty() || !printable(cnonce) || cnonce.isEmpty()) {
      return malformed("a bad username or nonce");
    }
    if (!authzid.isEmpty()) {
      String z = saslName(authzid.substring(2));
      if (z == null) {
        return malformed("a bad authzid");
      }
      try {
        if (!z.equals(Accounts.normalize(name) + "@" + domain)) {
          return new SaslServerStep.Failure(SaslFailureCondition.INVALID_AUTHZID,
              "the authorization identity is not the account's bare JID");
        }
      } catch (IllegalArgumentException e) {
        return new SaslServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED, null);
      }
    }
    Accounts.ScramCredential known;
    try {
      username = Accounts.normalize(name);
      known = credentials.apply(username);
    } catch (IllegalArgumentException e) {
      known = null;
    }
    credential = known != null ? known : madeUp(name);
    if (known == null) {
      username = null;
    }
    nonce = cnonce + serverNonce();
    serverFirst = "r=" + nonce + ",s=" + B64.encodeToString(credential.salt()) + ",i="
        + credential.iterations();
    return new SaslServerStep.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
  }

  private SaslServerStep clientFinal(String m) {
    int p = m.lastIndexOf(",p=");
    if (p < 0) {
      return malformed("client-final-message has no proof (RFC 5802 §7)");
    }
    String withoutProof = m.substring(0, p);
    String[] attrs = withoutProof.split(",", -1);
    if (attrs.length < 2 || !attrs[0].startsWith("c=") || !attrs[1].startsWith("r=")) {
      return malformed("client-final-message is not c=...,r=...,p=...");
    }
    String expectedBinding = B64.encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
    if (!attrs[0].substring(2).equals(expectedBinding)) {
      return new SaslServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED,
          "the channel binding (c=) does not repeat the gs2 header");
    }
    if (!attrs[1].substring(2).equals(nonce)) {
      return new SaslServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED, "the nonce differs");
    }
    byte[] proof;
    try {
      proof = Base64.getDecoder().decode(m.substring(p + 3));
    } catch (IllegalArgumentException e) {
      return malformed("the proof is not base64");
    }
    byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
        .getBytes(StandardCharsets.UTF_8);
    byte[] clientSignature = hash.hmac(credential.storedKey(), authMessage);
    if (proof.length != clientSignature.length) {
      return new SaslServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED, null);
    }
    byte[] clientKey = new byte[proof.length];
    for (int i = 0; i < proof.length; i++) {
      clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
    }
    boolean valid = MessageDigest.isEqual(hash.hash(clientKey), credential.storedKey());
    Arrays.fill(clientKey, (byte) 0);
    if (!valid || username == null) {
      return new SaslServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED, null);
    }
    byte[] serverSignature = hash.hmac(credential.serverKey(), authMessage);
    String serverFinal = "v=" + B64.encodeToString(serverSignature);
    return new SaslServerStep.Success(username, serverFinal.getBytes(StandardCharsets.UTF_8));
  }

  private String serverNonce() {
    if (nonces != null) {
      return nonces.get();
    }
    byte[] snonce = new byte[18];
    random.nextBytes(snonce);
    return B64.encodeToString(snonce);
  }

  /** A credential for a user that does not exist: a stable salt, keys nobody can match. */
  private Accounts.ScramCredential madeUp(String name) {
    byte[] salt = Arrays.copyOf(hash.hmac(secret, name.getBytes(StandardCharsets.UTF_8)), 16);
    byte[] key = new byte[hash.hash(new byte[0]).length];
    random.nextBytes(key);
    return new Accounts.ScramCredential(salt, iterations, key, key);
  }

  /** Decodes a saslname (RFC 5802 §7): "=2C" is ",", "=3D" is "="; any other "=" is an error. */
  private static String saslName(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ',') {
        return null;
      }
      if (ch == '=') {
        if (s.startsWith("=2C", i)) {
          out.append(',');
        } else if (s.startsWith("=3D", i)) {
          out.append('=');
        } else {
          return null;
        }
        i += 2;
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean printable(String s) {
    return s.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != ',');
  }

  private static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static SaslServerStep malformed(String text) {
    return new SaslServerStep.Failure(SaslFailureCondition.MALFORMED_REQUEST, text);
  }
}
