package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stream restarts after STARTTLS and SASL (RFC 6120 §4.3.3, §5.4.3.3, §6.4.6) on one channel. */
class XmlStreamRestartTest {

  static final String SERVER_HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
      + "xmlns:stream='http://etherx.jabber.org/streams' from='example.com' id='s1' version='1.0'>";
  static final String SERVER_HEADER_2 = SERVER_HEADER.replace("id='s1'", "id='s2'");
  static final String FEATURES = "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
      + "</stream:features>";
  static final String SUCCESS = "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>";
  static final String PROCEED = "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";
  static final String CLIENT_HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
      + "xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0'>";

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String describe(Object o) {
    if (o instanceof StreamHeader h) {
      return "header " + h.id();
    }
    return o instanceof XmlElement e ? e.localName() : o == StreamEnd.INSTANCE ? "end" : "?" + o;
  }

  static List<String> described(DecoderHarness h) {
    return h.messages().stream().map(XmlStreamRestartTest::describe).toList();
  }

  @Test
  void bytesAfterSuccessInTheSameReadGoToTheNewStream() {
    byte[] all = utf8(SERVER_HEADER + FEATURES + SUCCESS + SERVER_HEADER_2 + FEATURES
        + "<iq type='result' id='b'/>");
    for (int cut = 0; cut <= all.length; cut++) {
      for (boolean direct : new boolean[] {false, true}) {
        DecoderHarness h = DecoderHarness.client();
        h.feed(all, 0, cut, direct).feed(all, cut, all.length - cut, direct);
        assertThat(h.errors).isEmpty();
        assertThat(described(h)).containsExactly("header s1", "features", "success", "header s2",
            "features", "iq");
      }
    }
  }

  @Test
  void aSecondStreamAfterSuccessIsCheckedAsAFreshStream() {
    // The new stream's prolog is checked again: a comment before its header is refused there.
    byte[] all = utf8(SERVER_HEADER + SUCCESS + "<!-- x -->" + SERVER_HEADER_2);
    DecoderHarness h = DecoderHarness.client().feed(all);
    assertThat(described(h)).containsExactly("header s1", "success");
    assertThat(h.errors).singleElement().isInstanceOfSatisfying(XmlFramingException.class, e -> {
      assertThat(e.condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
      assertThat(e.offset()).isEqualTo((SERVER_HEADER + SUCCESS).length());
    });
  }

  @Test
  void theNewStreamNeedsItsOwnHeader() {
    byte[] all = utf8(SERVER_HEADER + SUCCESS + FEATURES);
    DecoderHarness h = DecoderHarness.client().feed(all);
    assertThat(described(h)).containsExactly("header s1", "success");
    assertThat(h.errors).singleElement().isInstanceOfSatisfying(XmlFramingException.class,
        e -> assertThat(e.condition()).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED));
  }

  @Test
  void proceedThenTheTlsStreamInALaterRead() {
    DecoderHarness h = DecoderHarness.client();
    h.feed(utf8(SERVER_HEADER + FEATURES + PROCEED));
    h.feed(utf8(SERVER_HEADER_2 + FEATURES));
    assertThat(h.errors).isEmpty();
    assertThat(described(h)).containsExactly("header s1", "features", "proceed", "header s2",
        "features");
  }

  @Test
  void plaintextAfterProceedInTheSameReadIsRefused() {
    String injected = SERVER_HEADER_2 + FEATURES;
    for (boolean direct : new boolean[] {false, true}) {
      DecoderHarness h = DecoderHarness.client();
      byte[] all = utf8(SERVER_HEADER + PROCEED + injected);
      h.feed(all, 0, all.length, direct);
      h.feed(utf8(SERVER_HEADER_2));
      assertThat(described(h)).containsExactly("header s1", "proceed");
      assertThat(h.errors).singleElement().isInstanceOfSatisfying(XmlFramingException.class, e -> {
        assertThat(e.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(e.offset()).isEqualTo((SERVER_HEADER + PROCEED).length());
        assertThat(e.getMessage()).contains(injected.length() + " bytes followed <proceed/>");
      });
      assertThat(h.allReleased()).isTrue();
    }
  }

  @Test
  void plaintextAfterProceedIsRefusedPastTheDirectCopyBuffer() {
    // A direct buffer is copied in 16 KiB pieces: proceed ends one piece exactly, more follow.
    String padding = " ".repeat(16 * 1024 - (SERVER_HEADER + PROCEED).length());
    byte[] all = utf8(SERVER_HEADER + padding + PROCEED + "<x/>".repeat(5000));
    DecoderHarness h = DecoderHarness.client().feed(all, 0, all.length, true);
    assertThat(described(h)).containsExactly("header s1", "proceed");
    assertThat(h.errors).singleElement().isInstanceOfSatisfying(XmlFramingException.class,
        e -> assertThat(e.getMessage()).contains(4 * 5000 + " bytes followed <proceed/>"));
  }

  @Test
  void aServerRestartsFromItsOwnHandlerAndTheRestOfTheReadGoesToTheNewStream() {
    DecoderHarness[] h = new DecoderHarness[1];
    h[0] = new DecoderHarness(XmlStreamDecoder.forServer(), new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.fireChannelRead(msg);
        if (msg instanceof XmlElement e && e.localName().equals("auth")) {
          h[0].decoder.restart(); // as a server does right after writing <success/>
        }
      }
    });
    String auth = "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGEAYg==</auth>";
    byte[] all = utf8(CLIENT_HEADER + auth + CLIENT_HEADER + "<iq type='set' id='1'/>");
    h[0].feed(all);
    assertThat(h[0].errors).isEmpty();
    assertThat(described(h[0])).containsExactly("header null", "auth", "header null", "iq");
  }

  @Test
  void aServerRefusesPlaintextAfterStarttlsInTheSameRead() {
    DecoderHarness[] h = new DecoderHarness[1];
    @io.netty.channel.ChannelHandler.Sharable
    class Server extends ChannelInboundHandlerAdapter {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.fireChannelRead(msg);
        if (msg instanceof XmlElement e && e.localName().equals("starttls")) {
          h[0].decoder.restartForTls(); // after writing <proceed/> and adding the TLS handler
        }
      }
    }
    Server server = new Server();
    String starttls = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";
    // An attacker's plaintext right behind <starttls/>: refused.
    h[0] = new DecoderHarness(XmlStreamDecoder.forServer(), server);
    h[0].feed(utf8(CLIENT_HEADER + starttls + "<iq type='set' id='evil'/>"));
    assertThat(described(h[0])).containsExactly("header null", "starttls");
    assertThat(h[0].errors).singleElement().isInstanceOfSatisfying(XmlFramingException.class,
        e -> assertThat(e.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION));
    // The same, with the new stream in a later read (as it comes out of TLS): fine.
    h[0] = new DecoderHarness(XmlStreamDecoder.forServer(), server);
    h[0].feed(utf8(CLIENT_HEADER + starttls));
    h[0].feed(utf8(CLIENT_HEADER + "<iq type='set' id='ok'/>"));
    assertThat(h[0].errors).isEmpty();
    assertThat(described(h[0])).containsExactly("header null", "starttls", "header null", "iq");
  }

  @Test
  void aRestartBetweenReadsStartsTheNextRead() {
    DecoderHarness h = new DecoderHarness(XmlStreamDecoder.forServer());
    h.feed(utf8(CLIENT_HEADER + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"));
    h.decoder.restart();
    h.feed(utf8(CLIENT_HEADER + "<iq type='get' id='2'/>"));
    assertThat(h.errors).isEmpty();
    assertThat(described(h)).containsExactly("header null", "starttls", "header null", "iq");
  }

  @Test
  void withoutARestartASecondHeaderIsAnError() {
    DecoderHarness h = new DecoderHarness(XmlStreamDecoder.forServer());
    h.feed(utf8(CLIENT_HEADER + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>" + CLIENT_HEADER));
    assertThat(described(h)).containsExactly("header null", "auth");
    assertThat(h.errors).singleElement().isInstanceOf(XmlFramingException.class);
  }

  @Test
  void aRestartDropsAHalfReadElement() {
    DecoderHarness h = new DecoderHarness(XmlStreamDecoder.forServer());
    h.feed(utf8(CLIENT_HEADER + "<message><body>half"));
    h.decoder.restart();
    h.feed(utf8(CLIENT_HEADER + "<presence/>"));
    assertThat(h.errors).isEmpty();
    assertThat(described(h)).containsExactly("header null", "header null", "presence");
  }

  @Test
  void aRestartAfterTheStreamEndedStartsAnother() {
    DecoderHarness h = new DecoderHarness(XmlStreamDecoder.forServer());
    h.feed(utf8(CLIENT_HEADER + "</stream:stream>"));
    h.decoder.restart();
    h.feed(utf8(CLIENT_HEADER + "<presence/>"));
    assertThat(h.errors).isEmpty();
    assertThat(described(h)).containsExactly("header null", "end", "header null", "presence");
  }

  @Test
  void offsetsCountAcrossRestarts() {
    String first = SERVER_HEADER + SUCCESS + SERVER_HEADER_2;
    DecoderHarness h = DecoderHarness.client().feed(utf8(first + "<a>&bad;</a>"));
    assertThat(h.errors).singleElement().isInstanceOfSatisfying(XmlFramingException.class,
        e -> assertThat(e.offset()).isEqualTo(first.length() + "<a>&bad;".length()));
    assertThat(h.decoder.bytesConsumed()).isGreaterThanOrEqualTo(first.length());
  }

  @Test
  void restartOffTheEventLoopIsRefused() throws Exception {
    DefaultEventLoopGroup group = new DefaultEventLoopGroup(1);
    try {
      LocalChannel channel = new LocalChannel();
      XmlStreamDecoder decoder = XmlStreamDecoder.forServer();
      channel.pipeline().addLast(decoder);
      group.register(channel).sync();
      // handlerAdded runs on the loop; wait for it by running a task there.
      channel.eventLoop().submit(() -> { }).sync();
      assertThatThrownBy(decoder::restart).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("event loop");
      channel.eventLoop().submit(decoder::restart).sync(); // fine on the loop
      channel.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }
}
