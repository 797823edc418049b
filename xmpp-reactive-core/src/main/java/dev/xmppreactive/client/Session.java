package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.router.IqRouter;
import dev.xmppreactive.stanza.ExtensionRegistry;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaFormatException;
import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorException;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.publisher.SynchronousSink;

/**
 * The session behind {@link XmppSession}: the outbound queue, the inbound multicast point, IQ
 * correlation and routing, and the lifecycle. It outlives the connection it runs on.
 *
 * <p>Data flow. Inbound: the connection's objects → {@link #onInbound} (stanza decoding; replies to
 * pending requests are taken by the {@link IqCorrelator}; requests are answered through the
 * {@link IqRouter}; stream errors and the stream's end end the connection) → {@link InboundHub}, the
 * one multicast point → subscribers. Outbound: {@link OutboundQueue} → {@link OutboundWriter} → encoder
 * → socket.
 */
final class Session implements XmppSession {

  private static final Logger log = LoggerFactory.getLogger(Session.class);

  private final ClientSettings settings;
  private final OutboundQueue<Stanza> queue;
  private final InboundHub<Stanza> hub;
  private final Sinks.Many<Flux<Stanza>> connections = Sinks.many().unicast().onBackpressureBuffer();
  private final IqCorrelator correlator;
  private final IqRouter router;
  private final Sinks.Many<SessionEvent> events = Sinks.many().replay().limit(16);
  private final Sinks.Empty<Void> closed = Sinks.empty();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean terminated = new AtomicBoolean();

  private volatile Negotiated negotiated;
  private volatile XmppConnection connection;
  private volatile OutboundWriter writer;
  private volatile Sinks.Empty<Void> connectionEnded = Sinks.empty();
  private volatile Mono<Void> closeMono;

  Session(ClientSettings settings, IqRouterFactory routerFactory) {
    this.settings = settings;
    this.queue = new OutboundQueue<>(settings.outboundCapacity());
    this.hub = new InboundHub<>(settings.inboundCapacity());
    this.correlator = new IqCorrelator(settings.timer(), this::jid);
    this.router = routerFactory.create(this);
    connections.asFlux().concatMap(f -> f, 1).subscribe(hub);
    queue.onTerminate(() -> close().subscribe());
  }

  /** Makes the router for a session (so the brief's handler can see the session). */
  @FunctionalInterface
  interface IqRouterFactory {
    IqRouter create(XmppSession session);
  }

  /** Runs the session on a freshly negotiated connection. */
  void start(XmppConnection conn, Negotiated result) {
    this.negotiated = result;
    this.connection = conn;
    Sinks.Empty<Void> ended = Sinks.empty();
    this.connectionEnded = ended;
    OutboundWriter w = new OutboundWriter(conn.channel(), queue);
    conn.addHandler(OutboundWriter.NAME, w);
    this.writer = w;
    w.start();
    Flux<Stanza> stanzas = conn.takeover()
        .<Stanza>handle(this::onInbound)
        .doFinally(s -> ended.tryEmitEmpty())
        .onErrorResume(e -> {
          connectionLost(conn, e);
          return Mono.empty();
        })
        .doOnComplete(() -> connectionLost(conn, null));
    connections.tryEmitNext(stanzas);
    conn.onClose().subscribe(null, e -> connectionLost(conn, e), () -> connectionLost(conn, null));
    events.tryEmitNext(new SessionEvent.Connected(result.jid(), conn.address()));
    if (settings.initialPresence() != null) {
      queue.tryEmitNext(settings.initialPresence());
    }
  }

  private void onInbound(Object o, SynchronousSink<Stanza> sink) {
    if (o instanceof XmlElement e) {
      if (Stanza.isStanza(e)) {
        Stanza s;
        try {
          s = Stanza.fromElement(e);
        } catch (StanzaFormatException ex) {
          log.warn("refusing an invalid stanza from the server: {}", ex.getMessage());
          ex.errorReply().ifPresent(queue::tryEmitNext);
          return;
        }
        if (s instanceof Iq iq) {
          if (iq.isResponse() && correlator.offer(iq)) {
            return;
          }
          if (iq.isRequest()) {
            router.route(iq).subscribe(this::sendReply,
                err -> log.warn("could not answer IQ id='{}'", iq.id(), err));
          }
        }
        sink.next(s);
      } else if (StreamError.isStreamError(e)) {
        sink.error(new StreamErrorException(StreamError.fromElement(e), false));
      } else {
        log.debug("ignoring a top-level element the session does not use: {}", e.name());
      }
    } else if (o == StreamEnd.INSTANCE) {
      sink.complete();
    } else if (o instanceof StreamHeader) {
      sink.error(new NegotiationException("the server restarted the stream in a bound session"));
    }
  }

  private void sendReply(Iq reply) {
    if (queue.tryEmitNext(reply) != Sinks.EmitResult.OK) {
      log.warn("could not queue the reply to IQ id='{}'", reply.id());
    }
  }

  /** The connection ended: without reconnection, so does the session. */
  private void connectionLost(XmppConnection conn, Throwable cause) {
    if (conn != connection) {
      return;
    }
    OutboundWriter w = writer;
    if (w != null) {
      w.stop();
    }
    // Terminate before closing: closing fires conn.onClose() at once, whose callback comes back here
    // without the cause, and would end the session with a generic cause (the stream error lost).
    if (closing.get()) {
      terminate(null);
    } else {
      terminate(cause != null ? cause
          : new SessionClosedException("the server closed the stream"));
    }
    conn.close();
  }

  private void terminate(Throwable cause) {
    if (!terminated.compareAndSet(false, true)) {
      return;
    }
    closing.set(true);
    queue.tryEmitComplete();
    correlator.failAll(new SessionClosedException("the session is closed", cause));
    if (cause == null) {
      connections.tryEmitComplete();
    } else {
      connections.tryEmitError(cause);
    }
    events.tryEmitNext(new SessionEvent.Closed(cause));
    events.tryEmitComplete();
    closed.tryEmitEmpty();
  }

  @Override
  public Jid jid() {
    Negotiated n = negotiated;
    return n == null ? null : n.jid();
  }

  @Override
  public StreamFeatures features() {
    return negotiated.features();
  }

  @Override
  public ExtensionRegistry extensions() {
    return settings.extensions();
  }

  @Override
  public Flux<SessionEvent> events() {
    return events.asFlux();
  }

  @Override
  public Flux<Stanza> receive() {
    return hub;
  }

  @Override
  public Sinks.Many<Stanza> sink() {
    return queue;
  }

  @Override
  public Mono<Void> send(Stanza stanza) {
    return queue.enqueue(stanza);
  }

  @Override
  public Mono<Iq> request(Iq request) {
    return request(request, settings.requestTimeout());
  }

  @Override
  public Mono<Iq> request(Iq request, Duration timeout) {
    return correlator.request(request, timeout, queue::enqueue);
  }

  @Override
  public synchronized Mono<Void> close() {
    if (closeMono == null) {
      closeMono = Mono.defer(this::doClose).cache();
    }
    return closeMono;
  }

  private Mono<Void> doClose() {
    if (!closing.compareAndSet(false, true)) {
      return closed.asMono();
    }
    queue.tryEmitComplete();
    XmppConnection conn = connection;
    Sinks.Empty<Void> ended = connectionEnded;
    Duration bound = settings.closeTimeout();
    Mono<Void> drained = Flux.interval(Duration.ofMillis(5), settings.timer())
        .takeUntil(i -> queue.size() == 0)
        .then();
    return drained
        .then(conn.send(StreamEnd.INSTANCE))
        .then(ended.asMono())
        .timeout(bound, settings.timer())
        .onErrorResume(e -> {
          log.debug("closing the stream did not finish cleanly: {}", e.toString());
          return Mono.empty();
        })
        .doFinally(s -> {
          conn.close();
          terminate(null);
        })
        .then(closed.asMono());
  }

  @Override
  public Mono<Void> onClose() {
    return closed.asMono();
  }

  @Override
  public boolean isClosed() {
    return terminated.get();
  }

  /** What the negotiation of the current connection established (SASL outcome, TLS session). */
  Negotiated negotiated() {
    return negotiated;
  }

  /** The cause that ended the session, if it has ended with one: for the handler's callback. */
  Mono<Throwable> closeCause() {
    return events.asFlux().ofType(SessionEvent.Closed.class).next()
        .flatMap(c -> Mono.justOrEmpty(c.cause()));
  }
}
