package dev.xmppreactive.roster;

import static dev.xmppreactive.roster.Server.T;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.StreamFeatures;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Subscriptions (RFC 6121 §3) over a session without a network: policies, pending, answers. */
class SubscriptionPipelineTest {

  private static final Jid ME = Jid.of("juliet@example.com/balcony");
  private static final Jid ROMEO = Jid.of("romeo@example.net");

  private static Presence sentPresence(FakeSession s, Presence.Type type) {
    return Server.sent(s, Presence.class, p -> p.type() == type);
  }

  @Test
  void manualRequestsWaitForTheApplication() {
    FakeSession s = FakeSession.versioned();
    Roster r = Started.roster(s, Settings.defaults(), "v1");
    Subscriptions subs = r.subscriptions();
    StepVerifier.create(subs.requests().take(1))
        .then(() -> s.receive(Presence.builder().from("romeo@example.net").to(ME.bare())
            .type(Presence.Type.SUBSCRIBE).status("I'm Romeo").build()))
        .assertNext(req -> {
          assertThat(req.from()).isEqualTo(ROMEO);
          assertThat(req.decision()).isEqualTo(SubscriptionDecision.DEFER);
          assertThat(req.status()).isEqualTo("I'm Romeo");
        })
        .expectComplete().verify(Server.T);
    assertThat(subs.pending()).extracting(SubscriptionRequest::from).containsExactly(ROMEO);
    StepVerifier.create(subs.approve(ROMEO.withResource("orchard"))).expectComplete().verify(Server.T);
    Presence approval = sentPresence(s, Presence.Type.SUBSCRIBED);
    assertThat(approval.to()).isEqualTo(ROMEO); // §3: to the bare JID
    assertThat(approval.id()).isNotNull();      // §3.1.4: for tracking
    assertThat(subs.pending()).isEmpty();
  }

  @Test
  void acceptAllApprovesAndRejectAllDenies() {
    FakeSession a = FakeSession.versioned();
    Roster accepting = Started.roster(a,
        Settings.defaults().withPolicy(SubscriptionPolicy.ACCEPT_ALL), "v1");
    StepVerifier.create(accepting.subscriptions().requests().take(1))
        .then(() -> a.receive(Server.typed("romeo@example.net", Presence.Type.SUBSCRIBE)))
        .assertNext(req -> assertThat(req.decision()).isEqualTo(SubscriptionDecision.APPROVE))
        .expectComplete().verify(Server.T);
    assertThat(sentPresence(a, Presence.Type.SUBSCRIBED).to()).isEqualTo(ROMEO);
    assertThat(accepting.subscriptions().pending()).isEmpty();

    FakeSession d = FakeSession.versioned();
    Roster denying = Started.roster(d,
        Settings.defaults().withPolicy(SubscriptionPolicy.REJECT_ALL), "v1");
    StepVerifier.create(denying.subscriptions().requests().take(1))
        .then(() -> d.receive(Server.typed("romeo@example.net", Presence.Type.SUBSCRIBE)))
        .assertNext(req -> assertThat(req.decision()).isEqualTo(SubscriptionDecision.DENY))
        .expectComplete().verify(Server.T);
    assertThat(sentPresence(d, Presence.Type.UNSUBSCRIBED).to()).isEqualTo(ROMEO);
  }

  @Test
  void aThrowingPolicyLeavesTheRequestToTheApplication() {
    FakeSession s = FakeSession.versioned();
    Roster r = Started.roster(s, Settings.defaults().withPolicy(req -> {
      throw new IllegalStateException("policy bug");
    }), "v1");
    s.receive(Server.typed("romeo@example.net", Presence.Type.SUBSCRIBE));
    assertThat(r.subscriptions().pending()).extracting(SubscriptionRequest::decision)
        .containsExactly(SubscriptionDecision.DEFER);
  }

  @Test
  void pendingRequestsAreBoundedAndClearedByAnApprovalElsewhereOrAWithdrawal() {
    FakeSession s = FakeSession.versioned();
    Roster r = Started.roster(s, Settings.defaults(), "v1"); // at most 3 pending
    for (String u : List.of("a", "b", "c", "d")) {
      s.receive(Server.typed(u + "@example.net", Presence.Type.SUBSCRIBE));
    }
    s.receive(Server.typed("b@example.net/x", Presence.Type.SUBSCRIBE)); // again: one per requester
    assertThat(r.subscriptions().pending()).extracting(q -> q.from().toString())
        .containsExactly("c@example.net", "d@example.net", "b@example.net");
    // another resource approved d: the push shows subscription 'from'
    s.receive(Server.push(ME, null, "v2", new RosterItem(Jid.of("d@example.net"), null,
        SubscriptionState.FROM, false, false, List.of())));
    s.receive(Server.typed("c@example.net", Presence.Type.UNSUBSCRIBE)); // c withdrew
    assertThat(r.subscriptions().pending()).extracting(q -> q.from().toString())
        .containsExactly("b@example.net");
  }

  @Test
  void subscribeUnsubscribeAndCancelSendTheirTypes() {
    FakeSession s = FakeSession.versioned();
    Subscriptions subs = Started.roster(s, Settings.defaults(), "v1").subscriptions();
    subs.subscribe(ROMEO).block(T);
    subs.unsubscribe(ROMEO).block(T);
    subs.cancel(ROMEO).block(T);
    subs.deny(ROMEO).block(T);
    assertThat(s.sentSoFar()).filteredOn(p -> p instanceof Presence pr && pr.to() != null)
        .extracting(p -> ((Presence) p).type())
        .containsExactly(Presence.Type.SUBSCRIBE, Presence.Type.UNSUBSCRIBE,
            Presence.Type.UNSUBSCRIBED, Presence.Type.UNSUBSCRIBED);
  }

  @Test
  void preApprovalOnlyWhereTheServerOffersIt() {
    FakeSession offering = FakeSession.versioned();
    Subscriptions yes = Started.roster(offering, Settings.defaults(), "v1").subscriptions();
    assertThat(yes.preApprovalOffered()).isTrue();
    StepVerifier.create(yes.preApprove(ROMEO)).expectComplete().verify(Server.T);
    assertThat(sentPresence(offering, Presence.Type.SUBSCRIBED).to()).isEqualTo(ROMEO);

    FakeSession plain = new FakeSession(ME, StreamFeatures.ROSTER_VER_NS);
    Subscriptions no = Started.roster(plain, Settings.defaults(), "v1").subscriptions();
    assertThat(no.preApprovalOffered()).isFalse();
    StepVerifier.create(no.preApprove(ROMEO))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(
            FeatureNotOfferedException.class,
            f -> assertThat(f.feature()).isEqualTo(StreamFeatures.PRE_APPROVAL_NS)))
        .verify(T);
    assertThat(plain.sentSoFar()).noneMatch(p -> p instanceof Presence pr
        && pr.type() == Presence.Type.SUBSCRIBED); // §3.4.1: MUST NOT attempt
  }
}
