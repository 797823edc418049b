package dev.xmppreactive.test;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaError;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.xml.XmlElement;
import io.netty.handler.ssl.SslContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The shared state of a test server and the one lock that guards it: accounts, bound sessions,
 * rosters and pending subscription requests, offline messages, resumable sessions. Routing
 * ({@link Router}), presence ({@link Presences}) and the server's IQs ({@link ServerIq}) run under
 * the lock, called from here. Deliveries under the lock only queue writes, so it is held briefly.
 */
final class ServerCore {

  private final ServerConfig config;
  private final Accounts accounts;
  private final Jid domain;
  private final SslContext ssl;
  private final byte[] secret = new byte[32];
  private final SecureRandom random = new SecureRandom();

  private final Map<Jid, ServerSession> sessions = new LinkedHashMap<>();
  private final Map<String, ServerSession> resumable = new HashMap<>();
  private final Map<String, Roster> rosters = new HashMap<>();
  private final Map<String, ArrayDeque<Message>> offline = new HashMap<>();
  private final Set<ConnectionHandler> connections = ConcurrentHashMap.newKeySet();
  private final Sinks.Many<TestSession> bound = Sinks.many().replay().limit(1000);
  private final Router router;
  private final Presences presences;
  private final ServerIq serverIq;
  private boolean closed;

  ServerCore(ServerConfig config, SslContext ssl) {
    this.config = config;
    this.ssl = ssl;
    this.domain = Jid.domain(config.domain);
    this.accounts = new Accounts(config.scramIterations);
    config.users.forEach(accounts::put);
    random.nextBytes(secret);
    this.presences = new Presences(this);
    this.serverIq = new ServerIq(this, presences.subscriptions());
    this.router = new Router(this, presences, serverIq);
  }

  ServerConfig config() {
    return config;
  }

  Accounts accounts() {
    return accounts;
  }

  Jid domain() {
    return domain;
  }

  /** The server's TLS context, or {@code null} when TLS is disabled. */
  SslContext ssl() {
    return ssl;
  }

  byte[] secret() {
    return secret;
  }

  /** A random identifier (stream ids, SM-IDs, resources). */
  String randomId() {
    byte[] b = new byte[12];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  Sinks.Many<TestSession> bound() {
    return bound;
  }

  void opened(ConnectionHandler c) {
    connections.add(c);
  }

  void closed(ConnectionHandler c) {
    connections.remove(c);
  }

  // ---- sessions ----

  /**
   * Binds a resource (RFC 6120 §7.6) and writes the result: the session with the same full JID, if
   * any, ends with a {@code conflict} stream error (§7.7.2.2).
   */
  synchronized ServerSession bind(ConnectionHandler c, Wire w, String user, String mechanism,
                                  String resource, Iq request) {
    Jid full;
    if (resource == null) {
      do {
        full = Jid.of(user, domain.domainpart(), randomId());
      } while (sessions.containsKey(full));
    } else {
      full = Jid.of(user, domain.domainpart(), resource);
      ServerSession old = sessions.get(full);
      if (old != null) {
        endSession(old, new Object[] {StreamError.of(StreamErrorCondition.CONFLICT,
            "Replaced by new connection").toElement(), StreamEnd.INSTANCE});
      }
    }
    ServerSession s = new ServerSession(this, full, mechanism, c, w);
    sessions.put(full, s);
    w.write(request.resultReply(XmlElement.builder("bind", ConnectionHandler.BIND_NS)
        .textElement("jid", ConnectionHandler.BIND_NS, full.toString()).build()));
    bound.tryEmitNext(s);
    return s;
  }

  /** Registers a session for resumption and gives its SM-ID (XEP-0198 §5). */
  synchronized String registerResumable(ServerSession s) {
    String id = randomId() + randomId();
    resumable.put(id, s);
    return id;
  }

  /** What a resumption attempt came to. */
  sealed interface Resumption {
    /** Resumed this session. */
    record Resumed(ServerSession session) implements Resumption {
    }

    /** Refused with {@code <failed/>} and this condition. */
    record Failed(StanzaErrorCondition condition) implements Resumption {
    }

    /** The 'h' was higher than the stanzas sent: a stream error. */
    record TooHigh(long h, long sent) implements Resumption {
    }
  }

  /** Resumes a session on a new connection (XEP-0198 §5), ending the old connection's stream. */
  synchronized Resumption resume(ConnectionHandler c, Wire w, String user, String previd, long h) {
    ServerSession s = previd == null ? null : resumable.get(previd);
    if (s == null || !s.user().equals(user) || s.isEnded()) {
      return new Resumption.Failed(StanzaErrorCondition.ITEM_NOT_FOUND);
    }
    long sent = s.acknowledge(h);
    if (sent >= 0) {
      return new Resumption.TooHigh(h, sent);
    }
    ConnectionHandler old = s.resumeOn(c, w);
    if (old != null) {
      // XEP-0198 §5: the server still has the old stream open: a conflict ends it.
      old.replaced(new Object[] {StreamError.of(StreamErrorCondition.CONFLICT,
          "the session was resumed on another stream").toElement(), StreamEnd.INSTANCE});
    }
    return new Resumption.Resumed(s);
  }

  /**
   * The connection of a session closed without the session ending first: a resumable session waits
   * (XEP-0198 §5), others end.
   */
  synchronized void connectionLost(ServerSession s, ConnectionHandler c) {
    if (!s.detach(c)) {
      return;
    }
    if (!s.mayHibernate() || closed || config.resumptionTimeout.isZero()) {
      endSession(s, null);
      return;
    }
    s.expiry(config.timer.schedule(() -> expire(s), s.resumptionTimeout().toMillis(),
        TimeUnit.MILLISECONDS));
  }

  private synchronized void expire(ServerSession s) {
    if (s.isDetached()) {
      endSession(s, null);
    }
  }

  /**
   * Ends a session: writes the farewell (or closes at once if {@code null}), broadcasts its
   * unavailable presence (RFC 6121 §4.5.2), and treats its unacknowledged stanzas as sent to an
   * unavailable resource (XEP-0198 §4).
   */
  synchronized void endSession(ServerSession s, Object[] farewell) {
    endSession(s, farewell, true);
  }

  /** As {@link #endSession(ServerSession, Object[])}; without {@code linger} it closes at once. */
  synchronized void endSession(ServerSession s, Object[] farewell, boolean linger) {
    List<Stanza> lost = s.markEnded(farewell, linger);
    if (lost == null) {
      return;
    }
    sessions.remove(s.jid(), s);
    String id = s.smId();
    if (id != null) {
      resumable.remove(id, s);
    }
    presences.ended(s);
    for (Stanza st : lost) {
      router.undelivered(st);
    }
    s.completed();
  }

  /**
   * Ends a session if this connection still carries it (the connection's own end of stream or
   * stream error).
   *
   * @return false if it did not, so the connection must write its farewell itself
   */
  synchronized boolean endSessionIfCarriedBy(ServerSession s, ConnectionHandler c,
                                             Object[] farewell, boolean linger) {
    if (!s.carriedBy(c)) {
      return false;
    }
    endSession(s, farewell, linger);
    return true;
  }

  /**
   * Stops: every session ends with {@code system-shutdown} (RFC 6120 §4.9.3.20).
   *
   * @return completes when every connection has closed
   */
  Mono<Void> shutdown() {
    synchronized (this) {
      closed = true;
      for (ServerSession s : new ArrayList<>(sessions.values())) {
        endSession(s, new Object[] {StreamError.of(StreamErrorCondition.SYSTEM_SHUTDOWN, null)
            .toElement(), StreamEnd.INSTANCE});
      }
    }
    List<Mono<Void>> closing = new ArrayList<>();
    for (ConnectionHandler c : connections) {
      closing.add(c.shutdown());
    }
    bound.tryEmitComplete();
    return Mono.when(closing);
  }

  /** Routes a stanza from a client (RFC 6120 §10, RFC 6121 §8). */
  synchronized void route(ServerSession from, Stanza s) {
    if (!from.isEnded()) {
      router.route(from, s);
    }
  }

  // ---- queries, under the lock ----

  synchronized List<ServerSession> sessionsOf(String user) {
    List<ServerSession> out = new ArrayList<>();
    for (ServerSession s : sessions.values()) {
      if (s.user().equals(user)) {
        out.add(s);
      }
    }
    return out;
  }

  synchronized List<TestSession> allSessions() {
    return new ArrayList<>(sessions.values());
  }

  /** The session bound to a full JID, or {@code null}. */
  synchronized ServerSession session(Jid full) {
    return sessions.get(full);
  }

  /** The sessions of an account that are available (RFC 6121 §4.1). */
  synchronized List<ServerSession> available(String user) {
    List<ServerSession> out = new ArrayList<>();
    for (ServerSession s : sessionsOf(user)) {
      if (s.available) {
        out.add(s);
      }
    }
    return out;
  }

  synchronized Roster roster(String user) {
    return rosters.computeIfAbsent(user, u -> new Roster());
  }

  /** Sends a roster push (RFC 6121 §2.1.6) to each interested resource of the account. */
  synchronized void push(String user, XmlElement item) {
    String ver = roster(user).version();
    for (ServerSession s : sessionsOf(user)) {
      if (s.interested) {
        XmlElement query = XmlElement.builder("query", RosterEntry.NS).attribute("ver", ver)
            .child(item).build();
        s.deliver(Iq.builder().type(Iq.Type.SET).id(randomId()).to(s.jid()).payload(query).build());
      }
    }
  }

  /** Pushes one roster item, as it now is. */
  synchronized void push(String user, RosterEntry entry) {
    push(user, entry.toElement());
  }

  // ---- offline messages (RFC 6121 §8.5.2.2.1, XEP-0160) ----

  /** Holds a message for an account; false if the store is full. */
  synchronized boolean storeOffline(String user, Message m) {
    ArrayDeque<Message> q = offline.computeIfAbsent(user, u -> new ArrayDeque<>());
    if (q.size() >= config.offlineLimit) {
      return false;
    }
    if (!m.hasExtension("delay", "urn:xmpp:delay")) {
      m = m.withExtension(XmlElement.builder("delay", "urn:xmpp:delay")
          .attribute("from", domain.toString())
          .attribute("stamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()).build());
    }
    q.addLast(m);
    return true;
  }

  /** Takes the messages held for an account. */
  synchronized List<Message> takeOffline(String user) {
    ArrayDeque<Message> q = offline.remove(user);
    return q == null ? List.of() : new ArrayList<>(q);
  }

  synchronized List<Message> offline(String user) {
    ArrayDeque<Message> q = offline.get(user);
    return q == null ? List.of() : List.copyOf(q);
  }

  // ---- accounts at run time ----

  synchronized String addUser(String user, String password) {
    return accounts.put(user, password);
  }

  /** Removes an account: its sessions end with {@code not-authorized}, its data goes. */
  synchronized boolean removeUser(String user) {
    String u = Accounts.normalize(user);
    if (!accounts.remove(u)) {
      return false;
    }
    for (ServerSession s : sessionsOf(u)) {
      endSession(s, new Object[] {StreamError.of(StreamErrorCondition.NOT_AUTHORIZED,
          "the account was removed").toElement(), StreamEnd.INSTANCE});
    }
    rosters.remove(u);
    offline.remove(u);
    return true;
  }

  synchronized List<RosterEntry> rosterOf(String user) {
    return Collections.unmodifiableList(roster(Accounts.normalize(user)).items());
  }

  /** Sets an item directly (test setup), pushing it to interested resources. */
  synchronized void putRosterEntry(String user, RosterEntry entry) {
    String u = Accounts.normalize(user);
    roster(u).put(entry);
    push(u, entry);
  }

  /** An error reply to a stanza, or nothing for one that must not be answered. */
  static Stanza errorFor(Stanza s, StanzaErrorCondition condition) {
    if (s.isError() || (s instanceof Iq iq && iq.isResponse())) {
      return null;
    }
    return s.errorReply(StanzaError.of(condition));
  }
}
