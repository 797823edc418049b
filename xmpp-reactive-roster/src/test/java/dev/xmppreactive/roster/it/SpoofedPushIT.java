package dev.xmppreactive.roster.it;

import static dev.xmppreactive.roster.it.Rosters.T;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.IqTimeoutException;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.roster.Roster;
import dev.xmppreactive.roster.RosterSnapshot;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stanza.StanzaErrorException;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A roster push from another account (RFC 6121 §2.1.6): the servers route an IQ set to a full JID
 * whatever its payload, so it reaches the client with the attacker's 'from'; it must be refused
 * (an error reply) and never applied.
 */
class SpoofedPushIT {

  private static final Logger log = LoggerFactory.getLogger(SpoofedPushIT.class);
  private static final String NS = "jabber:iq:roster";

  private static Iq push(Jid to, XmlElement item) {
    return Iq.set(to, XmlElement.builder("query", NS).child(item).build());
  }

  private static XmlElement item(String jid, String subscription) {
    return XmlElement.builder("item", NS).attribute("jid", jid).attribute("name", "Trust me")
        .attribute("subscription", subscription).build();
  }

  @EachServer
  void aPushFromAnotherAccountIsRefusedAndNeverApplied(XmppServer server) {
    TestUser alice = server.newUser("alice");
    Jid bob = Jid.of(server.newUser("bob").jid());
    Jid carol = Jid.of(server.newUser("carol").jid());
    TestUser mallory = server.newUser("mallory");
    Roster victim = Rosters.login(Rosters.client(server, alice, "desk"));
    XmppSession attacker = Rosters.xmpp(server, mallory, "evil").connect().block(T);
    try {
      victim.add(bob, "Bob").block(T);
      RosterSnapshot before = victim.snapshot();
      Jid target = victim.session().jid();
      for (XmlElement spoof : new XmlElement[] {item(mallory.jid(), "both"),
          item(bob.toString(), "remove")}) {
        StepVerifier.create(attacker.request(push(target, spoof)))
            .expectErrorSatisfies(e -> {
              assertThat(e).isInstanceOf(StanzaErrorException.class);
              StanzaErrorException se = (StanzaErrorException) e;
              log.info("{}: a spoofed roster push was answered by {} with {}", server.name(),
                  se.stanza().from(), se.condition());
              assertThat(se.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
              assertThat(se.stanza().from()).as("the victim's client answered").isEqualTo(target);
            })
            .verify(T);
      }
      assertThat(victim.snapshot()).isEqualTo(before);
      // a real change after them: pushes are applied in order, so the spoofs were passed over
      victim.add(carol, "Carol").block(T);
      assertThat(victim.snapshot().items().keySet()).containsExactlyInAnyOrder(bob, carol);
      assertThat(victim.item(bob).orElseThrow().name()).isEqualTo("Bob");
    } finally {
      attacker.close().block(T);
      Rosters.closeAll(victim);
    }
  }

  @EachServer
  void aPushWithAForgedFromDoesNotGetThrough(XmppServer server) {
    TestUser alice = server.newUser("alice");
    Jid bob = Jid.of(server.newUser("bob").jid());
    TestUser mallory = server.newUser("mallory");
    Roster victim = Rosters.login(Rosters.client(server, alice, "desk"));
    XmppSession attacker = Rosters.xmpp(server, mallory, "evil").connect().block(T);
    try {
      victim.add(bob, "Bob").block(T);
      RosterSnapshot before = victim.snapshot();
      List<Iq> seen = new CopyOnWriteArrayList<>();
      victim.session().iqs().filter(Iq::isRequest).subscribe(seen::add);
      // the attacker claims to be the victim's account (RFC 6120 §8.1.2.1: the server stamps 'from')
      Iq forged = push(victim.session().jid(), item(bob.toString(), "remove")).toBuilder()
          .from(Jid.of(alice.jid())).build();
      Object outcome = attacker.request(forged, Duration.ofSeconds(5)).map(r -> (Object) r)
          .onErrorResume(e -> Mono.just(e)).block(T);
      log.info("{}: a roster push with a forged 'from' ended with: {}; the victim received {}",
          server.name(), String.valueOf(outcome), seen);
      // measured: Prosody stamps the attacker's own JID, and the victim refuses the push; ejabberd
      // drops the stanza (no reply; the victim receives nothing)
      if (outcome instanceof StanzaErrorException se) {
        assertThat(se.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        assertThat(se.stanza().from()).isEqualTo(victim.session().jid());
      } else {
        assertThat(outcome).isInstanceOf(IqTimeoutException.class);
      }
      assertThat(seen).allSatisfy(iq -> assertThat(iq.from()).isNotEqualTo(Jid.of(alice.jid())));
      victim.add(Jid.of(server.newUser("carol").jid()), null).block(T);
      assertThat(victim.item(bob)).isEqualTo(before.item(bob));
      assertThat(victim.session().isClosed()).isFalse();
    } finally {
      attacker.close().onErrorResume(e -> Mono.empty()).block(T);
      Rosters.closeAll(victim);
    }
  }
}
