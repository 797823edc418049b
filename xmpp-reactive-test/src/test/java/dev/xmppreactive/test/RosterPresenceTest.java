package dev.xmppreactive.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Rosters (RFC 6121 §2), subscriptions (§3), presence (§4) and delivery (§8.5) on the test server. */
class RosterPresenceTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Jid ALICE = Jid.of("alice@example.test");
  private static final Jid BOB = Jid.of("bob@example.test");
  private static final Jid CAROL = Jid.of("carol@example.test");

  private RunningServer server;
  private final List<RawClient> clients = new java.util.ArrayList<>();

  @BeforeEach
  void start() {
    server = XmppTestServer.create().user("alice", "secret").user("bob", "secret")
        .user("carol", "secret").start();
  }

  @AfterEach
  void stop() {
    clients.forEach(RawClient::close);
    server.close();
  }

  private RawClient login(String user, String resource) {
    RawClient raw = RawClient.connect(server);
    clients.add(raw);
    raw.login(user, "secret", resource);
    return raw;
  }

  private static Iq rosterGet(String ver) {
    XmlElement.Builder q = XmlElement.builder("query", RosterEntry.NS);
    if (ver != null) {
      q.attribute("ver", ver);
    }
    return Iq.builder().type(Iq.Type.GET).id("roster-get").payload(q.build()).build();
  }

  private static Iq rosterSet(String id, XmlElement... items) {
    XmlElement.Builder q = XmlElement.builder("query", RosterEntry.NS);
    for (XmlElement i : items) {
      q.child(i);
    }
    return Iq.builder().type(Iq.Type.SET).id(id).payload(q.build()).build();
  }

  private static XmlElement item(Jid jid, String name, String... groups) {
    XmlElement.Builder b = XmlElement.builder("item", RosterEntry.NS)
        .attribute("jid", jid.toString()).attributeIfPresent("name", name);
    for (String g : groups) {
      b.textElement("group", RosterEntry.NS, g);
    }
    return b.build();
  }

  /** Requests the roster (becoming an interested resource) and sends initial presence. */
  private RawClient online(String user, String resource, int priority) {
    RawClient raw = login(user, resource);
    raw.send(rosterGet(""));
    assertThat(raw.nextStanza().id()).isEqualTo("roster-get");
    raw.send(Presence.builder().priority(priority).build());
    Presence own = (Presence) raw.nextStanza();
    assertThat(own.from()).isEqualTo(Jid.of(user + "@example.test/" + resource));
    assertThat(own.to()).isEqualTo(Jid.of(user + "@example.test"));
    return raw;
  }

  private static XmlElement pushedItem(RawClient raw) {
    Iq push = (Iq) raw.nextStanza();
    assertThat(push.type()).isEqualTo(Iq.Type.SET);
    assertThat(push.from()).as("a push comes from the account itself").isNull();
    assertThat(push.payload().is("query", RosterEntry.NS)).isTrue();
    assertThat(push.payload().attribute("ver")).isNotNull();
    return push.payload().element("item", RosterEntry.NS);
  }

  @Test
  void aRosterGetGivesTheVersionAndAnUnchangedVersionGivesAnEmptyResult() {
    RawClient alice = login("alice", "r");
    alice.send(rosterGet(""));
    Iq result = (Iq) alice.nextStanza();
    assertThat(result.payload().elements()).isEmpty();
    String ver = result.payload().attribute("ver");
    assertThat(ver).isNotNull();
    alice.send(rosterGet(ver));
    Iq same = (Iq) alice.nextStanza();
    assertThat(same.type()).isEqualTo(Iq.Type.RESULT);
    assertThat(same.payload()).isNull();
  }

  @Test
  void aRosterSetIsPushedToEveryInterestedResourceAndAnswered() {
    RawClient phone = online("alice", "phone", 0);
    RawClient desk = online("alice", "desk", 0);
    phone.nextStanza(); // desk's presence, broadcast to the account's resources
    desk.nextStanza(); // phone's current presence, sent to the new resource
    phone.send(rosterSet("set-1", item(BOB, "Bob", "Friends", "Work")));
    XmlElement pushed = pushedItem(phone);
    assertThat(pushed.attribute("jid")).isEqualTo("bob@example.test");
    assertThat(pushed.attribute("name")).isEqualTo("Bob");
    assertThat(pushed.attribute("subscription")).isEqualTo("none");
    assertThat(pushed.elements("group", RosterEntry.NS)).extracting(XmlElement::text)
        .containsExactly("Friends", "Work");
    Iq result = (Iq) phone.nextStanza();
    assertThat(result.id()).isEqualTo("set-1");
    assertThat(result.type()).isEqualTo(Iq.Type.RESULT);
    assertThat(pushedItem(desk).attribute("name")).isEqualTo("Bob");
    assertThat(server.roster("alice")).singleElement()
        .isEqualTo(new RosterEntry(BOB, "Bob", Subscription.NONE, false, List.of("Friends", "Work")));

    phone.send(rosterSet("remove-1", XmlElement.builder("item", RosterEntry.NS)
        .attribute("jid", "bob@example.test").attribute("subscription", "remove").build()));
    assertThat(pushedItem(phone).attribute("subscription")).isEqualTo("remove");
    assertThat(phone.nextStanza().id()).isEqualTo("remove-1");
    assertThat(pushedItem(desk).attribute("subscription")).isEqualTo("remove");
    assertThat(server.roster("alice")).isEmpty();
  }

  @Test
  void badRosterSetsGetTheErrorsOfRfc6121() {
    RawClient alice = login("alice", "r");
    alice.send(rosterSet("two", item(BOB, null), item(CAROL, null)));
    assertThat(alice.nextStanza().error().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    alice.send(rosterSet("dup", item(BOB, null, "A", "A")));
    assertThat(alice.nextStanza().error().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    alice.send(rosterSet("empty", item(BOB, null, "")));
    assertThat(alice.nextStanza().error().condition())
        .isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
    alice.send(rosterSet("missing", XmlElement.builder("item", RosterEntry.NS)
        .attribute("jid", "nobody@example.test").attribute("subscription", "remove").build()));
    assertThat(alice.nextStanza().error().condition())
        .isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
    alice.send(rosterSet("other", item(CAROL, null)).withTo(BOB));
    assertThat(alice.nextStanza().error().condition()).isEqualTo(StanzaErrorCondition.FORBIDDEN);
  }

  @Test
  void aSubscriptionRequestAndItsApprovalChangeBothRosters() {
    RawClient alice = online("alice", "r", 0);
    RawClient bob = online("bob", "r", 0);

    alice.send(Presence.subscribe(BOB));
    XmlElement pending = pushedItem(alice);
    assertThat(pending.attribute("subscription")).isEqualTo("none");
    assertThat(pending.attribute("ask")).isEqualTo("subscribe");
    Presence request = (Presence) bob.nextStanza();
    assertThat(request.type()).isEqualTo(Presence.Type.SUBSCRIBE);
    assertThat(request.from()).isEqualTo(ALICE); // the bare JID (RFC 6120 §8.1.2.1)
    assertThat(server.roster("bob")).as("no item before approval (RFC 6121 §3.1.3)").isEmpty();

    bob.send(Presence.subscribed(ALICE));
    XmlElement from = pushedItem(bob);
    assertThat(from.attribute("jid")).isEqualTo("alice@example.test");
    assertThat(from.attribute("subscription")).isEqualTo("from");
    Presence approval = (Presence) alice.nextStanza();
    assertThat(approval.type()).isEqualTo(Presence.Type.SUBSCRIBED);
    assertThat(approval.from()).isEqualTo(BOB);
    XmlElement to = pushedItem(alice);
    assertThat(to.attribute("subscription")).isEqualTo("to");
    assertThat(to.attribute("ask")).isNull();
    Presence bobsPresence = (Presence) alice.nextStanza();
    assertThat(bobsPresence.type()).isEqualTo(Presence.Type.AVAILABLE);
    assertThat(bobsPresence.from()).isEqualTo(Jid.of("bob@example.test/r"));

    assertThat(server.roster("alice")).singleElement()
        .extracting(RosterEntry::subscription).isEqualTo(Subscription.TO);
    assertThat(server.roster("bob")).singleElement()
        .extracting(RosterEntry::subscription).isEqualTo(Subscription.FROM);

    // Bob cancels: alice's subscription goes, and she gets bob's unavailable presence.
    bob.send(Presence.unsubscribed(ALICE));
    assertThat(pushedItem(bob).attribute("subscription")).isEqualTo("none");
    Presence gone = (Presence) alice.nextStanza();
    assertThat(gone.type()).isEqualTo(Presence.Type.UNAVAILABLE);
    assertThat(gone.from()).isEqualTo(Jid.of("bob@example.test/r"));
    assertThat(((Presence) alice.nextStanza()).type()).isEqualTo(Presence.Type.UNSUBSCRIBED);
    assertThat(pushedItem(alice).attribute("subscription")).isEqualTo("none");
  }

  @Test
  void aRequestToAnOfflineContactIsDeliveredAtItsNextInitialPresence() {
    RawClient alice = online("alice", "r", 0);
    alice.send(Presence.subscribe(CAROL));
    pushedItem(alice);
    alice.syncPoint();
    RawClient carol = login("carol", "r");
    carol.send(Presence.available());
    assertThat(((Presence) carol.nextStanza()).from()).isEqualTo(Jid.of("carol@example.test/r"));
    Presence request = (Presence) carol.nextStanza();
    assertThat(request.type()).isEqualTo(Presence.Type.SUBSCRIBE);
    assertThat(request.from()).isEqualTo(ALICE);
  }

  @Test
  void presenceGoesToSubscribersAndContactsPresenceComesBack() {
    server.befriend("alice", "bob");
    RawClient bob = online("bob", "r", 0);
    RawClient alice = login("alice", "r");
    alice.send(Presence.builder().status("here").build());
    Presence own = (Presence) alice.nextStanza();
    assertThat(own.status()).isEqualTo("here");
    Presence bobs = (Presence) alice.nextStanza();
    assertThat(bobs.from()).isEqualTo(Jid.of("bob@example.test/r"));
    assertThat(bobs.to()).isEqualTo(Jid.of("alice@example.test/r"));
    Presence alices = (Presence) bob.nextStanza();
    assertThat(alices.from()).isEqualTo(Jid.of("alice@example.test/r"));
    assertThat(alices.to()).isEqualTo(BOB);
    assertThat(alices.status()).isEqualTo("here");

    alice.send(Presence.builder().show(Presence.Show.AWAY).build());
    assertThat(((Presence) bob.nextStanza()).show()).isEqualTo(Presence.Show.AWAY);
    alice.drop();
    Presence left = (Presence) bob.nextStanza();
    assertThat(left.type()).isEqualTo(Presence.Type.UNAVAILABLE);
    assertThat(left.from()).isEqualTo(Jid.of("alice@example.test/r"));
  }

  @Test
  void directedPresenceIsWithdrawnAtLogout() {
    RawClient carol = online("carol", "r", 0);
    RawClient alice = online("alice", "r", 0);
    alice.send(Presence.available().withTo(Jid.of("carol@example.test/r")));
    Presence directed = (Presence) carol.nextStanza();
    assertThat(directed.from()).isEqualTo(Jid.of("alice@example.test/r"));
    alice.send(dev.xmppreactive.stream.StreamEnd.INSTANCE);
    Presence gone = (Presence) carol.nextStanza();
    assertThat(gone.type()).isEqualTo(Presence.Type.UNAVAILABLE);
    assertThat(gone.from()).isEqualTo(Jid.of("alice@example.test/r"));
  }

  @Test
  void aProbeIsAnsweredFromTheContactsResources() {
    server.befriend("alice", "bob");
    RawClient alice = online("alice", "r", 0);
    alice.send(Presence.builder().type(Presence.Type.PROBE).to(CAROL).build());
    assertThat(((Presence) alice.nextStanza()).type()).isEqualTo(Presence.Type.UNSUBSCRIBED);
    alice.send(Presence.builder().type(Presence.Type.PROBE).to(BOB).build());
    Presence unavailable = (Presence) alice.nextStanza();
    assertThat(unavailable.type()).isEqualTo(Presence.Type.UNAVAILABLE);
    assertThat(unavailable.from()).isEqualTo(BOB);
  }

  @Test
  void messagesToABareJidGoToTheHighestNonNegativePriority() {
    RawClient low = online("alice", "low", 1);
    RawClient high = online("alice", "high", 5);
    low.nextStanza(); // high's presence
    high.nextStanza(); // low's presence
    RawClient bob = login("bob", "r");
    bob.send(Message.chat(ALICE, "to the most available").withId("m1"));
    Message m = (Message) high.nextStanza();
    assertThat(m.body()).isEqualTo("to the most available");
    assertThat(m.to()).as("'to' is not rewritten (RFC 6121 §8.5.2.1.1)").isEqualTo(ALICE);
    low.syncPoint(); // nothing came before the ping's answer
    bob.send(Message.chat(Jid.of("alice@example.test/low"), "to one resource"));
    assertThat(((Message) low.nextStanza()).body()).isEqualTo("to one resource");
    high.syncPoint();
  }

  @Test
  void onlyNegativePriorityResourcesMeansOfflineStorage() {
    RawClient alice = online("alice", "r", -1);
    RawClient bob = login("bob", "r");
    bob.send(Message.chat(ALICE, "stored"));
    bob.syncPoint();
    alice.syncPoint();
    assertThat(server.offlineMessages("alice")).extracting(Message::body).containsExactly("stored");
  }

  @Test
  void offlineMessagesArriveAtInitialPresenceWithADelayStamp() {
    RawClient bob = login("bob", "r");
    bob.send(Message.chat(ALICE, "while you were out"));
    bob.send(Message.chat(Jid.of("alice@example.test/gone"), "to a resource that left"));
    bob.syncPoint();
    assertThat(server.offlineMessages("alice")).hasSize(2);
    RawClient alice = login("alice", "back");
    alice.send(Presence.available());
    alice.nextStanza(); // own presence
    Message first = (Message) alice.nextStanza();
    assertThat(first.body()).isEqualTo("while you were out");
    assertThat(first.from()).isEqualTo(Jid.of("bob@example.test/r"));
    XmlElement delay = first.extension("delay", "urn:xmpp:delay");
    assertThat(delay.attribute("from")).isEqualTo("example.test");
    assertThat(delay.attribute("stamp")).endsWith("Z");
    assertThat(((Message) alice.nextStanza()).body()).isEqualTo("to a resource that left");
    assertThat(server.offlineMessages("alice")).isEmpty();
  }

  @Test
  void aFullOfflineStoreRefusesWithServiceUnavailable() {
    server.close();
    server = XmppTestServer.create().user("alice", "secret").user("bob", "secret")
        .offlineLimit(1).start();
    RawClient bob = login("bob", "r");
    bob.send(Message.chat(ALICE, "kept").withId("k"));
    bob.send(Message.chat(ALICE, "refused").withId("x"));
    Stanza error = bob.nextStanza();
    assertThat(error.id()).isEqualTo("x");
    assertThat(error.error().condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
  }

  @Test
  void ourClientsSeeEachOthersPresenceWhenBefriended() {
    server.befriend("alice", "bob");
    XmppSession bob = server.clientFor("bob").connect().block(WAIT);
    StepVerifier.create(bob.presences().filter(XmppSteps.presence().from(ALICE)))
        .then(() -> server.clientFor("alice").connect().subscribe())
        .assertNext(XmppSteps.expectPresence(ALICE, Presence.Type.AVAILABLE).to(BOB))
        .thenCancel()
        .verify(WAIT);
  }
}
