package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlWritable;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Encoders of several channels on one thread share the thread's staging array and writer: each
 * stream is still written in its own namespace scope, whatever the others wrote in between.
 */
class XmlStreamEncoderThreadTest {

  private static final StreamHeader CLIENT = StreamHeader.client("example.com", "juliet@example.com", "en");
  private static final StreamHeader SERVER = new StreamHeader("a.example", "b.example", null, "1.0", null,
      Map.of("", StreamHeader.SERVER_NS, "stream", StreamHeader.STREAM_NS));

  private static String write(EmbeddedChannel ch, Object msg) {
    ch.writeOutbound(msg);
    ByteBuf b = ch.readOutbound();
    try {
      return b.toString(StandardCharsets.UTF_8);
    } finally {
      b.release();
    }
  }

  private static XmlElement message(String ns, String body) {
    return XmlElement.builder("message", ns).child(XmlElement.builder("body", ns).text(body).build()).build();
  }

  @Test
  void interleavedStreamsKeepTheirOwnScopes() {
    EmbeddedChannel client = new EmbeddedChannel(new XmlStreamEncoder());
    EmbeddedChannel server = new EmbeddedChannel(new XmlStreamEncoder());
    EmbeddedChannel none = new EmbeddedChannel(new XmlStreamEncoder()); // no header: nothing in scope
    write(client, CLIENT);
    write(server, SERVER);
    for (int i = 0; i < 3; i++) {
      assertThat(write(client, message(StreamHeader.CLIENT_NS, "c" + i)))
          .isEqualTo("<message><body>c" + i + "</body></message>");
      assertThat(write(server, message(StreamHeader.SERVER_NS, "s" + i)))
          .isEqualTo("<message><body>s" + i + "</body></message>");
      assertThat(write(none, message(StreamHeader.CLIENT_NS, "n" + i)))
          .isEqualTo("<message xmlns='jabber:client'><body>n" + i + "</body></message>");
      assertThat(write(client, message(StreamHeader.SERVER_NS, "x" + i)))
          .isEqualTo("<message xmlns='jabber:server'><body>x" + i + "</body></message>");
    }
    // After its end, a stream's encoder writes with nothing in scope, the others as before.
    assertThat(write(client, StreamEnd.INSTANCE)).isEqualTo("</stream:stream>");
    assertThat(write(client, message(StreamHeader.CLIENT_NS, "after")))
        .isEqualTo("<message xmlns='jabber:client'><body>after</body></message>");
    assertThat(write(server, message(StreamHeader.SERVER_NS, "still")))
        .isEqualTo("<message><body>still</body></message>");
  }

  @Test
  void anEncoderRunFromInsideAnothersWriteHasItsOwnOutput() {
    EmbeddedChannel inner = new EmbeddedChannel(new XmlStreamEncoder());
    write(inner, SERVER);
    String[] innerOut = new String[1];
    // A payload whose conversion writes to another channel on the same thread, mid-write of the outer.
    XmlWritable nested = () -> {
      innerOut[0] = write(inner, message(StreamHeader.SERVER_NS, "inner"));
      return message(StreamHeader.CLIENT_NS, "outer");
    };
    EmbeddedChannel outer = new EmbeddedChannel(new XmlStreamEncoder());
    write(outer, CLIENT);
    assertThat(write(outer, nested)).isEqualTo("<message><body>outer</body></message>");
    assertThat(innerOut[0]).isEqualTo("<message><body>inner</body></message>");
  }
}
