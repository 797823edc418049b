package dev.xmppreactive.samples.spring;

import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.client.XmppSession;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The XMPP session as a Spring-managed bean. It connects when the application context starts (and
 * the context fails to start if it cannot: wrong password, untrusted certificate, no server), before
 * the web server takes requests; it closes gracefully (RFC 6120 §4.4) when the context stops, after
 * the web server has stopped. In between, the client's reconnection mends lost connections.
 *
 * <p>Phases: Spring starts lower phases first and stops them last. Spring Boot's web server starts
 * at {@code DEFAULT_PHASE - 2048} (its graceful shutdown at {@code - 1024}); this bean's
 * {@link #PHASE} is below both.
 */
public final class ManagedXmppSession implements SmartLifecycle {

  /** Below the web server's phases: up before the first request, down after the last. */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private static final Logger log = LoggerFactory.getLogger(ManagedXmppSession.class);

  private final XmppClient client;
  private volatile XmppSession session;

  /** A session of this client, not yet connected. */
  public ManagedXmppSession(XmppClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * The connected session.
   *
   * @throws IllegalStateException if the context has not started it, or has stopped it
   */
  public XmppSession session() {
    XmppSession s = session;
    if (s == null || s.isClosed()) {
      throw new IllegalStateException("the XMPP session is not running");
    }
    return s;
  }

  // tag::spring-lifecycle[]
  /** Connects, within the client's negotiation timeout. */
  @Override
  public void start() {
    XmppSession s = client.connect().block();
    s.events().subscribe(ManagedXmppSession::log);
    session = s;
  }

  /** Closes the session gracefully and tells Spring when it is done (within the close timeout). */
  @Override
  public void stop(Runnable callback) {
    XmppSession s = session;
    if (s == null) {
      callback.run();
      return;
    }
    s.close().subscribe(null, e -> callback.run(), callback);
  }
  // end::spring-lifecycle[]

  @Override
  public void stop() {
    XmppSession s = session;
    if (s != null) {
      s.close().block();
    }
  }

  @Override
  public boolean isRunning() {
    XmppSession s = session;
    return s != null && !s.isClosed();
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private static void log(SessionEvent e) {
    if (e instanceof SessionEvent.Connected c) {
      log.info("XMPP session bound as {} at {}", c.jid(), c.address());
    } else if (e instanceof SessionEvent.Suspended s) {
      log.warn("XMPP connection lost; reconnecting: {}", String.valueOf(s.cause()));
    } else if (e instanceof SessionEvent.Closed c && c.cause() != null) {
      log.error("XMPP session ended", c.cause());
    } else {
      log.info("XMPP session: {}", e);
    }
  }
}
