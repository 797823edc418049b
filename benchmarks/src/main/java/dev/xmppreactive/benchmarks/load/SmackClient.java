package dev.xmppreactive.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Smack 4.4.8 ({@code XMPPTCPConnection}, XPP3 parser) as the workloads drive it, configured to do the
 * same protocol work as ours: STARTTLS required, the run's SASL mechanism, Stream Management on, initial presence
 * sent, and the roster not fetched at login (ours does not fetch it). Its connect and login calls
 * block, so connects run on a pool of benchmark threads ({@code bench-connect-*}) as wide as the
 * task's concurrency; Smack's reply timeout is raised to 60 s so that logins queued at a busy server
 * do not fail where ours would wait (ours: 120 s negotiation timeout).
 */
final class SmackClient implements LoadClient {
  private static final long REPLY_TIMEOUT_MILLIS = 60_000;

  private final Target target;
  private final X509TrustManager trust;
  private final DomainBareJid domain;
  private final ExecutorService connects;

  private final boolean sm;

  /**
   * Smack for the target.
   *
   * @param sm whether Stream Management is on ({@code smack}); off for the variant {@code smack-nosm},
   *           which avoids Smack 4.4.8's stall with more than about 1,000 stanzas unacknowledged
   */
  SmackClient(Target target, int concurrency, boolean sm) {
    this.target = target;
    this.sm = sm;
    this.trust = trustManager(Path.of(target.trustPem()));
    try {
      this.domain = JidCreate.domainBareFrom(target.domain());
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    AtomicInteger n = new AtomicInteger();
    this.connects = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
      Thread t = new Thread(r, "bench-connect-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String name() {
    return sm ? "smack" : "smack-nosm";
  }

  @Override
  public CompletableFuture<LoadSession> connect(int n) {
    CompletableFuture<LoadSession> result = new CompletableFuture<>();
    connects.execute(() -> {
      XMPPTCPConnection c = null;
      try {
        c = new XMPPTCPConnection(configuration(n));
        c.setReplyTimeout(REPLY_TIMEOUT_MILLIS);
        c.setUseStreamManagement(sm);
        Roster.getInstanceFor(c).setRosterLoadedAtLogin(false);
        c.connect().login();
        result.complete(new Session(c));
      } catch (Throwable e) {
        if (c != null) {
          c.instantShutdown();
        }
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  private XMPPTCPConnectionConfiguration configuration(int n) throws IOException {
    return XMPPTCPConnectionConfiguration.builder()
        .setXmppDomain(domain)
        .setHostAddress(InetAddress.getByName(target.host()))
        .setPort(target.port())
        .setUsernameAndPassword(target.local(n), target.password())
        .setSecurityMode(SecurityMode.required)
        .setCustomX509TrustManager(trust)
        .addEnabledSaslMechanism(target.mechanism())
        .setSendPresence(true)
        .build();
  }

  @Override
  public void close() {
    connects.shutdownNow();
  }

  /** A trust manager that trusts the certificates of one PEM file and nothing else. */
  static X509TrustManager trustManager(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, (X509Certificate) cert);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      return Arrays.stream(tmf.getTrustManagers()).filter(X509TrustManager.class::isInstance)
          .map(X509TrustManager.class::cast).findFirst().orElseThrow();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the trust anchor " + pem, e);
    }
  }

  private final class Session implements LoadSession {
    private final XMPPTCPConnection c;

    Session(XMPPTCPConnection c) {
      this.c = c;
    }

    @Override
    public String jid() {
      return c.getUser().toString();
    }

    @Override
    public boolean isUp() {
      return c.isConnected() && c.isAuthenticated();
    }

    @Override
    public void onMessage(Runnable onMessage) {
      // addStanzaListener: Smack 4.4's listener that runs in order on its main loop, its cheapest path
      c.addStanzaListener(st -> onMessage.run(), (Stanza st) -> st instanceof Message m
          && m.getType() == Message.Type.chat && m.getBody() != null);
    }

    @Override
    public Sender senderTo(String fullJid) {
      EntityFullJid to;
      try {
        to = JidCreate.entityFullFrom(fullJid);
      } catch (IOException e) {
        throw new IllegalArgumentException(e);
      }
      return body -> {
        try {
          c.sendStanza(c.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat)
              .setBody(body).build());
          return true;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        } catch (Exception e) {
          throw new IllegalStateException("cannot send", e);
        }
      };
    }

    @Override
    public void ping(long timeoutMillis, Consumer<Throwable> done) {
      c.sendIqRequestAsync(new Ping(c, domain), timeoutMillis)
          .onSuccess(reply -> done.accept(null))
          .onError(done::accept);
    }

    @Override
    public CompletableFuture<Void> close() {
      return CompletableFuture.runAsync(c::disconnect, connects);
    }
  }
}
