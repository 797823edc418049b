package dev.xmppreactive.sasl;

import dev.xmppreactive.sasl.ScramMessages.Attribute;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The client side of one SCRAM exchange, RFC 5802 §3 and §5, with channel binding (§6) and XEP-0474
 * downgrade protection. Create it with {@link #builder(ScramMechanism)}.
 *
 * <p>It sends client-first, answers server-first with client-final, and accepts the exchange only once
 * the server's signature ({@code v=}) has been verified, in constant time, whether it arrives in a
 * last challenge (the client then answers with an empty response) or as additional data with
 * success. Single use and not thread-safe.
 */
public final class ScramClient implements SaslClient {

  private enum State { START, AWAIT_SERVER_FIRST, AWAIT_SERVER_FINAL, VERIFIED, FAILED }

  private final ScramMechanism mechanism;
  private final Gs2ChannelBinding channelBinding;
  private final String gs2Header;
  private final String clientFirstBare;
  private final String clientNonce;
  private final SaslOffer offer;
  private final boolean requireDowngradeProof;
  private final int minIterations;
  private final int maxIterations;
  private String password;
  private byte[] expectedServerSignature;
  private DowngradeProtection downgrade = DowngradeProtection.NOT_OFFERED;
  private State state = State.START;

  private ScramClient(Builder b) {
    this.mechanism = b.mechanism;
    this.channelBinding = b.channelBinding;
    this.gs2Header = channelBinding.flagText() + ","
        + (b.authzid == null ? "" : "a=" + ScramMessages.escape(b.authzid)) + ",";
    this.clientNonce = b.clientNonce;
    this.clientFirstBare = "n=" + ScramMessages.escape(b.username) + ",r=" + b.clientNonce;
    this.password = b.password;
    this.offer = b.offer;
    this.requireDowngradeProof = b.requireDowngradeProof;
    this.minIterations = b.minIterations;
    this.maxIterations = b.maxIterations;
  }

  /** Starts a client for the mechanism. */
  public static Builder builder(ScramMechanism mechanism) {
    return new Builder(mechanism);
  }

  @Override
  public String mechanism() {
    return mechanism.name();
  }

  @Override
  public byte[] initialResponse() {
    if (state != State.START) {
      throw new IllegalStateException("the initial response has already been sent");
    }
    state = State.AWAIT_SERVER_FIRST;
    return (gs2Header + clientFirstBare).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] evaluateChallenge(byte[] challenge) {
    State s = state;
    if (s == State.START || s == State.FAILED) {
      throw new IllegalStateException("no challenge is expected in state " + s);
    }
    try {
      switch (s) {
        case AWAIT_SERVER_FIRST:
          byte[] clientFinal = serverFirst(SaslCodec.utf8(challenge, "SCRAM server-first-message"));
          state = State.AWAIT_SERVER_FINAL;
          return clientFinal;
        case AWAIT_SERVER_FINAL:
          serverFinal(challenge);
          state = State.VERIFIED;
          return new byte[0];
        default:
          throw SaslException.protocolViolation("a challenge after the SCRAM exchange was complete");
      }
    } catch (SaslException e) {
      fail();
      throw e;
    }
  }

  @Override
  public void succeed(byte[] additionalData) {
    State s = state;
    if (s == State.FAILED) {
      throw new IllegalStateException("the exchange has already failed");
    }
    boolean hasData = additionalData != null && additionalData.length > 0;
    try {
      if (s == State.VERIFIED) {
        if (hasData) {
          serverFinal(additionalData);
        }
        return;
      }
      if (s != State.AWAIT_SERVER_FINAL) {
        throw SaslException.local(SaslException.Kind.SERVER_SIGNATURE_INVALID,
            "success before the SCRAM exchange finished: the server never proved it knows the password");
      }
      if (!hasData) {
        throw SaslException.local(SaslException.Kind.SERVER_SIGNATURE_INVALID,
            "success without the server's SCRAM signature (v=)");
      }
      serverFinal(additionalData);
      state = State.VERIFIED;
    } catch (SaslException e) {
      fail();
      throw e;
    }
  }

  @Override
  public boolean serverAuthenticated() {
    return state == State.VERIFIED;
  }

  @Override
  public DowngradeProtection downgradeProtection() {
    return downgrade;
  }

  private void fail() {
    state = State.FAILED;
    password = null;
    if (expectedServerSignature != null) {
      Arrays.fill(expectedServerSignature, (byte) 0);
    }
  }

  private byte[] serverFirst(String message) {
    ScramServerFirst first = ScramServerFirst.parse(message, clientNonce, minIterations,
        maxIterations);
    downgrade = Ssdp.check(first.extensions(), mechanism.hash(), offer, requireDowngradeProof);
    return clientFinal(message, first.nonce(), first.salt(), first.iterations());
  }

  private byte[] clientFinal(String serverFirst, String nonce, byte[] salt, int iterations) {
    ScramHash hash = mechanism.hash();
    byte[] pass = password.getBytes(StandardCharsets.UTF_8);
    password = null;
    byte[] salted = hash.hi(pass, salt, iterations);
    byte[] clientKey = hash.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
    byte[] storedKey = hash.hash(clientKey);
    byte[] serverKey = hash.hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
    byte[] cbind = channelBinding.cbindInput(gs2Header.getBytes(StandardCharsets.UTF_8));
    String withoutProof = "c=" + SaslCodec.base64(cbind) + ",r=" + nonce;
    byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
        .getBytes(StandardCharsets.UTF_8);
    byte[] proof = hash.hmac(storedKey, authMessage);
    for (int i = 0; i < proof.length; i++) {
      proof[i] ^= clientKey[i];
    }
    expectedServerSignature = hash.hmac(serverKey, authMessage);
    for (byte[] secret : List.of(pass, salted, clientKey, storedKey, serverKey)) {
      Arrays.fill(secret, (byte) 0);
    }
    return (withoutProof + ",p=" + SaslCodec.base64(proof)).getBytes(StandardCharsets.UTF_8);
  }

  private void serverFinal(byte[] data) {
    List<Attribute> attrs = ScramMessages.parse(
        SaslCodec.utf8(data, "SCRAM server-final-message"), "server-final-message");
    Attribute first = attrs.get(0);
    if (first.name() == 'e') {
      throw SaslException.scramServerError(first.value());
    }
    if (first.name() != 'v') {
      throw SaslException.protocolViolation("the SCRAM server-final-message starts with neither v= nor e=");
    }
    byte[] signature;
    try {
      signature = SaslCodec.base64(first.value(), "the SCRAM server signature");
    } catch (SaslException e) {
      throw SaslException.local(SaslException.Kind.SERVER_SIGNATURE_INVALID,
          "the server's SCRAM signature (v=) is not base64", e);
    }
    if (!MessageDigest.isEqual(expectedServerSignature, signature)) {
      throw SaslException.local(SaslException.Kind.SERVER_SIGNATURE_INVALID,
          "the server's SCRAM signature (v=) is wrong: it does not know the password, or the "
              + "exchange was tampered with");
    }
  }

  /** Builds a {@link ScramClient}. Not thread-safe. */
  public static final class Builder {
    private final ScramMechanism mechanism;
    private String username;
    private String password;
    private String authzid;
    private Gs2ChannelBinding channelBinding = Gs2ChannelBinding.notSupported();
    private String clientNonce;
    private SaslOffer offer;
    private boolean requireDowngradeProof;
    private int minIterations = SaslSettings.DEFAULT_MIN_ITERATIONS;
    private int maxIterations = SaslSettings.DEFAULT_MAX_ITERATIONS;

    private Builder(ScramMechanism mechanism) {
      this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
    }

    /** The prepared username (authcid); escaped here as saslname. */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /** The prepared password. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** The authorization identity ({@code a=}), or {@code null} for none (the default). */
    public Builder authzid(String authzid) {
      this.authzid = authzid;
      return this;
    }

    /** The GS2 channel binding; default "n". A -PLUS mechanism needs flag "p", the others must not. */
    public Builder channelBinding(Gs2ChannelBinding channelBinding) {
      this.channelBinding = Objects.requireNonNull(channelBinding, "channelBinding");
      return this;
    }

    /** The client nonce: printable ASCII without a comma (RFC 5802 §7). */
    public Builder clientNonce(String clientNonce) {
      this.clientNonce = clientNonce;
      return this;
    }

    /** What the server offered, which XEP-0474's hash is checked against. */
    public Builder offer(SaslOffer offer) {
      this.offer = offer;
      return this;
    }

    /** Whether to fail unless the server proves its offer with XEP-0474 (XEP-0474 §5 new rule 6). */
    public Builder requireDowngradeProof(boolean require) {
      this.requireDowngradeProof = require;
      return this;
    }

    /** The range of iteration counts accepted. */
    public Builder iterationLimits(int min, int max) {
      if (min < 1 || max < min) {
        throw new IllegalArgumentException("need 1 <= min <= max, got " + min + ", " + max);
      }
      this.minIterations = min;
      this.maxIterations = max;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException if a value is missing or invalid
     */
    public ScramClient build() {
      if (username == null || username.isEmpty()) {
        throw new IllegalArgumentException("a SCRAM username must not be empty");
      }
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("a SCRAM password must not be empty");
      }
      if (clientNonce == null || !ScramMessages.isPrintable(clientNonce)) {
        throw new IllegalArgumentException("a SCRAM nonce must be printable ASCII without ','");
      }
      Objects.requireNonNull(offer, "offer");
      if (mechanism.plus() != (channelBinding.flag() == Gs2ChannelBinding.Flag.P)) {
        throw new IllegalArgumentException(mechanism.plus()
            ? mechanism + " needs channel binding (flag p)"
            : mechanism + " cannot bind a channel; only -PLUS variants send flag p");
      }
      return new ScramClient(this);
    }
  }
}
