package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.router.IqRouter;
import dev.xmppreactive.sm.SmElements;
import dev.xmppreactive.sm.SmProtocolException;
import dev.xmppreactive.stanza.ExtensionRegistry;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaFormatException;
import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorException;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.publisher.SynchronousSink;
import reactor.util.concurrent.Queues;

/**
 * The session behind {@link XmppSession}: the outbound queue, the inbound multicast point, IQ
 * correlation and routing, Stream Management, reconnection and the lifecycle. It outlives the
 * connections it runs on.
 *
 * <p>Data flow. Inbound: each connection's objects → {@link #onInbound} (stanza decoding; replies to
 * pending requests taken by the {@link IqCorrelator}; requests answered through the {@link IqRouter};
 * SM nonzas; stream errors and the stream's end end the connection) → {@link InboundRelay} (the
 * connection's demand, or all it read once it closed) → {@link InboundHub}, the one
 * multicast point, which takes the connections one after the other → subscribers. Outbound:
 * {@link OutboundQueue} → {@link OutboundWriter} (SM counting) → encoder → socket.
 *
 * <p>When a connection is lost, the session reconnects as {@link Reconnector} says, resumes the stream
 * where it can (XEP-0198 §5) and otherwise starts a new one; the user's fluxes and sink go on.
 */
final class Session implements XmppSession {

  private static final Logger log = LoggerFactory.getLogger(Session.class);

  private final ClientSettings settings;
  private final OutboundQueue<Stanza> queue;
  private final InboundHub<Stanza> hub;
  /** One inner flux per connection; a queue of small links, not Reactor's default 256-slot array. */
  private final Sinks.Many<Flux<Stanza>> connections =
      Sinks.many().unicast().onBackpressureBuffer(Queues.<Flux<Stanza>>unbounded(8).get());
  private final IqCorrelator correlator;
  private final IqRouter router;
  private final SmState sm;
  private final Reconnector reconnector;
  private final Sinks.Many<SessionEvent> events = Sinks.many().replay().limit(64);
  private final Sinks.Empty<Void> closed = Sinks.empty();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean terminated = new AtomicBoolean();

  private volatile Negotiated negotiated;
  private volatile XmppConnection connection;
  private volatile OutboundWriter writer;
  private volatile Sinks.Empty<Void> connectionEnded = Sinks.empty();
  private volatile Disposable keepalive = Disposables.disposed();
  private volatile Throwable deadCause;
  private volatile long lastInbound;
  private static final long NOT_STALLED = Long.MIN_VALUE;
  /** Since when reading has been paused (timer nanos), as the keepalive ticks see it. */
  private volatile long stalledSince = NOT_STALLED;
  private volatile boolean stallReported;
  private volatile Throwable stallWriteFailure;
  private volatile Disposable reconnecting;
  private Mono<Void> closeMono;

  Session(ClientSettings settings, IqRouterFactory routerFactory, Reconnector reconnector) {
    this.settings = settings;
    this.queue = new OutboundQueue<>(settings.outboundCapacity());
    this.hub = new InboundHub<>(settings.inboundCapacity());
    this.correlator = new IqCorrelator(settings.timer(), this::jid);
    this.router = routerFactory.create(this);
    this.sm = new SmState(settings.sm());
    this.reconnector = reconnector;
    connections.asFlux().concatMap(f -> f, 1).subscribe(hub);
    queue.onTerminate(() -> close().subscribe());
  }

  /** Makes the router for a session (so the brief's handler can see the session). */
  @FunctionalInterface
  interface IqRouterFactory {
    IqRouter create(XmppSession session);
  }

  /** Records what the negotiation established (before handlers are attached, so they see the JID). */
  void negotiated(Negotiated result) {
    this.negotiated = result;
  }

  /** Runs the session on its first connection. */
  void start(XmppConnection conn, Negotiated result) {
    attach(conn, result, true);
  }

  /** Runs the session on a connection: the first one, or one that replaces a lost one. */
  private void attach(XmppConnection conn, Negotiated result, boolean first) {
    SmOutcome smOutcome = result.sm();
    List<OutboundQueue.Entry<Stanza>> acked = new ArrayList<>();
    List<OutboundQueue.Entry<Stanza>> resend;
    boolean resumed = smOutcome.resumed();
    if (resumed) {
      try {
        resend = sm.resumed(smOutcome.serverH(), acked);
      } catch (SmProtocolException e) {
        log.warn("the server's <resumed h=''/> does not fit what was sent: {}", e.getMessage());
        resend = sm.newStream(null, -1, acked);
        resumed = false;
      }
    } else {
      if (!first) {
        log.info("{}: a new stream ({}); {} stanzas to send again", negotiated.jid(),
            smOutcome.resumeFailed() != null ? "the server refused to resume: "
                + smOutcome.resumeFailed() + ", h=" + smOutcome.serverH()
                : sm.enabled() == null ? "Stream Management was not on"
                : "the old stream was not resumable", sm.unacked());
      }
      resend = sm.newStream(smOutcome.enabled(), smOutcome.serverH(), acked);
    }
    Negotiated effective = resumed ? new Negotiated(negotiated.jid(), negotiated.features(),
        result.serverHeader(), result.tls(), result.sasl(), result.sm(), result.early()) : result;
    this.negotiated = effective;
    this.connection = conn;
    this.deadCause = null;
    this.stallWriteFailure = null;
    Sinks.Empty<Void> ended = Sinks.empty();
    this.connectionEnded = ended;
    for (OutboundQueue.Entry<Stanza> e : acked) {
      if (e.done() != null) {
        e.done().success();
      }
    }
    if (!resumed) {
      List<OutboundQueue.Entry<Stanza>> ordered = new ArrayList<>(resend.size() + 1);
      if (settings.initialPresence() != null) {
        ordered.add(new OutboundQueue.Entry<>(settings.initialPresence(), null, false));
      }
      ordered.addAll(resend);
      resend = ordered;
      if (!first) {
        failRequestsNotResent(resend);
      }
    }
    OutboundWriter w = new OutboundWriter(conn.channel(), queue, sm, settings.timer());
    conn.addHandler(OutboundWriter.NAME, w);
    this.writer = w;
    w.start(resend);

    lastInbound = now();
    Flux<Object> early = Flux.fromIterable(result.early());
    Link link = new Link(conn);
    link.relay = new InboundRelay<>(error -> { // on the event loop, once
      ended.tryEmitEmpty();
      connectionLost(link, error);
    });
    early.<Stanza>handle((o, sink) -> onInbound(o, sink, false))
        .concatWith(conn.takeover().<Stanza>handle((o, sink) -> onInbound(o, sink, true)))
        .subscribe(link.relay);
    // The end of the connection is learnt from its inbound objects, which Reactor Netty completes
    // after what was already read: so nothing read is lost, and 'h' is right for resuming. When the
    // connection closes, what it read is taken at once (see closed), so the end is learnt then,
    // not when a slow subscriber has caught up.
    connections.tryEmitNext(link.relay);
    conn.channel().closeFuture().addListener(f -> closed(link));
    this.keepalive = startKeepalive(link);
    if (first) {
      emit(new SessionEvent.Connected(effective.jid(), conn.address()));
    } else if (resumed) {
      emit(new SessionEvent.Resumed(effective.jid(), conn.address()));
    } else {
      emit(new SessionEvent.Reconnected(effective.jid(), conn.address(), true));
    }
  }

  /** On a new stream the old one's pending requests get no reply, unless they are being resent. */
  private void failRequestsNotResent(List<OutboundQueue.Entry<Stanza>> resend) {
    Set<String> ids = new HashSet<>();
    for (OutboundQueue.Entry<Stanza> e : resend) {
      if (e.value() instanceof Iq iq && iq.isRequest()) {
        ids.add(iq.id());
      }
    }
    correlator.failAllExcept(ids, new SessionClosedException(
        "the stream was lost and not resumed: the request's reply cannot come"));
  }

  /** One connection as the session uses it. */
  private static final class Link {
    final XmppConnection conn;
    /** Its stanzas, on their way to the hub. */
    InboundRelay<Stanza> relay;
    final AtomicBoolean lost = new AtomicBoolean();
    /** It closed while the session was not reading. */
    volatile boolean closedWhileStalled;
    /** When the last keepalive write of a stall went out (nanos of the timer). */
    long lastStallWrite;

    Link(XmppConnection conn) {
      this.conn = conn;
    }
  }

  private void onInbound(Object o, SynchronousSink<Stanza> sink, boolean counted) {
    lastInbound = now();
    if (o instanceof XmlElement e) {
      if (Stanza.isStanza(e)) {
        Stanza s;
        try {
          s = Stanza.fromElement(e);
        } catch (StanzaFormatException ex) {
          if (counted) {
            handled();
          }
          log.warn("refusing an invalid stanza from the server: {}", ex.getMessage());
          ex.errorReply().ifPresent(queue::tryEmitNext);
          return;
        }
        if (counted) {
          handled(); // handed on: to the hub below, or to the correlator or router
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
      } else if (SmElements.isSm(e)) {
        onSmNonza(e, sink);
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

  /** Counts an inbound stanza as handled, and acknowledges it unasked when it is time (XEP-0198 §4). */
  private void handled() {
    if (sm.handled()) {
      writer.writeNonza(SmElements.answer(sm.h()));
    }
  }

  private void onSmNonza(XmlElement e, SynchronousSink<Stanza> sink) {
    OutboundWriter w = writer;
    switch (e.localName()) {
      case "r" -> {
        sm.ackSent();
        w.writeNonza(SmElements.answer(sm.h()));
      }
      case "a" -> {
        try {
          w.acked(sm.ack(SmElements.h(e)));
        } catch (SmProtocolException ex) {
          sm.forgetResumption();
          sink.error(ex);
        }
      }
      default -> log.debug("ignoring an unexpected Stream Management element: {}", e.localName());
    }
  }

  private void sendReply(Iq reply) {
    if (queue.tryEmitNext(reply) != Sinks.EmitResult.OK) {
      log.warn("could not queue the reply to IQ id='{}'", reply.id());
    }
  }

  /** The connection ended: reconnect, unless the session is closing or the cause is final. */
  private void connectionLost(Link link, Throwable error) {
    XmppConnection conn = link.conn;
    if (conn != connection || !link.lost.compareAndSet(false, true)) {
      return;
    }
    Throwable cause = deadCause != null ? deadCause : error;
    if (cause == null && link.closedWhileStalled) {
      cause = new InboundStalledException("the connection closed while the session was not "
          + "reading (" + hub.buffered() + " stanzas wait for a slow subscriber)", stallWriteFailure);
    }
    keepalive.dispose();
    OutboundWriter w = writer;
    if (w != null) {
      w.stop();
    }
    conn.close();
    if (closing.get()) {
      terminate(null);
      return;
    }
    if (cause == null) {
      cause = new SessionClosedException("the server closed the stream");
    }
    if (Reconnector.isFinal(cause)) {
      terminate(cause);
      return;
    }
    emit(new SessionEvent.Suspended(cause));
    SmElements.Enabled en = sm.enabled();
    SmRequest request = settings.sm().enabled() ? SmRequest.enable(settings.sm().maxResumption())
        : SmRequest.none();
    if (en != null && en.resumable()) {
      request = request.resume(en.id(), sm.h(), negotiated.jid());
    }
    reconnecting = reconnector.reconnect(cause, request, en == null ? null : en.location(),
            attempt -> emit(new SessionEvent.Reconnecting(attempt)))
        .subscribe(r -> {
          if (closing.get()) {
            r.connection().close();
            terminate(null);
          } else {
            attach(r.connection(), r.negotiated(), false);
          }
        }, this::terminate);
  }

  /**
   * Probes a silent connection and closes it if the probe gets no answer; watches for a paused
   * inbound and keeps a stalled connection alive (see {@link Keepalive}).
   */
  private Disposable startKeepalive(Link link) {
    XmppConnection conn = link.conn;
    Keepalive k = settings.keepalive();
    long intervalNanos = k.interval().toNanos();
    long timeoutNanos = k.timeout().toNanos();
    Duration tick = Duration.ofNanos(Math.max(Duration.ofMillis(100).toNanos(),
        Math.min(Math.min(intervalNanos, timeoutNanos), k.stallAfter().toNanos()) / 4));
    long[] probeAt = {0};
    return Flux.interval(tick, tick, settings.timer()).subscribe(i -> {
      long now = now();
      if (watchStall(link, now)) {
        probeAt[0] = 0; // its answer would be behind the unread stanzas
        return;
      }
      if (probeAt[0] != 0) {
        if (lastInbound >= probeAt[0]) {
          probeAt[0] = 0; // something came back
        } else if (now - probeAt[0] >= timeoutNanos) {
          deadCause = new KeepaliveTimeoutException(k);
          conn.close();
        }
        return;
      }
      if (now - lastInbound >= intervalNanos && !hub.isFull()) {
        probeAt[0] = now;
        if (sm.active()) {
          sm.requestAnswered();
          writer.writeNonza(SmElements.request());
        } else {
          correlator.request(Iq.get(Jid.domain(jid().domainpart()),
                  XmlElement.empty("ping", IqRouter.PING_NS)), k.timeout(), queue::enqueue)
              .subscribe(r -> { }, e -> { });
        }
      }
    });
  }

  /**
   * At each keepalive tick: whether reading is paused (the inbound hub has no demand upstream). A
   * pause that lasts {@link Keepalive#stallAfter()} is reported, and while it lasts the connection
   * gets a write every {@code stallAfter} that needs no answer; its end is reported too.
   */
  private boolean watchStall(Link link, long now) {
    long since = stalledSince;
    if (!hub.readingPaused()) {
      if (since != NOT_STALLED) {
        stalledSince = NOT_STALLED;
        lastInbound = now; // silence is judged afresh once reading goes on
        if (stallReported) {
          stallReported = false;
          log.info("{}: reading goes on after {} ms", jid(), (now - since) / 1_000_000);
          emit(new SessionEvent.InboundResumed(Duration.ofNanos(now - since)));
        }
      }
      return false;
    }
    if (since == NOT_STALLED) {
      stalledSince = now;
      link.lastStallWrite = now;
      return true;
    }
    long stallNanos = settings.keepalive().stallAfter().toNanos();
    if (!stallReported && now - since >= stallNanos) {
      stallReported = true;
      log.info("{}: not reading for {} ms: {} stanzas wait for a subscriber's demand", jid(),
          (now - since) / 1_000_000, hub.buffered());
      emit(new SessionEvent.InboundStalled(Duration.ofNanos(now - since), hub.buffered()));
    }
    if (now - link.lastStallWrite >= stallNanos) {
      link.lastStallWrite = now;
      writeWhileStalled(link.conn);
    }
    return true;
  }

  /**
   * A write that needs no answer: an unrequested ack (XEP-0198 §4) where SM is on (it also stops
   * ejabberd's ack timer), else a whitespace keepalive (RFC 6120 §4.6.1). If the server has closed
   * the connection, the write fails (or the one after it, once the server's TCP reset is in), and
   * the connection is closed: so its loss is noticed while the session is not reading.
   */
  private void writeWhileStalled(XmppConnection conn) {
    Object keepalive = sm.active() ? SmElements.answer(sm.h())
        : Unpooled.wrappedBuffer(new byte[] {' '});
    conn.channel().writeAndFlush(keepalive).addListener(f -> {
      if (!f.isSuccess()) {
        stallWriteFailure = f.cause();
        conn.close();
      }
    });
  }

  /**
   * The connection closed. Its stanzas that were read and not yet handed on are taken at once (they
   * are in memory already: at most what the socket's buffer held), counted as handled and held for
   * the subscribers, so the session learns now how the connection ended (a stream error, the end of
   * the stream, a reset) and resumes with an 'h' that counts everything it will deliver (XEP-0198
   * §5: exactly once), instead of waiting for a slow subscriber to catch up. On the event loop.
   */
  private void closed(Link link) {
    link.closedWhileStalled = hub.readingPaused();
    link.relay.drainAll();
  }

  /** Emits an event; emissions from several threads (event loops, the timer) wait for each other. */
  private void emit(SessionEvent e) {
    events.emitNext(e, (signal, result) -> result == Sinks.EmitResult.FAIL_NON_SERIALIZED);
  }

  private long now() {
    return settings.timer().now(TimeUnit.NANOSECONDS);
  }

  private void terminate(Throwable cause) {
    if (!terminated.compareAndSet(false, true)) {
      return;
    }
    closing.set(true);
    keepalive.dispose();
    Disposable r = reconnecting;
    if (r != null) {
      r.dispose();
    }
    queue.tryEmitComplete();
    SessionClosedException closedError = new SessionClosedException("the session is closed", cause);
    for (OutboundQueue.Entry<Stanza> e : queue.drain()) {
      if (e.done() != null) {
        e.done().error(closedError);
      }
    }
    for (OutboundQueue.Entry<Stanza> e : sm.drainUnacked()) {
      if (e.done() != null) {
        e.done().error(closedError);
      }
    }
    correlator.failAll(closedError);
    if (cause == null) {
      connections.tryEmitComplete();
    } else {
      connections.tryEmitError(cause);
    }
    emit(new SessionEvent.Closed(cause));
    events.emitComplete((signal, result) -> result == Sinks.EmitResult.FAIL_NON_SERIALIZED);
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
  public Mono<Void> sendAcked(Stanza stanza) {
    return queue.enqueue(stanza, true);
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
    Disposable r = reconnecting;
    XmppConnection conn = connection;
    if (r != null && !r.isDisposed() || conn == null || !conn.isOpen()) {
      terminate(null); // not connected now: nothing to close gracefully
      return closed.asMono();
    }
    Sinks.Empty<Void> ended = connectionEnded;
    Duration bound = settings.closeTimeout();
    Mono<Void> drained = Flux.interval(Duration.ofMillis(5), settings.timer())
        .takeUntil(i -> queue.size() == 0)
        .then();
    Mono<Void> finalAck = sm.active() ? conn.send(SmElements.answer(sm.h())) : Mono.empty();
    return drained
        .then(finalAck) // XEP-0198 §4: tell the server what was handled before closing
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
