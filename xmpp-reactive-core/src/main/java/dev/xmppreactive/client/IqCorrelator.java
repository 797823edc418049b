package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.StanzaErrorException;
import dev.xmppreactive.stanza.StanzaIds;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * Matches IQ replies to this session's requests (RFC 6120 §8.2.3): by id, and only if the reply is a
 * {@code result} or {@code error} and comes from the entity the request went to. A reply with a known
 * id from anyone else is not taken (it could be a spoof) and is passed on as an ordinary stanza.
 *
 * <p>The sender rules: a request with a 'to' must be answered from exactly that address; a request
 * without 'to' (or to the account's own bare JID) is handled by the server for the account (RFC 6120
 * §10.3, RFC 6121 §8.5), so its reply may come with no 'from', from the account's bare or full JID, or
 * from the account's domain.
 */
final class IqCorrelator {

  private static final Logger log = LoggerFactory.getLogger(IqCorrelator.class);

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Scheduler timer;
  private final Supplier<Jid> self;

  /**
   * Creates a correlator.
   *
   * @param timer where timeouts run (so tests may use virtual time)
   * @param self  the session's bound JID, for the sender rules
   */
  IqCorrelator(Scheduler timer, Supplier<Jid> self) {
    this.timer = timer;
    this.self = self;
  }

  /**
   * Registers the request, sends it with {@code sender}, and gives the reply.
   *
   * <p>Errors: {@link StanzaErrorException} for an error reply, {@link IqTimeoutException}, or the
   * sender's error.
   */
  Mono<Iq> request(Iq iq, Duration timeout, Function<Iq, Mono<Void>> sender) {
    if (!iq.isRequest()) {
      return Mono.error(new IllegalArgumentException("not an IQ request (get or set): " + iq));
    }
    return Mono.defer(() -> {
      Iq req = iq.id() == null || pending.containsKey(iq.id()) ? iq.withId(StanzaIds.random()) : iq;
      return Mono.<Iq>create(sink -> {
        Pending p = new Pending(req, sink);
        if (pending.putIfAbsent(req.id(), p) != null) {
          sink.error(new IllegalStateException("an IQ with id '" + req.id() + "' is already pending"));
          return;
        }
        sink.onDispose(() -> pending.remove(req.id(), p));
        sender.apply(req).subscribe(null, sink::error);
      }).timeout(timeout, Mono.error(() -> new IqTimeoutException(req, timeout)), timer);
    });
  }

  /**
   * Offers an inbound IQ; returns {@code true} if it was the reply to a pending request (then it is
   * consumed here).
   */
  boolean offer(Iq iq) {
    if (iq.isRequest() || iq.id() == null) {
      return false;
    }
    Pending p = pending.get(iq.id());
    if (p == null) {
      return false;
    }
    if (!fromExpected(p.request.to(), iq.from())) {
      log.warn("IQ reply id='{}' came from {} but the request went to {}: not taken as the reply",
          iq.id(), iq.from(), p.request.to());
      return false;
    }
    if (!pending.remove(iq.id(), p)) {
      return false;
    }
    if (iq.type() == Iq.Type.ERROR) {
      p.sink.error(new StanzaErrorException(iq));
    } else {
      p.sink.success(iq);
    }
    return true;
  }

  /** Fails every pending request (the session ended). */
  void failAll(Throwable cause) {
    for (Pending p : pending.values()) {
      if (pending.remove(p.request.id(), p)) {
        p.sink.error(cause);
      }
    }
  }

  /** Fails every pending request except those with the given ids (a new stream replaced the old). */
  void failAllExcept(java.util.Set<String> keep, Throwable cause) {
    for (Pending p : pending.values()) {
      if (!keep.contains(p.request.id()) && pending.remove(p.request.id(), p)) {
        p.sink.error(cause);
      }
    }
  }

  /** How many requests await a reply. */
  int size() {
    return pending.size();
  }

  private boolean fromExpected(Jid to, Jid from) {
    Jid me = self.get();
    if (to == null || (me != null && to.equals(me.bare()))) {
      return from == null || me == null || from.equals(me.bare()) || from.equals(me)
          || from.equals(me.domainJid());
    }
    return to.equals(from);
  }

  private record Pending(Iq request, MonoSink<Iq> sink) {
  }
}
