package dev.xmppreactive.codec;

import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlChars;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlEscaper;
import dev.xmppreactive.xml.XmlOutput;
import dev.xmppreactive.xml.XmlWritable;
import dev.xmppreactive.xml.XmlWriter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outbound half of the XMPP stream codec: writes a {@link StreamHeader} as
 * {@code <?xml version='1.0'?><stream:stream ...>} (RFC 6120 §4.7, §11.5), each {@link XmlElement} or
 * {@link XmlWritable} (stanzas, nonzas) as one top-level element, and {@link StreamEnd} as
 * {@code </stream:stream>} (§4.4), as UTF-8 into a {@link ByteBuf} (staged in a small array of its
 * own and copied in large pieces). Other messages pass through.
 *
 * <p>Elements are written in the scope of the last header's namespace declarations (§4.8), so that a
 * stanza in the stream's content namespace carries no {@code xmlns} of its own; every other namespace
 * an element uses is declared on it. Writing a new header (a stream restart) starts a new scope.
 *
 * <p>The staging array (with its cache of short strings' encodings) and the {@link XmlWriter} are the
 * thread's, one per event loop rather than per connection: an idle connection holds only its scope
 * and the stream's qualified name.
 *
 * <p>Not sharable: one instance per channel; runs on the channel's event loop.
 */
public final class XmlStreamEncoder extends MessageToByteEncoder<Object> {

  /** The namespace bindings in scope: the last header's; after the stream's end, none. */
  private Map<String, String> scope = Map.of();
  private String streamQName = "stream:stream";

  /** The writer of each thread that encodes, for the scope it was last used with. */
  private static final FastThreadLocal<ScopedWriter> WRITERS = new FastThreadLocal<>();

  /** The staging output of each thread that encodes. */
  private static final FastThreadLocal<Utf8Staging> STAGING = new FastThreadLocal<>() {
    @Override
    protected Utf8Staging initialValue() {
      return new Utf8Staging();
    }
  };

  /** Creates an encoder that writes into direct buffers where the allocator prefers them. */
  public XmlStreamEncoder() {
    super(Object.class);
  }

  @Override
  public boolean acceptOutboundMessage(Object msg) {
    return msg instanceof StreamHeader || msg instanceof StreamEnd || msg instanceof XmlElement
        || msg instanceof XmlWritable;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
    Utf8Staging shared = STAGING.get();
    // An encoder run from inside another's write on this thread gets a staging and a writer of its own.
    boolean nested = shared.inUse();
    Utf8Staging o = nested ? new Utf8Staging() : shared;
    o.begin(out);
    try {
      write(msg, o, nested);
    } finally {
      o.end();
    }
  }

  private void write(Object msg, XmlOutput o, boolean nested) {
    if (msg instanceof StreamHeader h) {
      Map<String, String> next = scopeOf(h);
      streamQName = writeHeader(h, next, o);
      scope = next;
    } else if (msg instanceof StreamEnd) {
      o.append("</");
      o.append(streamQName);
      o.append('>');
      scope = Map.of();
    } else {
      XmlElement e = msg instanceof XmlElement x ? x : ((XmlWritable) msg).toXmlElement();
      (nested ? new XmlWriter(scope) : writer()).writeElement(e, o);
    }
  }

  /**
   * A writer for this stream's scope: the thread's, if it was made for an equal scope (then this
   * encoder takes that scope instance, so that the next check is by identity), else a new one that
   * becomes the thread's. The connections of one client have equal scopes, so a thread keeps one
   * writer for all of them. Between elements a writer holds only a bounded cache of the namespace
   * declarations it has seen.
   */
  private XmlWriter writer() {
    ScopedWriter w = WRITERS.get();
    if (w == null || (w.scope != scope && !w.scope.equals(scope))) {
      w = new ScopedWriter(scope);
      WRITERS.set(w);
    }
    scope = w.scope;
    return w.writer;
  }

  /** A writer and the scope it starts from. */
  private static final class ScopedWriter {
    final Map<String, String> scope;
    final XmlWriter writer;

    ScopedWriter(Map<String, String> scope) {
      this.scope = scope;
      this.writer = new XmlWriter(scope);
    }
  }

  /**
   * Writes a stream header, XML declaration first: {@code <?xml version='1.0'?><stream:stream
   * xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='…' from='…' id='…'
   * version='1.0' xml:lang='…'>}, attributes that are {@code null} left out.
   *
   * @throws IllegalArgumentException if an attribute holds a character XML forbids, or the header
   *                                  binds the stream namespace only as the default namespace, or
   *                                  binds the prefix {@code stream} to another namespace
   */
  public static void writeHeader(StreamHeader header, XmlOutput out) {
    writeHeader(header, scopeOf(header), out);
  }

  private static String writeHeader(StreamHeader h, Map<String, String> scope, XmlOutput out) {
    String prefix = null;
    for (Map.Entry<String, String> d : scope.entrySet()) {
      if (d.getValue().equals(StreamHeader.STREAM_NS) && !d.getKey().isEmpty()) {
        prefix = d.getKey();
        break;
      }
    }
    String qname = prefix + ":stream";
    out.append("<?xml version='1.0'?><");
    out.append(qname);
    for (Map.Entry<String, String> d : scope.entrySet()) {
      out.append(d.getKey().isEmpty() ? " xmlns" : " xmlns:");
      out.append(d.getKey());
      out.append("='");
      XmlEscaper.escapeAttribute(d.getValue(), out);
      out.append('\'');
    }
    attribute(out, "to", h.to());
    attribute(out, "from", h.from());
    attribute(out, "id", h.id());
    attribute(out, "version", h.version());
    attribute(out, "xml:lang", h.lang());
    out.append('>');
    return qname;
  }

  /** The header's declarations, content namespace first, the stream namespace's prefix added. */
  private static Map<String, String> scopeOf(StreamHeader h) {
    Map<String, String> scope = new LinkedHashMap<>(4);
    String content = h.namespaces().get("");
    if (content != null) {
      scope.put("", content);
    }
    boolean prefixed = false;
    for (Map.Entry<String, String> d : h.namespaces().entrySet()) {
      String p = d.getKey();
      if (!p.isEmpty() && !XmlChars.isNcName(p)) {
        throw new IllegalArgumentException("not a namespace prefix: '" + p + "'");
      }
      XmlChars.requireValid(d.getValue(), "namespace name");
      scope.put(p, d.getValue());
      prefixed |= !p.isEmpty() && d.getValue().equals(StreamHeader.STREAM_NS);
    }
    if (!prefixed) {
      if (scope.containsKey("stream")) {
        throw new IllegalArgumentException("the header binds the prefix 'stream' to "
            + scope.get("stream") + ", and no prefix to " + StreamHeader.STREAM_NS);
      }
      if (StreamHeader.STREAM_NS.equals(content)) {
        throw new IllegalArgumentException(
            "the stream namespace needs a prefix (RFC 6120 §4.8.5), not the default namespace");
      }
      scope.put("stream", StreamHeader.STREAM_NS);
    }
    return scope;
  }

  private static void attribute(XmlOutput out, String name, String value) {
    if (value == null) {
      return;
    }
    XmlChars.requireValid(value, "stream header attribute " + name);
    out.append(' ');
    out.append(name);
    out.append("='");
    XmlEscaper.escapeAttribute(value, out);
    out.append('\'');
  }
}
