package dev.xmppreactive.test;

import static dev.xmppreactive.test.XmppSteps.expectMessage;
import static dev.xmppreactive.test.XmppSteps.expectPresence;
import static dev.xmppreactive.test.XmppSteps.iq;
import static dev.xmppreactive.test.XmppSteps.message;
import static dev.xmppreactive.test.XmppSteps.presence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaError;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.xml.XmlElement;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The StepVerifier helpers: what they accept, and what their failures say. */
class XmppStepsTest {

  private static final Jid ALICE = Jid.of("alice@example.test/phone");
  private static final Jid BOB = Jid.of("bob@example.test/desk");
  private static final Message HELLO = Message.builder().from(ALICE).to(BOB)
      .type(Message.Type.CHAT).body("hello").thread("t1").id("m1").build();

  @Test
  void aMessageMatchesByAddressBodyTypeAndMore() {
    assertThat(expectMessage(ALICE, "hello").test(HELLO)).isTrue();
    assertThat(expectMessage("alice@example.test", "hello").test(HELLO))
        .as("a bare JID matches any resource").isTrue();
    assertThat(expectMessage("alice@example.test/other", "hello").test(HELLO)).isFalse();
    assertThat(message().to(BOB).type(Message.Type.CHAT).thread("t1").id("m1")
        .bodyContaining("ell").test(HELLO)).isTrue();
    assertThat(message().body("bye").test(HELLO)).isFalse();
    assertThat(message().type(Message.Type.NORMAL).test(HELLO)).isFalse();
    assertThat(presence().test(HELLO)).isFalse();
  }

  @Test
  void aFailedAssertionSaysWhatWasExpectedAndWhatCame() {
    assertThatThrownBy(() -> expectMessage(ALICE, "bye").accept(HELLO))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected a message from alice@example.test/phone with body 'bye'")
        .hasMessageContaining("its body is 'hello'")
        .hasMessageContaining("<message");
    assertThatThrownBy(() -> expectMessage(BOB, "hello").accept(HELLO))
        .hasMessageContaining("it is from alice@example.test/phone");
    assertThatThrownBy(() -> message().accept(Presence.available()))
        .hasMessageContaining("got a presence");
  }

  @Test
  void presencesAndIqsHaveTheirOwnConditions() {
    Presence away = Presence.builder().from(ALICE).show(Presence.Show.AWAY).status("lunch")
        .priority(3).build();
    assertThat(expectPresence(ALICE.bare(), Presence.Type.AVAILABLE).show(Presence.Show.AWAY)
        .status("lunch").priority(3).test(away)).isTrue();
    assertThat(presence().unavailable().test(away)).isFalse();
    Iq request = Iq.builder().type(Iq.Type.GET).id("q").from(ALICE)
        .payload(XmlElement.empty("query", "urn:example")).build();
    assertThat(iq().type(Iq.Type.GET).payload("query", "urn:example").test(request)).isTrue();
    Iq error = request.errorReply(StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND));
    assertThat(iq().type(Iq.Type.ERROR).error(StanzaErrorCondition.ITEM_NOT_FOUND).test(error))
        .isTrue();
    assertThatThrownBy(() -> iq().error(StanzaErrorCondition.CONFLICT).accept(error))
        .hasMessageContaining("its error is item-not-found");
  }

  @Test
  void matchersAreImmutableAndDescribeThemselves() {
    MessageMatcher base = message().from(ALICE);
    MessageMatcher refined = base.body("hello");
    assertThat(base).hasToString("a message from alice@example.test/phone");
    assertThat(refined).hasToString("a message from alice@example.test/phone with body 'hello'");
    assertThat(message().matching("with a thread", m -> m.thread() != null).test(HELLO)).isTrue();
    assertThat(message().withExtension("x", "urn:none").test(HELLO)).isFalse();
  }

  @Test
  void theyWorkInStepVerifierAsPredicatesAndAsAssertions() {
    Flux<Stanza> stanzas = Flux.just(Presence.available().withFrom(BOB), HELLO);
    StepVerifier.create(stanzas)
        .expectNextMatches(presence().from(BOB))
        .assertNext(expectMessage(ALICE, "hello"))
        .verifyComplete();
    StepVerifier.create(stanzas.filter(message()))
        .assertNext(expectMessage(ALICE, "hello"))
        .verifyComplete();
    assertThatThrownBy(() -> StepVerifier.create(Flux.just(HELLO))
        .assertNext(expectMessage(ALICE, "bye"))
        .verifyComplete())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("with body 'bye'");
  }
}
