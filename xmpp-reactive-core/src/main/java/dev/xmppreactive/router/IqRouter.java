package dev.xmppreactive.router;

import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.StanzaError;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Routes IQ requests to the handler registered for their payload's name, and makes sure every get and
 * set gets exactly one reply (RFC 6120 §8.2.3 rule 1): what the handler returns, fixed up to be a
 * reply to this request; {@code service-unavailable} when nothing handles it (§8.4); or
 * {@code internal-server-error} when the handler fails.
 *
 * <p>Two handlers are built in and can be replaced: XMPP Ping (XEP-0199 §4.1: answer with an empty
 * result) and Service Discovery of this client (XEP-0030 §3.1: an identity and the namespaces that
 * have handlers).
 */
public final class IqRouter {

  /** XEP-0199. */
  public static final String PING_NS = "urn:xmpp:ping";
  /** XEP-0030 §3. */
  public static final String DISCO_INFO_NS = "http://jabber.org/protocol/disco#info";

  private static final Logger log = LoggerFactory.getLogger(IqRouter.class);

  private final Map<XmlName, IqHandler> handlers;
  private final IqHandler fallback;
  private final Scheduler scheduler;

  /**
   * Creates a router.
   *
   * @param handlers  handlers by payload name (they override the built-in ones)
   * @param fallback  asked for requests no handler claims, or {@code null}
   * @param scheduler where handlers run
   */
  public IqRouter(Map<XmlName, IqHandler> handlers, IqHandler fallback, Scheduler scheduler) {
    Map<XmlName, IqHandler> all = new LinkedHashMap<>();
    all.put(new XmlName(PING_NS, "ping"), IqHandler.of(Iq::resultReply));
    all.putAll(handlers);
    all.putIfAbsent(new XmlName(DISCO_INFO_NS, "query"), this::discoInfo);
    this.handlers = Map.copyOf(all);
    this.fallback = fallback;
    this.scheduler = scheduler;
  }

  /**
   * The reply to a request.
   *
   * <p>Threading: the handler runs on the router's scheduler; the reply is signalled there.
   * Backpressure: one value. Errors: none; a failing handler becomes an error reply.
   */
  public Mono<Iq> route(Iq request) {
    XmlElement payload = request.payload();
    IqHandler h = payload == null ? null : handlers.get(payload.name());
    Mono<Iq> reply = h == null ? Mono.empty() : call(h, request);
    if (fallback != null) {
      reply = reply.switchIfEmpty(Mono.defer(() -> call(fallback, request)));
    }
    return reply
        .map(r -> fixUp(request, r))
        .switchIfEmpty(Mono.fromSupplier(() ->
            request.errorReply(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE))))
        .onErrorResume(e -> {
          log.warn("IQ handler failed on {} id='{}' from {}", payload == null ? "(no payload)"
              : payload.name(), request.id(), request.from(), e);
          return Mono.just(request.errorReply(StanzaError.of(
              StanzaErrorCondition.INTERNAL_SERVER_ERROR)));
        });
  }

  private Mono<Iq> call(IqHandler h, Iq request) {
    return Flux.defer(() -> h.handle(request)).subscribeOn(scheduler).next();
  }

  /** The reply as the handler made it, with the addressing and id of a reply to this request. */
  private static Iq fixUp(Iq request, Iq reply) {
    if (reply.isRequest()) {
      throw new IllegalStateException("an IQ handler returned a request, not a reply: " + reply);
    }
    Iq r = reply;
    if (!request.id().equals(r.id())) {
      r = r.withId(request.id());
    }
    if (request.from() == null ? r.to() != null : !request.from().equals(r.to())) {
      r = r.withTo(request.from());
    }
    return r;
  }

  private Mono<Iq> discoInfo(Iq request) {
    if (request.type() != Iq.Type.GET || request.payload().attribute("node") != null) {
      return Mono.empty();
    }
    TreeSet<String> features = new TreeSet<>();
    features.add(DISCO_INFO_NS);
    for (XmlName n : handlers.keySet()) {
      features.add(n.namespace());
    }
    XmlElement.Builder q = XmlElement.builder("query", DISCO_INFO_NS);
    q.child(XmlElement.builder("identity", DISCO_INFO_NS).attribute("category", "client")
        .attribute("type", "bot").attribute("name", "xmpp-reactive").build());
    for (String f : features) {
      q.child(XmlElement.builder("feature", DISCO_INFO_NS).attribute("var", f).build());
    }
    return Mono.just(request.resultReply(q.build()));
  }
}
