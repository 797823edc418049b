package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Stanza;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

/** The writer's hand-over of stanzas it was given to send again, when its connection is lost. */
class OutboundWriterTest {

  private static OutboundQueue.Entry<Stanza> entry(String body) {
    return new OutboundQueue.Entry<>(Message.chat(Jid.of("romeo@example.test"), body), null, false);
  }

  private static List<String> bodies(List<OutboundQueue.Entry<Stanza>> entries) {
    return entries.stream().map(e -> ((Message) e.value()).body()).toList();
  }

  @Test
  void stanzasNotYetSentAgainAreBackInTheSmStateWhenStopReturns() {
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1, 2));
    channel.write(Unpooled.wrappedBuffer(new byte[16])); // not flushed: the channel is not writable
    assertThat(channel.isWritable()).isFalse();
    SmState sm = new SmState(SmSettings.defaults());
    OutboundWriter writer = new OutboundWriter(channel, new OutboundQueue<>(16), sm,
        Schedulers.single());
    writer.start(List.of(entry("one"), entry("two")));
    channel.runPendingTasks(); // the drain found the channel unwritable: nothing went out

    // The session stops the writer on the connection's event loop when it learns of the loss, and
    // reconnects after that; the resumption's resend list must already hold what the writer kept.
    writer.stop();
    List<OutboundQueue.Entry<Stanza>> acked = new ArrayList<>();
    assertThat(bodies(sm.resumed(0, acked))).containsExactly("one", "two");
    assertThat(acked).isEmpty();
    channel.finishAndReleaseAll();
  }
}
