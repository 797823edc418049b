package dev.xmppreactive.roster;

import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.StreamFeatures;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.ExtensionRegistry;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaIds;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A session without a network, for tests of the roster's pipelines: the test feeds what the server
 * would send ({@link #receive(Stanza)}, {@link #event}) and watches what the roster sends
 * ({@link #sent()}); requests are answered by a function (by default an empty result).
 */
final class FakeSession implements XmppSession {

  private final Jid jid;
  private final StreamFeatures features;
  private final Sinks.Many<Stanza> inbound = Sinks.many().multicast().onBackpressureBuffer();
  private final Sinks.Many<Stanza> outbound = Sinks.many().replay().all();
  private final Sinks.Many<SessionEvent> events = Sinks.many().replay().limit(64);
  private final Sinks.Empty<Void> closed = Sinks.empty();
  private final List<Stanza> sentSoFar = new CopyOnWriteArrayList<>();
  private final AtomicBoolean isClosed = new AtomicBoolean();
  private volatile Function<Iq, Mono<Iq>> requests = iq -> Mono.just(iq.resultReply());

  FakeSession(Jid jid, String... featureNamespaces) {
    this.jid = jid;
    XmlElement.Builder f = XmlElement.builder("features", StreamHeader.STREAM_NS);
    for (String ns : featureNamespaces) {
      f.child(XmlElement.empty(ns.endsWith("rosterver") ? "ver" : "sub", ns));
    }
    this.features = new StreamFeatures(f.build());
    events.tryEmitNext(new SessionEvent.Connected(jid, null));
  }

  /** A session of juliet@example.com/balcony offering roster versioning and pre-approval. */
  static FakeSession versioned() {
    return new FakeSession(Jid.of("juliet@example.com/balcony"), StreamFeatures.ROSTER_VER_NS,
        StreamFeatures.PRE_APPROVAL_NS);
  }

  /** Delivers a stanza as if the server sent it. */
  void receive(Stanza s) {
    inbound.emitNext(s, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
  }

  /** Publishes a lifecycle event. */
  void event(SessionEvent e) {
    events.emitNext(e, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
  }

  /** How requests are answered from now on. */
  void answerRequests(Function<Iq, Mono<Iq>> f) {
    this.requests = f;
  }

  /** Everything sent (and requested), replayed from the start. */
  Flux<Stanza> sent() {
    return outbound.asFlux();
  }

  /** What was sent until now. */
  List<Stanza> sentSoFar() {
    return List.copyOf(sentSoFar);
  }

  /** The IQs sent, replayed from the start. */
  Flux<Iq> sentIqs() {
    return sent().ofType(Iq.class);
  }

  @Override
  public Jid jid() {
    return jid;
  }

  @Override
  public StreamFeatures features() {
    return features;
  }

  @Override
  public ExtensionRegistry extensions() {
    return ExtensionRegistry.builder().build();
  }

  @Override
  public Flux<SessionEvent> events() {
    return events.asFlux();
  }

  @Override
  public Mono<Void> close() {
    return Mono.fromRunnable(() -> {
      isClosed.set(true);
      events.tryEmitNext(new SessionEvent.Closed(null));
      events.tryEmitComplete();
      inbound.tryEmitComplete();
      outbound.tryEmitComplete();
      closed.tryEmitEmpty();
    });
  }

  @Override
  public Mono<Void> onClose() {
    return closed.asMono();
  }

  @Override
  public boolean isClosed() {
    return isClosed.get();
  }

  @Override
  public Flux<Stanza> receive() {
    return inbound.asFlux();
  }

  @Override
  public Sinks.Many<Stanza> sink() {
    throw new UnsupportedOperationException("the roster sends with send()");
  }

  @Override
  public Mono<Void> send(Stanza stanza) {
    return Mono.fromRunnable(() -> {
      sentSoFar.add(stanza);
      outbound.emitNext(stanza, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    });
  }

  @Override
  public Mono<Void> sendAcked(Stanza stanza) {
    return send(stanza);
  }

  @Override
  public Mono<Iq> request(Iq request) {
    Iq req = request.id() == null ? request.withId(StanzaIds.random()) : request;
    return send(req).then(Mono.defer(() -> requests.apply(req)));
  }

  @Override
  public Mono<Iq> request(Iq request, Duration timeout) {
    return request(request);
  }
}
