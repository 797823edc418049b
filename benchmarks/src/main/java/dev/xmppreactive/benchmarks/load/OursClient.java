package dev.xmppreactive.benchmarks.load;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.sasl.SaslSettings;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.tls.JsseProvider;
import dev.xmppreactive.xml.XmlElement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import reactor.core.publisher.Sinks;
import reactor.netty.resources.LoopResources;
import reactor.util.retry.Retry;

/**
 * Our client as the workloads drive it: one {@link XmppClient} configuration per account, all
 * sessions on one shared set of event loops ({@link LoopResources} with Reactor Netty's default
 * number of threads), everything else at its defaults (Stream Management on, initial presence, 10,000
 * stanzas of outbound queue) except two: the one SASL mechanism of the run (the same for Smack, so the
 * same work for the server), and no reconnection (a lost session must show as lost).
 */
final class OursClient implements LoadClient {
  static final String PING = "urn:xmpp:ping";

  private final Target target;
  private final LoopResources loops = LoopResources.create("xr-load");
  private final XmppClient base;
  private final Jid domain;

  private final String name;

  /**
   * Our client for the target.
   *
   * @param jdkTls use the JDK's JSSE provider instead of the default (BouncyCastle's): a variant that
   *               shows what the TLS provider costs
   */
  OursClient(Target target, boolean jdkTls) {
    this.target = target;
    this.name = jdkTls ? "ours-jdktls" : "ours";
    this.domain = Jid.domain(target.domain());
    this.base = XmppClient.create()
        .host(target.host())
        .port(target.port())
        .trust(Path.of(target.trustPem()))
        .runOn(loops)
        .reconnect(Retry.max(0))
        .negotiationTimeout(Duration.ofSeconds(120))
        .connectTimeout(Duration.ofSeconds(60))
        .tls(t -> jdkTls ? t.withProvider(JsseProvider.JDK) : t);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletableFuture<LoadSession> connect(int n) {
    String local = target.local(n);
    return base.credentials(local + "@" + target.domain(), target.password())
        .sasl(SaslSettings.password(local, target.password()).withMechanisms(List.of(target.mechanism())))
        .connect()
        .<LoadSession>map(Session::new)
        .toFuture();
  }

  @Override
  public void close() {
    loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
  }

  private final class Session implements LoadSession {
    private final XmppSession session;

    Session(XmppSession session) {
      this.session = session;
    }

    @Override
    public String jid() {
      return session.jid().toString();
    }

    @Override
    public boolean isUp() {
      return !session.isClosed();
    }

    @Override
    public void onMessage(Runnable onMessage) {
      session.messages().subscribe(m -> {
        if (m.type() == Message.Type.CHAT && m.body() != null) {
          onMessage.run();
        }
      });
    }

    @Override
    public Sender senderTo(String fullJid) {
      Jid to = Jid.of(fullJid);
      Sinks.Many<dev.xmppreactive.stanza.Stanza> sink = session.sink();
      return body -> {
        Sinks.EmitResult r = sink.tryEmitNext(Message.chat(to, body));
        if (r == Sinks.EmitResult.FAIL_OVERFLOW) {
          return false;
        }
        if (r.isFailure()) {
          throw new IllegalStateException("cannot send: " + r);
        }
        return true;
      };
    }

    @Override
    public void ping(long timeoutMillis, Consumer<Throwable> done) {
      session.request(Iq.get(domain, XmlElement.empty("ping", PING)), Duration.ofMillis(timeoutMillis))
          .subscribe(reply -> done.accept(null), done);
    }

    @Override
    public CompletableFuture<Void> close() {
      return session.close().toFuture();
    }
  }
}
