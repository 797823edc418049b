package dev.xmppreactive.samples.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.StanzaError;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import org.junit.jupiter.api.Test;

class EchoBotTest {

  private static final Jid ALICE = Jid.of("alice@example.test/desk");

  @Test
  void theEchoGoesBackToTheSenderWithTypeThreadAndBody() {
    Message in = Message.builder().from(ALICE).to("bot@example.test").id("m1")
        .type(Message.Type.HEADLINE).thread("t2", "t1").body("news").build();
    Message echo = EchoBot.answer(in);
    assertThat(echo.to()).isEqualTo(ALICE);
    assertThat(echo.type()).isEqualTo(Message.Type.HEADLINE);
    assertThat(echo.thread()).isEqualTo("t2");
    assertThat(echo.threadParent()).isEqualTo("t1");
    assertThat(echo.body()).isEqualTo("news");
    assertThat(echo.from()).isNull();
  }

  @Test
  void onlyMessagesWithABodyAndASenderThatAreNotErrorsAreAnswered() {
    assertThat(EchoBot.answerable(Message.builder().from(ALICE).body("x").build())).isTrue();
    assertThat(EchoBot.answerable(Message.builder().from(ALICE).build())).isFalse();
    assertThat(EchoBot.answerable(Message.builder().body("x").build())).isFalse();
    Message error = Message.builder().from(ALICE).body("x").build()
        .errorReply(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE));
    assertThat(EchoBot.answerable(error.withFrom(ALICE))).isFalse();
  }
}
