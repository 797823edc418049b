package dev.xmppreactive.sasl;

import dev.xmppreactive.xml.XmlElement;
import java.util.Objects;

/**
 * One SASL negotiation on one stream, RFC 6120 §6.4, as a state machine over XML elements: no socket,
 * thread or clock.
 *
 * <p>The driver {@linkplain #start starts} it from the server's stream features, sends
 * {@link #authElement()}, then passes each element the server sends to {@link #receive}: a
 * {@link SaslStep.Respond} is sent back, a {@link SaslStep.Success} means a new stream must be opened
 * (§6.4.6). Every failure is a {@link SaslException}: from {@link #start} when nothing acceptable is
 * offered, from {@link #receive} when the server sends {@code <failure/>} or the exchange goes wrong.
 * After a failure of this client's making ({@link SaslException#isFromServer()} false) the driver
 * should close the stream; it may instead send {@link SaslElements#abort()} and await the server's
 * {@code <failure><aborted/></failure>} (§6.4.4) if it wants to try again on the same stream. A
 * {@code <stream:error/>} is not a SASL element: the driver handles it before calling {@link #receive}.
 *
 * <p>Not thread-safe: the driver calls it from the connection's thread, one element at a time.
 */
public final class SaslAttempt {

  private enum State { STARTED, AWAITING_SERVER, SUCCEEDED, FAILED }

  private final SaslSelection selection;
  private final SaslClient client;
  private State state = State.STARTED;

  SaslAttempt(SaslSelection selection, SaslClient client) {
    this.selection = Objects.requireNonNull(selection, "selection");
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Chooses a mechanism for what the server offers and prepares the exchange.
   *
   * @param settings the client's credentials and policy
   * @param features the server's {@code <stream:features/>}
   * @param channel  the connection under the stream: TLS or not, and its channel-binding data
   * @return the attempt, ready to send {@link #authElement()}
   * @throws SaslException            if no offered mechanism is acceptable, or the offer shows a
   *                                  downgrade (see {@link SaslSelector#select})
   * @throws IllegalArgumentException if the username or password cannot be prepared (for example, the
   *                                  password holds a code point OpaqueString disallows)
   */
  public static SaslAttempt start(SaslSettings settings, XmlElement features, SaslChannel channel) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(channel, "channel");
    SaslOffer offer = SaslOffer.fromFeatures(Objects.requireNonNull(features, "features"));
    SaslSelection selection = SaslSelector.select(settings, offer, channel);
    return new SaslAttempt(selection, newClient(settings, offer, selection));
  }

  private static SaslClient newClient(SaslSettings s, SaslOffer offer, SaslSelection selection) {
    String mech = selection.mechanism();
    switch (mech) {
      case "EXTERNAL":
        return SingleResponseClient.external(s.authzid());
      case "ANONYMOUS":
        return SingleResponseClient.anonymous();
      case "PLAIN":
        return SingleResponseClient.plain(s.authzid(), s.usernamePreparation().prepare(s.username()),
            s.passwordPreparation().prepare(s.password()));
      default:
        ScramMechanism scram = ScramMechanism.forName(mech).orElseThrow();
        return ScramClient.builder(scram)
            .username(s.usernamePreparation().prepare(s.username()))
            .password(s.passwordPreparation().prepare(s.password()))
            .authzid(s.authzid())
            .channelBinding(selection.channelBinding())
            .clientNonce(s.nonceSource().get())
            .offer(offer)
            .requireDowngradeProof(selection.requireDowngradeProof())
            .iterationLimits(s.minIterations(), s.maxIterations())
            .build();
    }
  }

  /** What was chosen, and why the other offered mechanisms were not. */
  public SaslSelection selection() {
    return selection;
  }

  /**
   * The {@code <auth/>} element that starts the exchange (RFC 6120 §6.4.2). Call it once.
   *
   * @throws IllegalStateException if it was already called
   */
  public XmlElement authElement() {
    if (state != State.STARTED) {
      throw new IllegalStateException("the <auth/> element has already been produced");
    }
    state = State.AWAITING_SERVER;
    return SaslElements.auth(client.mechanism(), client.initialResponse());
  }

  /**
   * Handles the server's next element: {@code <challenge/>}, {@code <success/>} or {@code <failure/>}.
   *
   * @param element the element, as the codec decoded it
   * @return the next step
   * @throws SaslException         for a {@code <failure/>}, or when this client refuses to go on:
   *                               malformed base64 or SCRAM message, an unexpected element, a challenge
   *                               after completion, a success the server did not prove (SCRAM), a
   *                               detected downgrade
   * @throws IllegalStateException if {@link #authElement()} was not sent yet, or the attempt is over
   */
  public SaslStep receive(XmlElement element) {
    Objects.requireNonNull(element, "element");
    if (state != State.AWAITING_SERVER) {
      throw new IllegalStateException(state == State.STARTED
          ? "send authElement() first" : "the attempt is over (" + state + ")");
    }
    try {
      SaslStep step = handle(element);
      if (step instanceof SaslStep.Success) {
        state = State.SUCCEEDED;
      }
      return step;
    } catch (SaslException e) {
      state = State.FAILED;
      throw e;
    }
  }

  private SaslStep handle(XmlElement e) {
    if (SaslElements.is(e, "challenge")) {
      byte[] data = SaslElements.data(e);
      byte[] response = client.evaluateChallenge(data == null ? new byte[0] : data);
      return new SaslStep.Respond(SaslElements.response(response));
    }
    if (SaslElements.is(e, "success")) {
      client.succeed(SaslElements.data(e));
      return new SaslStep.Success(new SaslOutcome(client.mechanism(),
          selection.channelBindingType(), client.serverAuthenticated(),
          client.downgradeProtection()));
    }
    if (SaslElements.is(e, "failure")) {
      throw SaslElements.failure(e);
    }
    throw SaslException.protocolViolation("unexpected element during SASL negotiation: " + e.name());
  }

  /** Whether the attempt has ended, in success or failure. */
  public boolean isDone() {
    return state == State.SUCCEEDED || state == State.FAILED;
  }
}
