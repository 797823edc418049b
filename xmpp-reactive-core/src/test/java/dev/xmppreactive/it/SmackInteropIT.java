package dev.xmppreactive.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Message;
import java.net.InetAddress;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import reactor.core.publisher.Flux;

/**
 * Interoperability with a client no one here wrote: a Smack 4.4.8 session and one of ours exchange
 * 1,000 chat messages each way, at the same time, through each server; none is lost, none is
 * duplicated, each side receives the other's in the order they were sent, and bodies with characters
 * XML must escape (and one outside the BMP) come through unchanged.
 */
class SmackInteropIT {

  static {
    // Smack runs as in production, without its assertions: failsafe enables them, and one in Smack
    // 4.4.8's StandardExtensionElementProvider (line 59, a namespace prefix from the XPP3 adapter)
    // fails on a valid presence extension the servers add (<x xmlns='vcard-temp:x:update'><photo/></x>),
    // killing Smack's reader thread without a word. Set before any Smack class is initialised.
    SmackInteropIT.class.getClassLoader().setPackageAssertionStatus("org.jivesoftware", false);
  }

  private static final int COUNT = 1_000;
  private static final long DEADLINE_SECONDS = 60;

  @EachServer
  void smackAndOursExchangeAThousandMessagesEachWay(XmppServer server) throws Exception {
    TestUser smackUser = server.newUser("smack");
    TestUser ourUser = server.newUser("ours");
    XMPPTCPConnection smack = new XMPPTCPConnection(smackConfiguration(server, smackUser));
    XmppSession ours = null;
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      smack.connect().login();
      assertThat(smack.isAuthenticated()).isTrue();
      ours = Clients.login(Clients.starttls(server, ourUser).resource("ours"));
      Jid smackJid = Jid.of(smack.getUser().toString());
      EntityFullJid ourJid = JidCreate.entityFullFrom(ours.jid().toString());

      // Smack's side: a synchronous listener sees stanzas in the order they arrived
      List<org.jivesoftware.smack.packet.Message> atSmack =
          Collections.synchronizedList(new ArrayList<>());
      CountDownLatch smackGotAll = new CountDownLatch(COUNT);
      smack.addSyncStanzaListener(st -> {
        atSmack.add((org.jivesoftware.smack.packet.Message) st);
        smackGotAll.countDown();
      }, (Stanza st) -> st instanceof org.jivesoftware.smack.packet.Message m
          && ourJid.equals(m.getFrom()) && m.getBody() != null);

      // our side
      CompletableFuture<List<Message>> atOurs = ours.messages()
          .filter(m -> smackJid.equals(m.from()) && m.body() != null)
          .take(COUNT)
          .collectList()
          .toFuture();

      long t0 = System.nanoTime();
      XMPPTCPConnection smackConn = smack;
      Future<?> smackSending = pool.submit(() -> {
        for (int i = 0; i < COUNT; i++) {
          smackConn.sendStanza(smackConn.getStanzaFactory().buildMessageStanza()
              .to(ourJid)
              .ofType(org.jivesoftware.smack.packet.Message.Type.chat)
              .setBody(body("smack", i))
              .build());
        }
        return null;
      });
      ours.send(Flux.range(0, COUNT).map(i -> Message.builder().to(smackJid)
              .type(Message.Type.CHAT).id("ours-" + i).body(body("ours", i)).build()))
          .block(Clients.T.multipliedBy(3));
      smackSending.get(DEADLINE_SECONDS, TimeUnit.SECONDS);

      List<Message> received = atOurs.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      boolean smackDone = smackGotAll.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
      System.out.printf("%s: 2 x %d messages exchanged with Smack in %d ms%n", server.name(), COUNT,
          (System.nanoTime() - t0) / 1_000_000);

      List<String> expectedAtOurs = IntStream.range(0, COUNT).mapToObj(i -> body("smack", i)).toList();
      assertThat(received.stream().map(Message::body).toList()).containsExactlyElementsOf(expectedAtOurs);
      assertThat(received).allSatisfy(m -> assertThat(m.type()).isEqualTo(Message.Type.CHAT));

      assertThat(smackDone).as("Smack received all %d messages; missing %d", COUNT,
          smackGotAll.getCount()).isTrue();
      List<String> expectedAtSmack = IntStream.range(0, COUNT).mapToObj(i -> body("ours", i)).toList();
      List<org.jivesoftware.smack.packet.Message> smackCopy;
      synchronized (atSmack) {
        smackCopy = List.copyOf(atSmack);
      }
      assertThat(smackCopy.stream().map(org.jivesoftware.smack.packet.Message::getBody).toList())
          .containsExactlyElementsOf(expectedAtSmack);
      assertThat(smackCopy.stream().map(Stanza::getStanzaId).toList())
          .containsExactlyElementsOf(IntStream.range(0, COUNT).mapToObj(i -> "ours-" + i).toList());
      assertThat(ours.isClosed()).isFalse();
      assertThat(smack.isConnected()).isTrue();
    } finally {
      pool.shutdownNow();
      smack.disconnect();
      Clients.closeAll(ours);
    }
  }

  /** A body with characters that must be escaped, and one outside the Basic Multilingual Plane. */
  private static String body(String who, int i) {
    return who + " #" + i + " <&> \"quoted\" 'apos' é \uD83D\uDE00";
  }

  /** Smack, on the server's STARTTLS port, trusting the harness's CA and nothing else. */
  private static XMPPTCPConnectionConfiguration smackConfiguration(XmppServer server, TestUser user)
      throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("harness-ca", server.trustAnchor());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    X509TrustManager trustManager = Arrays.stream(tmf.getTrustManagers())
        .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
        .findFirst().orElseThrow();
    // Not setCustomSSLContext: Smack 4.4.8 calls init() again on the context it is given, with its own
    // trust managers (none: the JDK's store), which drops ours. It builds its SSLContext from this one.
    return XMPPTCPConnectionConfiguration.builder()
        .setXmppDomain(server.domain())
        .setHostAddress(InetAddress.getByName(server.host()))
        .setPort(server.starttlsPort())
        .setUsernameAndPassword(user.local(), user.password())
        .setResource("smack")
        .setSecurityMode(SecurityMode.required)
        .setCustomX509TrustManager(trustManager)
        .build();
  }
}
