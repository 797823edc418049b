package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.jid.JidFormatException;
import dev.xmppreactive.sasl.SaslAttempt;
import dev.xmppreactive.sasl.SaslChannel;
import dev.xmppreactive.sasl.SaslOutcome;
import dev.xmppreactive.sasl.SaslSettings;
import dev.xmppreactive.sasl.SaslStep;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stanza.StanzaErrorException;
import dev.xmppreactive.sm.SmElements;
import dev.xmppreactive.sm.SmProtocolException;
import dev.xmppreactive.stanza.StanzaIds;
import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorException;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.tls.TlsException;
import dev.xmppreactive.tls.TlsHandshake;
import dev.xmppreactive.tls.TlsMode;
import dev.xmppreactive.tls.XmppTlsContext;
import dev.xmppreactive.xml.XmlElement;
import io.netty.handler.ssl.SslHandler;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Drives the stream negotiation of one connection (RFC 6120 §4.3): open the stream, then as the
 * features say, STARTTLS (§5), SASL (§6), resource binding (§7) and, where a server still requires it,
 * the legacy session request. Each step restarts the stream where the RFC says so (§5.4.3.3, §6.4.6).
 *
 * <p>The negotiation is split in two, as the brief's blocking API needs it: {@link #secure()} opens
 * the stream and secures it; {@link #authenticate(SaslSettings)} then logs in and binds.
 * {@code XmppClient.connect()} runs both.
 */
final class Negotiator {

  private final XmppConnection conn;
  private final ClientSettings settings;
  private final XmppTlsContext tls;
  /** How many stanzas may come before the negotiation ends (they are kept for the session). */
  private static final int MAX_EARLY = 64;

  private final String domain;
  private final List<XmlElement> early = new ArrayList<>();
  private Jid account;
  private StreamHeader serverHeader;
  private StreamFeatures features;
  private SaslOutcome saslOutcome;

  Negotiator(XmppConnection conn, ClientSettings settings, XmppTlsContext tls, String domain) {
    this.conn = conn;
    this.settings = settings;
    this.tls = tls;
    this.domain = domain;
    this.account = settings.jid();
  }

  /**
   * Opens the stream and secures it: after this the connection is TLS-protected (or, only if the
   * policy allows it, knowingly in cleartext) and the features offer SASL.
   */
  Mono<Negotiator> secure() {
    Mono<Void> direct = Mono.empty();
    SslHandler h = conn.sslHandler();
    if (h != null) {
      direct = TlsHandshake.result(h).doOnNext(conn::tls).then();
    }
    return direct.then(openStream()).then(Mono.defer(this::afterOpen)).thenReturn(this);
  }

  private Mono<Void> afterOpen() {
    if (!conn.isSecure()) {
      if (features.startTls() && settings.tls().policy() != dev.xmppreactive.tls.TlsPolicy.INSECURE_DISABLED) {
        return startTls().then(openStream()).then(Mono.defer(this::afterOpen));
      }
      if (!settings.tls().policy().permitsCleartext()) {
        return Mono.error(TlsException.startTlsRequiredButNotOffered());
      }
    }
    if (!features.sasl()) {
      return Mono.error(new NegotiationException(
          "the server offers no SASL mechanisms (RFC 6120 §6.4.1): " + features));
    }
    return Mono.empty();
  }

  /** The features of the current stream: before {@link #authenticate}, those that offer SASL. */
  StreamFeatures features() {
    return features;
  }

  /** The connection being negotiated. */
  XmppConnection connection() {
    return conn;
  }

  /** Logs in (SASL), restarts the stream, binds a resource. A failure closes the connection. */
  Mono<Negotiated> authenticate(SaslSettings sasl) {
    return authenticate(sasl, settings.jid(), SmRequest.none());
  }

  /** As {@link #authenticate(SaslSettings)}, then Stream Management as {@code sm} asks. */
  Mono<Negotiated> authenticate(SaslSettings sasl, SmRequest sm) {
    return authenticate(sasl, settings.jid(), sm);
  }

  /**
   * As {@link #authenticate(SaslSettings)}, for an account known only now (the blocking API's
   * {@code auth}): its localpart goes in the stream header's 'from', its resourcepart is requested.
   */
  Mono<Negotiated> authenticate(SaslSettings sasl, Jid accountJid, SmRequest sm) {
    this.account = accountJid;
    return saslExchange(sasl)
        .then(openStream())
        .then(Mono.defer(() -> sm.previd() != null && features.streamManagement()
            ? resume(sm) : Mono.just(SmOutcome.OFF)))
        .flatMap(outcome -> outcome.resumed()
            ? Mono.just(negotiated(sm.previousJid(), outcome))
            : bind().flatMap(jid -> sessionIfRequired()
                .then(Mono.defer(() -> sm.enable() && features.streamManagement()
                    ? enableSm(sm, outcome) : Mono.just(outcome)))
                .map(o -> negotiated(jid, o))))
        .doOnError(e -> conn.close())
        .doOnCancel(conn::close);
  }

  private Negotiated negotiated(Jid jid, SmOutcome sm) {
    return new Negotiated(jid, features, serverHeader, conn.tls(), saslOutcome, sm, List.copyOf(early));
  }

  // XEP-0198 §5: <resume/>, then <resumed/> or <failed/> (after which binding is allowed).
  private Mono<SmOutcome> resume(SmRequest sm) {
    return conn.send(SmElements.resume(sm.previd(), sm.h()))
        .then(awaitSm("stream resumption"))
        .map(e -> {
          if (e.localName().equals("resumed")) {
            if (!sm.previd().equals(e.attribute("previd"))) {
              throw new SmProtocolException("<resumed/> names another stream: "
                  + e.attribute("previd"));
            }
            return new SmOutcome(true, null, SmElements.h(e), null);
          }
          return new SmOutcome(false, null, SmElements.optionalH(e), SmElements.failedCondition(e));
        });
  }

  // XEP-0198 §3: <enable resume='true'/>, then <enabled/> or <failed/>.
  private Mono<SmOutcome> enableSm(SmRequest sm, SmOutcome before) {
    return conn.send(SmElements.enable(true, sm.max()))
        .then(awaitSm("enabling stream management"))
        .map(e -> e.localName().equals("enabled")
            ? new SmOutcome(false, SmElements.enabled(e), before.serverH(), before.resumeFailed())
            : before);
  }

  /** The server's answer to an SM request; stanzas that come first are kept for the session. */
  private Mono<XmlElement> awaitSm(String what) {
    return expect(what).flatMap(o -> {
      if (o instanceof XmlElement e && SmElements.isSm(e)
          && (e.localName().equals("enabled") || e.localName().equals("resumed")
          || e.localName().equals("failed"))) {
        return Mono.just(e);
      }
      keepEarly(o);
      return awaitSm(what);
    });
  }

  private void keepEarly(Object o) {
    if (o instanceof XmlElement e && Stanza.isStanza(e)) {
      if (early.size() >= MAX_EARLY) {
        throw new NegotiationException("more than " + MAX_EARLY
            + " stanzas came before the negotiation ended");
      }
      early.add(e);
    }
  }

  // RFC 6120 §4.7: open a stream and read the server's header and features.
  private Mono<Void> openStream() {
    String from = conn.isSecure() && account != null && account.localpart() != null
        ? account.bare().toString() : null; // §4.7.1: 'from' only once secured
    return conn.send(StreamHeader.client(domain, from, settings.lang()))
        .then(expect("the server's stream header"))
        .flatMap(o -> {
          if (!(o instanceof StreamHeader hdr)) {
            return Mono.error(new NegotiationException("expected the server's stream header, got "
                + describe(o)));
          }
          if (hdr.version() == null || !hdr.version().startsWith("1.")) {
            return Mono.error(new StreamErrorException(StreamError.of(
                dev.xmppreactive.stream.StreamErrorCondition.UNSUPPORTED_VERSION,
                "the server's stream version is " + hdr.version() + "; 1.0 is required"), true));
          }
          serverHeader = hdr;
          return expect("stream features");
        })
        .flatMap(o -> {
          if (o instanceof XmlElement e && StreamFeatures.isFeatures(e)) {
            features = new StreamFeatures(e);
            return Mono.<Void>empty();
          }
          return Mono.error(new NegotiationException("expected <stream:features/>, got "
              + describe(o)));
        });
  }

  // RFC 6120 §5.4.2: <starttls/>, then <proceed/> or <failure/>.
  private Mono<Void> startTls() {
    XmlElement starttls = XmlElement.empty("starttls", StreamFeatures.TLS_NS);
    return conn.send(starttls)
        .then(expect("the reply to <starttls/>"))
        .flatMap(o -> {
          if (o instanceof XmlElement e && e.is("proceed", StreamFeatures.TLS_NS)) {
            SslHandler h = tls.newHandler(TlsMode.STARTTLS, domain, conn.address().port());
            conn.startTls(h);
            return TlsHandshake.result(h).doOnNext(conn::tls).then();
          }
          if (o instanceof XmlElement e && e.is("failure", StreamFeatures.TLS_NS)) {
            return Mono.error(TlsException.startTlsRefused());
          }
          return Mono.error(new NegotiationException("expected <proceed/> or <failure/>, got "
              + describe(o)));
        });
  }

  // RFC 6120 §6.4.
  private Mono<Void> saslExchange(SaslSettings sasl) {
    return Mono.defer(() -> {
      SaslChannel channel = conn.isSecure()
          ? SaslChannel.tls(conn.tls().protocol(), conn.tls().channelBindings())
          : SaslChannel.plaintext();
      SaslAttempt attempt = SaslAttempt.start(sasl, features.element(), channel);
      return conn.send(attempt.authElement()).then(saslStep(attempt));
    });
  }

  private Mono<Void> saslStep(SaslAttempt attempt) {
    return expect("the SASL exchange").flatMap(o -> {
      if (!(o instanceof XmlElement e)) {
        return Mono.error(new NegotiationException("expected a SASL element, got " + describe(o)));
      }
      SaslStep step = attempt.receive(e);
      if (step instanceof SaslStep.Respond r) {
        return conn.send(r.element()).then(saslStep(attempt));
      }
      saslOutcome = ((SaslStep.Success) step).outcome();
      return Mono.empty();
    });
  }

  // RFC 6120 §7.
  private Mono<Jid> bind() {
    if (!features.bind()) {
      return Mono.error(new NegotiationException(
          "the server offers no resource binding (RFC 6120 §7.4): " + features));
    }
    String wanted = account == null ? null : account.resourcepart();
    return bindRequest(wanted).onErrorResume(
        e -> wanted != null && e instanceof StanzaErrorException se
            && se.condition() == StanzaErrorCondition.CONFLICT,
        // §7.7.2.2: the resource is in use and the server would not take it over; let it choose.
        e -> bindRequest(null));
  }

  private Mono<Jid> bindRequest(String resource) {
    XmlElement.Builder b = XmlElement.builder("bind", StreamFeatures.BIND_NS);
    if (resource != null) {
      b.textElement("resource", StreamFeatures.BIND_NS, resource);
    }
    Iq request = Iq.builder().type(Iq.Type.SET).id(StanzaIds.random()).payload(b.build()).build();
    return iqExchange(request, "resource binding").flatMap(reply -> {
      XmlElement bound = reply.payload();
      String text = bound == null ? null : bound.childText("jid", StreamFeatures.BIND_NS);
      try {
        Jid jid = text == null ? null : Jid.of(text.strip());
        if (jid == null || !jid.isFull()) {
          return Mono.error(new NegotiationException("the bind result has no full JID: " + reply));
        }
        return Mono.just(jid);
      } catch (JidFormatException e) {
        return Mono.error(new NegotiationException("the server bound an invalid JID: " + text, e));
      }
    });
  }

  // RFC 3921 §3: only where the server marks it as required.
  private Mono<Void> sessionIfRequired() {
    if (!features.sessionRequired()) {
      return Mono.empty();
    }
    Iq request = Iq.builder().type(Iq.Type.SET).id(StanzaIds.random())
        .payload(XmlElement.empty("session", StreamFeatures.SESSION_NS)).build();
    return iqExchange(request, "session establishment").then();
  }

  /** Sends an IQ during negotiation and waits for its reply, skipping anything else that comes. */
  private Mono<Iq> iqExchange(Iq request, String what) {
    return conn.send(request).then(awaitReply(request, what, 0));
  }

  private Mono<Iq> awaitReply(Iq request, String what, int skipped) {
    return expect(what).flatMap(o -> {
      if (o instanceof XmlElement e && Stanza.isStanza(e)) {
        Stanza s = Stanza.fromElement(e);
        if (s instanceof Iq iq && request.id().equals(iq.id()) && iq.isResponse()) {
          return iq.type() == Iq.Type.ERROR ? Mono.error(new StanzaErrorException(iq))
              : Mono.just(iq);
        }
      }
      if (skipped >= MAX_EARLY) {
        return Mono.error(new NegotiationException("no reply to the " + what
            + " request among " + MAX_EARLY + " elements; last: " + describe(o)));
      }
      keepEarly(o);
      return awaitReply(request, what, skipped + 1);
    });
  }

  /** The next inbound object, with stream errors and the end of the stream turned into errors. */
  private Mono<Object> expect(String what) {
    return conn.next()
        .switchIfEmpty(Mono.error(() -> new NegotiationException(
            "the connection closed while waiting for " + what)))
        .flatMap(o -> {
          if (o instanceof XmlElement e && StreamError.isStreamError(e)) {
            return Mono.error(new StreamErrorException(StreamError.fromElement(e), false));
          }
          if (o == StreamEnd.INSTANCE) {
            return Mono.error(new NegotiationException("the server closed the stream while waiting for "
                + what));
          }
          return Mono.just(o);
        });
  }

  private static String describe(Object o) {
    if (o instanceof XmlElement e) {
      String xml = e.toXml();
      return xml.length() > 300 ? xml.substring(0, 300) + "…" : xml;
    }
    return String.valueOf(o);
  }
}
