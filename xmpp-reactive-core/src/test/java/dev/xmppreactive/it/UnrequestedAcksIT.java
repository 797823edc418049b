package dev.xmppreactive.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.SmSettings;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;

/**
 * XEP-0198 §4 unrequested acks against the real servers: a receiver that acknowledges every stanza
 * it handles without being asked (so it surely sends hundreds, whatever the server's own requests)
 * keeps its stream: Prosody's mod_smacks and ejabberd's mod_stream_mgmt take them as acks, and
 * neither ends the stream nor complains.
 */
class UnrequestedAcksIT {

  private static final int MESSAGES = 500;
  private static final Duration T = Duration.ofSeconds(60);

  @EachServer
  void theServersTakeUnrequestedAcks(XmppServer server) {
    XmppSession a = null;
    XmppSession b = null;
    try {
      a = Clients.login(Clients.starttls(server, server.newUser("sender")));
      b = Clients.login(Clients.starttls(server, server.newUser("acker"))
          .streamManagement(SmSettings.defaults().withAckHandledEvery(1)));
      List<SessionEvent> events = new CopyOnWriteArrayList<>();
      b.events().subscribe(events::add);
      Jid to = b.jid();
      XmppSession sender = a;
      Flux<Message> received = b.messages()
          .filter(m -> m.type() == Message.Type.CHAT).take(MESSAGES).cache();
      received.subscribe();
      Flux.range(0, MESSAGES)
          .flatMap(i -> sender.sendAcked(Message.chat(to, "n:" + i)), 50)
          .blockLast(T);
      assertThat(received.count().block(T)).isEqualTo(MESSAGES);
      // the acker's own stream is fine: a stanza it sends is acknowledged by the server
      b.sendAcked(Message.chat(a.jid(), "done")).block(T);
      assertThat(events).noneMatch(e -> e instanceof SessionEvent.Suspended
          || e instanceof SessionEvent.Closed);
      assertThat(b.isClosed()).isFalse();
    } finally {
      Clients.closeAll(a, b);
    }
  }
}
