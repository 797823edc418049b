package dev.xmppreactive.client;

import dev.xmppreactive.codec.XmlLimits;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.router.IqHandler;
import dev.xmppreactive.sasl.SaslSettings;
import dev.xmppreactive.stanza.ExtensionRegistry;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.tls.TlsSettings;
import dev.xmppreactive.xml.XmlName;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.scheduler.Scheduler;
import reactor.netty.resources.LoopResources;
import reactor.util.retry.Retry;

/**
 * Everything an {@link XmppClient} is configured with; immutable. See the setters of
 * {@link XmppClient} for what each means and its default.
 */
record ClientSettings(
    Jid jid,
    String password,
    SaslSettings sasl,
    TlsSettings tls,
    String host,
    int port,
    boolean directTls,
    DnsResolver dns,
    Duration connectTimeout,
    Duration negotiationTimeout,
    Duration requestTimeout,
    Duration closeTimeout,
    XmlLimits limits,
    ExtensionRegistry extensions,
    Map<XmlName, IqHandler> iqHandlers,
    XmppHandler handler,
    BiFunction<? super XmppInbound, ? super XmppOutbound, ? extends Publisher<Void>> handle,
    Presence initialPresence,
    int outboundCapacity,
    int inboundCapacity,
    String lang,
    Scheduler timer,
    Scheduler handlerScheduler,
    LoopResources loops,
    SmSettings sm,
    Retry reconnect,
    Keepalive keepalive) {

  ClientSettings {
    iqHandlers = Map.copyOf(iqHandlers);
  }

  /** The SASL settings to use: the configured ones, or a password login as the JID's localpart. */
  SaslSettings effectiveSasl() {
    if (sasl != null) {
      return sasl;
    }
    if (jid == null || jid.localpart() == null || password == null) {
      throw new IllegalStateException(
          "no credentials: call XmppClient.credentials(jid, password) or sasl(settings)");
    }
    return SaslSettings.password(jid.localpart(), password);
  }

  /** The XMPP domain to connect to. */
  String domain() {
    if (jid == null) {
      throw new IllegalStateException("no JID: call XmppClient.credentials(jid, password) or jid(jid)");
    }
    return jid.domainpart();
  }


  /** A mutable copy, for the copy-on-write setters of {@link XmppClient}. */
  static final class Builder {
    private Jid jid;
    private String password;
    private SaslSettings sasl;
    private TlsSettings tls;
    private String host;
    private int port;
    private boolean directTls;
    private DnsResolver dns;
    private Duration connectTimeout;
    private Duration negotiationTimeout;
    private Duration requestTimeout;
    private Duration closeTimeout;
    private XmlLimits limits;
    private ExtensionRegistry extensions;
    private Map<XmlName, IqHandler> iqHandlers;
    private XmppHandler handler;
    private BiFunction<? super XmppInbound, ? super XmppOutbound, ? extends Publisher<Void>> handle;
    private Presence initialPresence;
    private int outboundCapacity;
    private int inboundCapacity;
    private String lang;
    private Scheduler timer;
    private Scheduler handlerScheduler;
    private LoopResources loops;
    private SmSettings sm;
    private Retry reconnect;
    private Keepalive keepalive;

    Builder(ClientSettings s) {
      this.jid = s.jid();
      this.password = s.password();
      this.sasl = s.sasl();
      this.tls = s.tls();
      this.host = s.host();
      this.port = s.port();
      this.directTls = s.directTls();
      this.dns = s.dns();
      this.connectTimeout = s.connectTimeout();
      this.negotiationTimeout = s.negotiationTimeout();
      this.requestTimeout = s.requestTimeout();
      this.closeTimeout = s.closeTimeout();
      this.limits = s.limits();
      this.extensions = s.extensions();
      this.iqHandlers = s.iqHandlers();
      this.handler = s.handler();
      this.handle = s.handle();
      this.initialPresence = s.initialPresence();
      this.outboundCapacity = s.outboundCapacity();
      this.inboundCapacity = s.inboundCapacity();
      this.lang = s.lang();
      this.timer = s.timer();
      this.handlerScheduler = s.handlerScheduler();
      this.loops = s.loops();
      this.sm = s.sm();
      this.reconnect = s.reconnect();
      this.keepalive = s.keepalive();
    }

    Builder jid(Jid value) {
      this.jid = value;
      return this;
    }

    Builder password(String value) {
      this.password = value;
      return this;
    }

    Builder sasl(SaslSettings value) {
      this.sasl = value;
      return this;
    }

    Builder tls(TlsSettings value) {
      this.tls = value;
      return this;
    }

    Builder host(String value) {
      this.host = value;
      return this;
    }

    Builder port(int value) {
      this.port = value;
      return this;
    }

    Builder directTls(boolean value) {
      this.directTls = value;
      return this;
    }

    Builder dns(DnsResolver value) {
      this.dns = value;
      return this;
    }

    Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    Builder negotiationTimeout(Duration value) {
      this.negotiationTimeout = value;
      return this;
    }

    Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    Builder closeTimeout(Duration value) {
      this.closeTimeout = value;
      return this;
    }

    Builder limits(XmlLimits value) {
      this.limits = value;
      return this;
    }

    Builder extensions(ExtensionRegistry value) {
      this.extensions = value;
      return this;
    }

    Builder iqHandlers(Map<XmlName, IqHandler> value) {
      this.iqHandlers = value;
      return this;
    }

    Builder handler(XmppHandler value) {
      this.handler = value;
      return this;
    }

    Builder handle(BiFunction<? super XmppInbound, ? super XmppOutbound, ? extends Publisher<Void>> value) {
      this.handle = value;
      return this;
    }

    Builder initialPresence(Presence value) {
      this.initialPresence = value;
      return this;
    }

    Builder outboundCapacity(int value) {
      this.outboundCapacity = value;
      return this;
    }

    Builder inboundCapacity(int value) {
      this.inboundCapacity = value;
      return this;
    }

    Builder lang(String value) {
      this.lang = value;
      return this;
    }

    Builder timer(Scheduler value) {
      this.timer = value;
      return this;
    }

    Builder handlerScheduler(Scheduler value) {
      this.handlerScheduler = value;
      return this;
    }

    Builder loops(LoopResources value) {
      this.loops = value;
      return this;
    }

    Builder sm(SmSettings value) {
      this.sm = value;
      return this;
    }

    Builder reconnect(Retry value) {
      this.reconnect = value;
      return this;
    }

    Builder keepalive(Keepalive value) {
      this.keepalive = value;
      return this;
    }

    ClientSettings build() {
      return new ClientSettings(jid, password, sasl, tls, host, port, directTls, dns,
          connectTimeout, negotiationTimeout, requestTimeout, closeTimeout, limits, extensions,
          iqHandlers, handler, handle, initialPresence, outboundCapacity, inboundCapacity, lang,
          timer, handlerScheduler, loops, sm, reconnect, keepalive);
    }
  }
}
