package dev.xmppreactive.test;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaFormatException;
import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A bound session of the test server (RFC 6120 §7): its address, its presence state, its XEP-0198
 * counters and queue of unacknowledged stanzas, and the connection that carries it now, which a
 * resumption (XEP-0198 §5) can replace.
 *
 * <p>Locks: the presence fields are guarded by the server's lock ({@link ServerCore}); the stream
 * fields by this object's monitor. The server's lock is taken before this one, never after.
 */
final class ServerSession implements TestSession {

  private static final Logger log = LoggerFactory.getLogger(ServerSession.class);
  private static final long MASK = 0xFFFF_FFFFL;

  private final ServerCore core;
  private final Jid jid;
  private final String mechanism;

  // Guarded by the server's lock (RFC 6121 §4 state).
  /** Whether the session has sent available presence without a 'to' since it became unavailable. */
  boolean available;
  /** The last broadcast available presence, as stamped. */
  Presence lastPresence;
  /** Whether the session has asked for the roster (an "interested resource", RFC 6121 §2.1.6). */
  boolean interested;
  /** Entities that got directed available presence from the session (RFC 6121 §4.6). */
  final Set<Jid> directed = new LinkedHashSet<>();

  // Guarded by this.
  private ConnectionHandler connection;
  private Wire wire;
  private Duration delay = Duration.ZERO;
  private boolean ended;
  private boolean overflowed;
  private boolean smEnabled;
  private String smId;
  private Duration resumptionTimeout = Duration.ZERO;
  private long inCount;
  private long outCount;
  private long acked;
  private boolean ackRequested;
  private final ArrayDeque<Stanza> unacked = new ArrayDeque<>();
  private Disposable expiry;

  private volatile StanzaInterceptor interceptor;
  private final Sinks.Many<Stanza> received;
  private final Sinks.Empty<Void> end = Sinks.empty();

  ServerSession(ServerCore core, Jid jid, String mechanism, ConnectionHandler connection, Wire wire) {
    this.core = core;
    this.jid = jid;
    this.mechanism = mechanism;
    this.connection = connection;
    this.wire = wire;
    this.received = Sinks.many().replay().limit(core.config().recordLimit);
  }

  @Override
  public Jid jid() {
    return jid;
  }

  @Override
  public String mechanism() {
    return mechanism;
  }

  @Override
  public synchronized boolean isStreamManaged() {
    return smEnabled;
  }

  @Override
  public synchronized boolean isResumable() {
    return smId != null;
  }

  @Override
  public synchronized boolean isConnected() {
    return connection != null && !ended;
  }

  @Override
  public synchronized boolean isEnded() {
    return ended;
  }

  @Override
  public Flux<Stanza> received() {
    return received.asFlux();
  }

  @Override
  public Mono<Void> onEnd() {
    return end.asMono();
  }

  @Override
  public void send(Stanza stanza) {
    deliver(Objects.requireNonNull(stanza, "stanza"));
  }

  @Override
  public synchronized void sendRaw(String text) {
    Objects.requireNonNull(text, "text");
    if (wire != null) {
      wire.writeRaw(text);
    }
  }

  @Override
  public void sendStreamError(StreamError error) {
    Objects.requireNonNull(error, "error");
    core.endSession(this, new Object[] {error.toElement(), StreamEnd.INSTANCE});
  }

  @Override
  public void closeStream() {
    core.endSession(this, new Object[] {StreamEnd.INSTANCE});
  }

  @Override
  public void dropConnection() {
    Wire w;
    synchronized (this) {
      w = wire;
    }
    if (w != null) {
      w.closeNow(); // outside the lock: on the event loop the close runs at once, and calls back
    }
  }

  @Override
  public synchronized void delayDeliveries(Duration d) {
    Objects.requireNonNull(d, "delay");
    if (d.isNegative()) {
      throw new IllegalArgumentException("a delay cannot be negative: " + d);
    }
    delay = d;
    if (wire != null) {
      wire.delay(d);
    }
  }

  @Override
  public void intercept(StanzaInterceptor i) {
    this.interceptor = i;
  }

  @Override
  public String toString() {
    return "TestSession[" + jid + "]";
  }

  // ---- inbound, on the connection's event loop ----

  /** A top-level element in the stanza namespace arrived from the client. */
  void fromClient(XmlElement element) {
    Stanza s;
    try {
      s = Stanza.fromElement(element);
    } catch (StanzaFormatException e) {
      counted();
      e.errorReply().ifPresent(r -> deliver(r.withTo(jid)));
      return;
    }
    s = stamp(s);
    counted();
    synchronized (this) {
      received.tryEmitNext(s);
    }
    Intercept decision = decide(s);
    if (decision instanceof Intercept.Replace r) {
      core.route(this, stamp(r.stanza()));
    } else if (decision instanceof Intercept.Reply r) {
      r.stanzas().forEach(this::deliver);
    } else if (decision == Intercept.pass()) {
      core.route(this, s);
    }
  }

  /** RFC 6120 §8.1.2.1: the full JID, or the bare JID on subscription-related presence. */
  private Stanza stamp(Stanza s) {
    if (s instanceof Presence p && isSubscription(p.type())) {
      return p.withFrom(jid.bare());
    }
    return s.withFrom(jid);
  }

  static boolean isSubscription(Presence.Type t) {
    return t == Presence.Type.SUBSCRIBE || t == Presence.Type.SUBSCRIBED
        || t == Presence.Type.UNSUBSCRIBE || t == Presence.Type.UNSUBSCRIBED;
  }

  private Intercept decide(Stanza s) {
    StanzaInterceptor own = interceptor;
    StanzaInterceptor server = core.config().interceptor;
    Intercept d = apply(own, s);
    return d == Intercept.pass() ? apply(server, s) : d;
  }

  private Intercept apply(StanzaInterceptor i, Stanza s) {
    if (i == null) {
      return Intercept.pass();
    }
    try {
      Intercept d = i.intercept(this, s);
      return d == null ? Intercept.pass() : d;
    } catch (RuntimeException e) {
      log.warn("an interceptor failed on {}; the stanza goes on", s, e);
      return Intercept.pass();
    }
  }

  private synchronized void counted() {
    if (smEnabled) {
      inCount = (inCount + 1) & MASK;
    }
  }

  // ---- outbound, from any thread ----

  /**
   * Sends a stanza to the client: counted and queued for XEP-0198 when enabled, written when a
   * connection carries the session.
   *
   * @return false if the session has ended (or overflowed), so the stanza was not taken
   */
  synchronized boolean deliver(Stanza s) {
    if (ended || overflowed) {
      return false;
    }
    if (smEnabled) {
      outCount = (outCount + 1) & MASK;
      unacked.addLast(s);
      if (unacked.size() > core.config().maxUnacked) {
        overflowed = true;
        core.config().timer.schedule(() -> core.endSession(this, new Object[] {
            StreamError.of(StreamErrorCondition.RESOURCE_CONSTRAINT,
                "too many unacknowledged stanzas (XEP-0198)").toElement(), StreamEnd.INSTANCE}));
        return true;
      }
    }
    if (wire != null) {
      wire.write(s);
      requestAckIfDue();
    }
    return true;
  }

  private void requestAckIfDue() {
    int threshold = core.config().ackRequestThreshold;
    if (smEnabled && threshold > 0 && !ackRequested && unacked.size() >= threshold) {
      ackRequested = true;
      wire.write(SmElements.R);
    }
  }

  /** Writes a nonza or the session's own reply, in order with deliveries. */
  synchronized void write(Object o) {
    if (wire != null && !ended) {
      wire.write(o);
    }
  }

  // ---- XEP-0198 ----

  /**
   * Enables stream management (XEP-0198 §3).
   *
   * @param id      the SM-ID, non-null to allow resumption
   * @param timeout how long the session may wait for resumption
   */
  synchronized void enableSm(String id, Duration timeout) {
    long max = Math.max(1, (timeout.toMillis() + 999) / 1000);
    smEnabled = true;
    smId = id;
    resumptionTimeout = timeout;
    inCount = 0;
    outCount = 0;
    acked = 0;
    wire.write(SmElements.enabled(id, max));
  }

  /** Answers {@code <r/>} (XEP-0198 §4). */
  synchronized void answerAckRequest() {
    wire.write(SmElements.a(inCount));
  }

  /**
   * Takes an 'h' from {@code <a/>} or {@code <resume/>}: the stanzas it covers leave the queue.
   *
   * @return -1 if accepted, else the count of stanzas sent, which 'h' exceeded (XEP-0198 §6)
   */
  synchronized long acknowledge(long h) {
    long outstanding = (outCount - acked) & MASK;
    long newly = (h - acked) & MASK;
    if (newly > outstanding) {
      return outCount;
    }
    for (long i = 0; i < newly; i++) {
      unacked.pollFirst();
    }
    acked = h;
    ackRequested = false;
    return -1;
  }

  synchronized Duration resumptionTimeout() {
    return resumptionTimeout;
  }

  /** Whether this connection carries the session now. */
  synchronized boolean carriedBy(ConnectionHandler c) {
    return !ended && connection == c;
  }

  synchronized String smId() {
    return smId;
  }

  /**
   * Moves the session to a new connection (XEP-0198 §5): sends {@code <resumed/>} and the stanzas
   * still unacknowledged, in order.
   *
   * @return the connection that carried the session until now, or {@code null}
   */
  synchronized ConnectionHandler resumeOn(ConnectionHandler c, Wire w) {
    ConnectionHandler old = connection;
    connection = c;
    wire = w;
    w.delay(delay);
    if (expiry != null) {
      expiry.dispose();
      expiry = null;
    }
    ackRequested = false;
    w.write(SmElements.resumed(smId, inCount));
    unacked.forEach(w::write);
    requestAckIfDue();
    return old;
  }

  /**
   * The connection was lost: detaches it if it still carries the session.
   *
   * @return whether it did (false if another connection took over, or the session ended)
   */
  synchronized boolean detach(ConnectionHandler c) {
    if (ended || connection != c) {
      return false;
    }
    connection = null;
    wire = null;
    return true;
  }

  /** Whether a detached session may wait for resumption. */
  synchronized boolean mayHibernate() {
    return smId != null && !overflowed && !ended;
  }

  synchronized void expiry(Disposable d) {
    expiry = d;
  }

  /** Whether the session still waits for resumption (detached, not ended). */
  synchronized boolean isDetached() {
    return connection == null && !ended;
  }

  /**
   * Ends the session (called under the server's lock): writes the farewell, if any, and closes the
   * connection, after the client's end of stream if {@code linger}.
   *
   * @return the stanzas that were never acknowledged, or {@code null} if it had already ended
   */
  synchronized List<Stanza> markEnded(Object[] farewell, boolean linger) {
    if (ended) {
      return null;
    }
    ended = true;
    if (expiry != null) {
      expiry.dispose();
    }
    if (connection != null) {
      connection.ending();
    }
    if (wire != null) {
      if (farewell != null && linger) {
        wire.writeAndLinger(farewell);
      } else if (farewell != null) {
        wire.writeAndClose(farewell);
      } else {
        wire.closeNow();
      }
    }
    connection = null;
    wire = null;
    List<Stanza> lost = new ArrayList<>(unacked);
    unacked.clear();
    return lost;
  }

  /** Completes the fluxes of a session that ended. */
  void completed() {
    synchronized (this) {
      received.tryEmitComplete();
    }
    end.tryEmitEmpty();
  }
}
