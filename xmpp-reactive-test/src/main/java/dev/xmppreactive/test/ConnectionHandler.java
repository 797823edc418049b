package dev.xmppreactive.test;

import dev.xmppreactive.codec.XmlFramingException;
import dev.xmppreactive.codec.XmlStreamDecoder;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.jid.JidFormatException;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaError;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stanza.StanzaFormatException;
import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One client connection of the test server, after the codec in the pipeline: the receiving entity's
 * side of stream negotiation (RFC 6120 §4.3: stream header, features, STARTTLS §5, SASL §6, resource
 * binding §7, XEP-0198 resumption), then the bound session's inbound elements. All of it runs on the
 * connection's event loop; writes go through the connection's {@link Wire}, in order.
 *
 * <p>What a client gets wrong ends the stream with a stream error (RFC 6120 §4.9): XML the decoder
 * refuses (its condition), a wrong content namespace ({@code invalid-namespace}), another domain
 * ({@code host-unknown}), no version 1.x ({@code unsupported-version}), stanzas before
 * authentication or binding ({@code not-authorized}), an element the server does not know at that
 * point ({@code unsupported-stanza-type}), a third failed authentication ({@code policy-violation}),
 * XEP-0198 misuse. A stanza that is not valid gets a stanza error instead (RFC 6120 §8.3).
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

  static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";
  static final String SASL_NS = SaslNegotiation.NS;
  static final String BIND_NS = "urn:ietf:params:xml:ns:xmpp-bind";

  private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

  private final ServerCore core;
  private final ServerConfig config;
  private final XmlStreamDecoder decoder;
  private ChannelHandlerContext ctx;
  private Wire wire;
  private boolean headerSent;
  private boolean secured;
  private boolean awaitingTls;
  private String user;
  private final SaslNegotiation sasl;
  private String mechanism;
  private ServerSession session;
  private volatile boolean closing;

  ConnectionHandler(ServerCore core, XmlStreamDecoder decoder) {
    this.core = core;
    this.config = core.config();
    this.decoder = decoder;
    this.sasl = new SaslNegotiation(core);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.wire = new Wire(ctx);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    core.opened(this);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closing = true;
    core.closed(this);
    if (session != null) {
      core.connectionLost(session, this);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (closing) {
        if (msg == StreamEnd.INSTANCE) {
          wire.closeAfterWrites(); // the client closed its stream in answer to ours
        }
        return;
      }
      if (awaitingTls) {
        // Bytes after <starttls/> that did not come through TLS: injected plaintext (RFC 6120
        // §5.4.3.1). They are not processed; the connection closes once <proceed/> is out.
        closing = true;
        wire.closeAfterWrites();
        return;
      }
      if (msg instanceof StreamHeader h) {
        onHeader(h);
      } else if (msg instanceof XmlElement e) {
        onElement(e);
      } else if (msg == StreamEnd.INSTANCE) {
        onEnd();
      }
    } catch (RuntimeException e) {
      log.warn("the test server failed on {}", msg, e);
      streamError(StreamErrorCondition.INTERNAL_SERVER_ERROR, null);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (closing) {
      return;
    }
    if (cause instanceof XmlFramingException f) {
      // The decoder now drops all input: no end of stream can be read, so no waiting for one.
      streamError(StreamError.of(f.condition(), f.getMessage()), false);
    } else {
      log.debug("closing a test connection after {}", cause.toString());
      closing = true;
      wire.closeNow();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent done) {
      if (done.isSuccess()) {
        secured = true;
        awaitingTls = false;
      } else {
        closing = true;
        wire.closeNow();
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  // ---- stream ----

  private void onHeader(StreamHeader h) {
    if (!StreamHeader.CLIENT_NS.equals(h.contentNamespace())) {
      streamError(StreamErrorCondition.INVALID_NAMESPACE, "the content namespace of a client stream "
          + "is jabber:client (RFC 6120 §4.8.2)");
      return;
    }
    Jid to = h.to() == null ? null : Jid.ofOrNull(h.to());
    if (h.to() != null && (to == null || !to.equals(core.domain()))) {
      streamError(StreamErrorCondition.HOST_UNKNOWN, "this server serves " + core.domain());
      return;
    }
    if (h.version() == null || !h.version().startsWith("1.")) {
      streamError(StreamErrorCondition.UNSUPPORTED_VERSION, "XMPP 1.0 is required (RFC 6120 §4.7.5)");
      return;
    }
    sendHeader(h.from());
    wire.write(features());
  }

  private void sendHeader(String clientFrom) {
    Jid from = clientFrom == null ? null : Jid.ofOrNull(clientFrom);
    wire.write(StreamHeader.server(core.domain().toString(), from == null ? null : from.toString(),
        core.randomId(), "en"));
    headerSent = true;
  }

  private XmlElement features() {
    XmlElement.Builder b = XmlElement.builder("features", StreamHeader.STREAM_NS).prefix("stream");
    if (user == null) {
      if (!secured && config.tls != TlsRequirement.DISABLED) {
        XmlElement.Builder tls = XmlElement.builder("starttls", TLS_NS);
        if (config.tls == TlsRequirement.REQUIRED) {
          tls.child(XmlElement.empty("required", TLS_NS));
        }
        b.child(tls.build());
      }
      XmlElement mechanisms = sasl.feature(secured);
      if (mechanisms != null) {
        b.child(mechanisms);
      }
    } else {
      b.child(XmlElement.empty("bind", BIND_NS));
      b.child(XmlElement.empty("ver", "urn:xmpp:features:rosterver"));
      if (config.streamManagement) {
        b.child(XmlElement.empty("sm", SmElements.NS));
      }
    }
    return b.build();
  }

  private void onEnd() {
    closing = true;
    Object[] farewell = {StreamEnd.INSTANCE};
    if (session == null || !core.endSessionIfCarriedBy(session, this, farewell, false)) {
      wire.writeAndClose(farewell);
    }
  }

  /**
   * Ends the stream with an error (RFC 6120 §4.9.1.1: after a header of our own if none was sent),
   * then waits for the client's end of stream before closing.
   */
  void streamError(StreamError error) {
    streamError(error, true);
  }

  private void streamError(StreamError error, boolean linger) {
    if (closing) {
      return;
    }
    if (!headerSent) {
      sendHeader(null);
    }
    closing = true;
    Object[] farewell = {error.toElement(), StreamEnd.INSTANCE};
    if (session == null || !core.endSessionIfCarriedBy(session, this, farewell, linger)) {
      if (linger) {
        wire.writeAndLinger(farewell);
      } else {
        wire.writeAndClose(farewell);
      }
    }
  }

  private void streamError(StreamErrorCondition condition, String text) {
    streamError(StreamError.of(condition, text));
  }

  /** The session ends (the server ended it): the connection closes after the farewell. */
  void ending() {
    closing = true;
  }

  /** Another connection resumed the session: this one ends with the farewell. */
  void replaced(Object[] farewell) {
    closing = true;
    wire.writeAndLinger(farewell);
  }

  /**
   * The server stops: a connection without a session gets its {@code system-shutdown} here.
   *
   * @return completes when the connection has closed
   */
  Mono<Void> shutdown() {
    ctx.executor().execute(() -> streamError(StreamErrorCondition.SYSTEM_SHUTDOWN, null));
    return Mono.create(sink -> ctx.channel().closeFuture().addListener(f -> sink.success()));
  }

  // ---- elements ----

  private void onElement(XmlElement e) {
    if (user == null) {
      beforeAuthentication(e);
    } else if (session == null) {
      beforeBinding(e);
    } else if (session.isEnded()) {
      closing = true;
    } else {
      bound(e);
    }
  }

  private void beforeAuthentication(XmlElement e) {
    if (e.is("starttls", TLS_NS)) {
      startTls();
    } else if (e.namespace().equals(SASL_NS)) {
      sasl(e);
    } else if (e.namespace().equals(SmElements.NS)) {
      wire.write(SmElements.failed(StanzaErrorCondition.UNEXPECTED_REQUEST)); // XEP-0198 §3
    } else if (Stanza.isStanza(e)) {
      streamError(StreamErrorCondition.NOT_AUTHORIZED, "authenticate first (RFC 6120 §6)");
    } else {
      streamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, null);
    }
  }

  // RFC 6120 §5.4.2, §5.4.3.
  private void startTls() {
    if (secured || core.ssl() == null) {
      closing = true; // §5.4.2.2: failure, then the stream closes
      wire.writeAndLinger(XmlElement.empty("failure", TLS_NS), StreamEnd.INSTANCE);
      return;
    }
    // The first write after adding the handler (proceed) passes in the clear; TLS follows.
    SslHandler ssl = new SslHandler(core.ssl().newEngine(ctx.alloc()), true);
    ctx.pipeline().addFirst("tls", ssl);
    awaitingTls = true;
    headerSent = false;
    decoder.restart();
    wire.write(XmlElement.empty("proceed", TLS_NS));
  }

  // RFC 6120 §6.4.
  private void sasl(XmlElement e) {
    SaslNegotiation.Outcome outcome = sasl.handle(e, secured);
    if (outcome instanceof SaslNegotiation.Outcome.Reply r) {
      wire.write(r.element());
    } else if (outcome instanceof SaslNegotiation.Outcome.Authenticated a) {
      user = a.username();
      mechanism = a.mechanism();
      headerSent = false;
      decoder.restart(); // §6.4.6: a new stream follows at once
      wire.write(a.success());
    } else if (outcome instanceof SaslNegotiation.Outcome.TooManyFailures f) {
      wire.write(f.failure());
      streamError(StreamErrorCondition.POLICY_VIOLATION, "too many failed authentication attempts");
    } else {
      streamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, null);
    }
  }

  private void beforeBinding(XmlElement e) {
    if (e.is("iq", StreamHeader.CLIENT_NS)) {
      Iq iq;
      try {
        iq = (Iq) Stanza.fromElement(e);
      } catch (StanzaFormatException bad) {
        bad.errorReply().ifPresent(wire::write);
        return;
      }
      XmlElement payload = iq.payload();
      if (iq.type() == Iq.Type.SET && payload != null && payload.is("bind", BIND_NS)) {
        bind(iq);
      } else if (iq.type() == Iq.Type.SET && payload != null
          && payload.is("session", ServerIq.SESSION_NS)) {
        wire.write(iq.resultReply());
      } else {
        streamError(StreamErrorCondition.NOT_AUTHORIZED, "bind a resource first (RFC 6120 §7)");
      }
    } else if (e.is("resume", SmElements.NS)) {
      resume(e);
    } else if (e.namespace().equals(SmElements.NS)) {
      wire.write(SmElements.failed(StanzaErrorCondition.UNEXPECTED_REQUEST)); // XEP-0198 §3
    } else if (Stanza.isStanza(e)) {
      streamError(StreamErrorCondition.NOT_AUTHORIZED, "bind a resource first (RFC 6120 §7)");
    } else {
      streamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, null);
    }
  }

  // RFC 6120 §7.
  private void bind(Iq iq) {
    String resource = iq.payload().childText("resource", BIND_NS);
    resource = resource == null || resource.isBlank() ? null : resource.strip();
    if (resource != null) {
      try {
        Jid.of(user, core.domain().domainpart(), resource);
      } catch (JidFormatException bad) {
        wire.write(iq.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST)
            .withText("not a valid resourcepart (RFC 7622 §3.4)", "en"))); // §7.7.2.1
        return;
      }
    }
    session = core.bind(this, wire, user, mechanism, resource, iq);
  }

  // XEP-0198 §5.
  private void resume(XmlElement e) {
    if (!config.streamManagement || config.resumptionTimeout.isZero()) {
      wire.write(SmElements.failed(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED));
      return;
    }
    long h = SmElements.h(e);
    if (h < 0 || e.attribute("previd") == null) {
      wire.write(SmElements.failed(StanzaErrorCondition.BAD_REQUEST));
      return;
    }
    ServerCore.Resumption r = core.resume(this, wire, user, e.attribute("previd"), h);
    if (r instanceof ServerCore.Resumption.Resumed ok) {
      session = ok.session();
    } else if (r instanceof ServerCore.Resumption.Failed f) {
      wire.write(SmElements.failed(f.condition())); // the client may bind now
    } else {
      ServerCore.Resumption.TooHigh t = (ServerCore.Resumption.TooHigh) r;
      streamError(SmElements.handledCountTooHigh(t.h(), t.sent()));
    }
  }

  private void bound(XmlElement e) {
    if (Stanza.isStanza(e)) {
      session.fromClient(e);
      return;
    }
    if (!e.namespace().equals(SmElements.NS)) {
      streamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, null);
      return;
    }
    switch (e.localName()) {
      case "enable" -> enable(e);
      case "r" -> {
        if (requireSm()) {
          session.answerAckRequest();
        }
      }
      case "a" -> {
        if (!requireSm()) {
          return;
        }
        long h = SmElements.h(e);
        if (h < 0) {
          streamError(StreamErrorCondition.INVALID_XML, "'h' is an xs:unsignedInt (XEP-0198 §4)");
          return;
        }
        long sent = session.acknowledge(h);
        if (sent >= 0) {
          streamError(SmElements.handledCountTooHigh(h, sent));
        }
      }
      case "resume" -> wire.write(SmElements.failed(StanzaErrorCondition.UNEXPECTED_REQUEST));
      default -> streamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, null);
    }
  }

  // XEP-0198 §3.
  private void enable(XmlElement e) {
    if (!config.streamManagement) {
      wire.write(SmElements.failed(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED));
      return;
    }
    if (session.isStreamManaged()) {
      streamError(StreamErrorCondition.POLICY_VIOLATION,
          "stream management is already enabled (XEP-0198 §3)");
      return;
    }
    Duration timeout = config.resumptionTimeout;
    String clientMax = e.attribute("max");
    if (clientMax != null && clientMax.matches("[1-9][0-9]{0,8}")) {
      Duration wanted = Duration.ofSeconds(Long.parseLong(clientMax));
      timeout = wanted.compareTo(timeout) < 0 ? wanted : timeout;
    }
    boolean resume = SmElements.isTrue(e.attribute("resume")) && !timeout.isZero();
    session.enableSm(resume ? core.registerResumable(session) : null, timeout);
  }

  private boolean requireSm() {
    if (!session.isStreamManaged()) {
      streamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
          "stream management is not enabled (XEP-0198 §3)");
      return false;
    }
    return true;
  }
}
