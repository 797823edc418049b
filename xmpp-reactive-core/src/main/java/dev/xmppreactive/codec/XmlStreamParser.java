package dev.xmppreactive.codec;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * A push parser for the XML stream of RFC 6120 §4, on Aalto's non-blocking parser: give it bytes in
 * chunks of any size with {@link #feed}, and it calls its {@link Handler} with the stream header, each
 * complete top-level element (stanzas, {@code <stream:features/>}, nonzas), and the stream's end.
 * Whitespace between top-level elements (§11.7, the keepalives of §4.6.1) is dropped. Each top-level
 * element carries the stream header's namespace declarations (§4.8), so that it means the same written
 * out alone; its own prefix and declarations are kept as hints.
 *
 * <p>It refuses, with an {@link XmlFramingException} whose condition is the stream error to send:
 * comments, processing instructions, document type declarations and entity references other than the
 * five predefined ones ({@code restricted-xml}, §11.1); encodings other than UTF-8
 * ({@code unsupported-encoding}, §11.6); malformed UTF-8, characters XML forbids, XML 1.1 and anything
 * else that is not namespace-well-formed XML 1.0 ({@code not-well-formed}, §11.3, §11.8); text between
 * top-level elements ({@code bad-format}); a root other than {@code <stream:stream>}
 * ({@code invalid-namespace}, §4.8.1); and input beyond its {@link XmlLimits}
 * ({@code policy-violation}). A unit (the header, a top-level element) that has taken all the bytes
 * its limit allows and is still open is refused there, however large the chunks, so memory stays
 * bounded. The condition is that of the first fault in the input, however
 * the input is split into chunks. After an error it is failed: later input is discarded.
 *
 * <p>Streams restart (§4.3.3) after STARTTLS (§5.4.3.3) and SASL (§6.4.6): {@link #restart()} makes
 * the next byte the start of a new stream. Called from a handler callback, it takes effect right after
 * the element being delivered, and the rest of the bytes being fed go to the new stream.
 *
 * <p>One leniency is Aalto's: the sequence {@code ]]>} in character data, which XML 1.0 §2.4 forbids,
 * is taken as text.
 *
 * <p>Not thread-safe: one thread at a time (in Netty, the channel's event loop). Handler callbacks run
 * on the thread that calls {@link #feed}, inside it; an exception a callback throws comes out of
 * {@link #feed} and leaves the parser failed.
 */
public final class XmlStreamParser {

  /** What the parser reports. Called on the thread that feeds the parser, inside {@link #feed}. */
  public interface Handler {

    /** A stream began: its header, RFC 6120 §4.7. */
    void onHeader(StreamHeader header);

    /** A complete top-level element: a stanza or a nonza. */
    void onElement(XmlElement element);

    /** The stream's closing tag, RFC 6120 §4.4; later bytes are discarded until a restart. */
    void onEnd();
  }

  /** The most bytes Aalto is given at once, so that a limit is found within this much of it. */
  static final int SLICE = 64 * 1024;

  private static final int PROLOG = 0;
  private static final int OPEN = 1;
  private static final int EPILOG = 2;
  private static final int ENDED = 3;
  private static final int FAILED = 4;

  private final XmlLimits limits;
  private final Handler handler;
  private final boolean document;
  private final Utf8Validator utf8 = new Utf8Validator();
  private final PrologSniffer sniffer = new PrologSniffer();
  private final NameCache names = new NameCache();
  private final ElementAssembler assembler;

  /** The current Aalto reader, or {@code null} until the next byte (after a restart or failure). */
  private AaltoInput input;
  private long consumed;
  private long unitStart;
  private int state = PROLOG;
  private StreamHeader header;
  private Map<String, String> inScope;
  private String rootPrefix;
  private boolean delivering;
  private boolean restartRequested;
  private boolean stopRequested;

  private XmlStreamParser(XmlLimits limits, Handler handler, boolean document) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.document = document;
    this.assembler = new ElementAssembler(limits, names, this::currentOffset);
  }

  /** A parser for an XML stream: {@code <stream:stream>}, top-level elements, {@code </stream:stream>}. */
  public static XmlStreamParser forStream(XmlLimits limits, Handler handler) {
    return new XmlStreamParser(limits, handler, false);
  }

  /** A parser for one standalone element, reported as the top-level element, for {@link XmlParser}. */
  static XmlStreamParser forDocument(XmlLimits limits, Handler handler) {
    return new XmlStreamParser(limits, handler, true);
  }

  /**
   * Parses {@code bytes[offset, offset + length)}, the next bytes of the input, calling the handler for
   * what they complete.
   *
   * @return how many bytes were consumed: all of them, unless a callback called {@link #stop()}, in
   *     which case the rest start right after the element it was given; after the stream's end or an
   *     error, bytes are consumed and dropped
   * @throws XmlFramingException if the input is refused; the parser is then failed
   * @throws IllegalStateException if called from a handler callback
   */
  public int feed(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (delivering) {
      throw new IllegalStateException("feed() from a handler callback");
    }
    int end = offset + length;
    int pos = offset;
    long before = consumed;
    try {
      while (pos < end) {
        if (state == FAILED || state == ENDED) {
          consumed += end - pos;
          return length;
        }
        if (input == null) {
          openReader(consumed, false);
        }
        int sliceEnd = pos + (int) Math.min(end - pos, room());
        int bad = utf8.validate(bytes, pos, sliceEnd);
        int feedEnd = bad < 0 ? sliceEnd : bad;
        int refused = -1;
        if (!sniffer.isDone()) { // it may also name the encoding of the malformed byte, if any
          refused = sniffer.scan(bytes, pos, bad < 0 ? sliceEnd : bad + 1, consumed);
          if (refused >= 0) {
            feedEnd = refused; // Aalto first sees what comes before: the first fault wins
          }
        }
        if (feedEnd > pos) {
          int next = feedSlice(bytes, pos, feedEnd);
          if (stopRequested) {
            stopRequested = false;
            return next - offset;
          }
          if (next < feedEnd || state == ENDED) {
            pos = next; // a new stream, or a fresh parser, goes on from here; or the stream ended
            continue;
          }
        }
        if (refused >= 0) {
          throw sniffer.failure();
        }
        if (bad >= 0) {
          throw new XmlFramingException(StreamErrorCondition.NOT_WELL_FORMED, String.format(
              "malformed UTF-8 (byte 0x%02X; RFC 3629)", bytes[bad] & 0xFF), consumed, null);
        }
        pos = feedEnd;
      }
    } catch (XmlFramingException e) {
      fail();
      consumed = before + length; // the rest of these bytes are dropped
      throw e;
    }
    return length;
  }

  /**
   * Starts a new stream (RFC 6120 §4.3.3): the next byte is the first of a new document, which must
   * begin with a stream header. Called from a handler callback, the new stream starts right after the
   * element being delivered, and the rest of the bytes being fed belong to it. Has no effect on a
   * failed parser.
   */
  public void restart() {
    if (delivering) {
      restartRequested = true;
    } else if (state != FAILED) {
      input = null;
      state = PROLOG;
    }
  }

  /**
   * From a handler callback: makes {@link #feed} return right after the element being delivered, with
   * the number of bytes up to it. The parser can go on with the rest, fed again.
   *
   * @throws IllegalStateException if not called from a handler callback
   */
  public void stop() {
    if (!delivering) {
      throw new IllegalStateException("stop() only from a handler callback");
    }
    stopRequested = true;
  }

  /**
   * The bytes taken so far, across restarts, including those dropped after an error or the stream's
   * end: the offsets in error messages count in the same way.
   */
  public long bytesConsumed() {
    return consumed;
  }

  /** The header of the current stream, or {@code null} before it has arrived. */
  public StreamHeader header() {
    return header;
  }

  /** How many distinct names the current Aalto reader holds, as far as the parser counts them. */
  int rememberedNames() {
    return names.size();
  }

  /** Whether the parser refused its input and now drops it. */
  public boolean isFailed() {
    return state == FAILED;
  }

  /**
   * Tells a document parser that the input is complete.
   *
   * @throws XmlFramingException {@code not-well-formed} if the element is incomplete or missing
   */
  void finish() {
    if (state == FAILED) {
      return;
    }
    try {
      if (input == null) {
        throw new XmlFramingException(StreamErrorCondition.NOT_WELL_FORMED, "no element",
            consumed, null);
      }
      input.endOfInput();
      drain();
      if (state != EPILOG) {
        throw new XmlFramingException(StreamErrorCondition.NOT_WELL_FORMED,
            "the input ended inside the element", consumed, null);
      }
    } catch (XmlFramingException e) {
      fail();
      throw e;
    }
  }

  private void fail() {
    state = FAILED;
    input = null;
    header = null;
    inScope = null;
    assembler.reset();
  }

  /** Starts a new document at input offset {@code at}, or goes on with the stream (renew). */
  private void openReader(long at, boolean renew) {
    utf8.reset();
    names.clear();
    unitStart = at;
    if (renew) {
      input = AaltoInput.resume(at, rootPrefix, inScope);
      sniffer.skip();
      return;
    }
    input = AaltoInput.open(at);
    state = PROLOG;
    header = null;
    inScope = null;
    assembler.reset();
    sniffer.reset();
  }

  /**
   * How many bytes Aalto may be given next: at most {@link #SLICE}, and no more than the current unit
   * (stream header, top-level element, or whitespace between them) may still take within its limit.
   * A unit that is still open when it has taken all of its limit can only grow past it, and is
   * refused there, before Aalto sees a byte beyond it. So a limit is found at the same byte whatever
   * the chunks, and a fault Aalto finds within the limit wins, as it would with any other split.
   */
  private long room() {
    long used = consumed - unitStart;
    if (state == PROLOG && !document) {
      // The header's limit; and no more than the element limit, for what follows it in this slice.
      return Math.min(SLICE, Math.min(limits.maxHeaderBytes() - used, limits.maxElementBytes()));
    }
    return Math.min(SLICE, limits.maxElementBytes() - used);
  }

  private int feedSlice(byte[] bytes, int from, int to) {
    input.feed(bytes, from, to);
    int boundary = drain();
    if (boundary >= 0) {
      return boundary;
    }
    consumed = input.consumedAll();
    long limit = state == PROLOG && !document ? limits.maxHeaderBytes() : limits.maxElementBytes();
    if (consumed - unitStart >= limit) { // all of its limit taken, and still open: it will exceed it
      throw new XmlFramingException(StreamErrorCondition.POLICY_VIOLATION, (state == PROLOG
          ? "a stream header" : assembler.depth() > 0 ? "an element" : "an unfinished tag")
          + " of more than " + limit + " bytes", consumed, null);
    }
    return to;
  }

  /** Handles the reader's events until it needs input (-1) or the stream is cut at a boundary. */
  private int drain() {
    AsyncXMLStreamReader<AsyncByteArrayFeeder> r = input.reader();
    while (true) {
      Object out;
      try {
        int t = r.next();
        if (t == AsyncXMLStreamReader.EVENT_INCOMPLETE || t == XMLStreamConstants.END_DOCUMENT) {
          return -1; // the end of the document comes only after finish()
        }
        out = event(r, t);
      } catch (XmlFramingException e) {
        throw e;
      } catch (XMLStreamException e) {
        throw AaltoReaders.translate(e, input.errorOffset(e.getLocation()));
      } catch (RuntimeException e) {
        throw AaltoReaders.translate(e, currentOffset());
      }
      if (out != null) {
        int boundary = deliver(out);
        if (boundary >= 0) {
          return boundary;
        }
      }
    }
  }

  /** Handles one event; returns what to deliver, or {@code null}. */
  private Object event(AsyncXMLStreamReader<AsyncByteArrayFeeder> r, int t)
      throws XMLStreamException {
    switch (t) {
      case XMLStreamConstants.START_ELEMENT:
        if (state == PROLOG && !document) {
          long end = endOffset();
          if (end - unitStart > limits.maxHeaderBytes()) {
            throw new XmlFramingException(StreamErrorCondition.POLICY_VIOLATION,
                "a stream header of more than " + limits.maxHeaderBytes() + " bytes", end, null);
          }
          header = assembler.header(r);
          inScope = header.namespaces();
          rootPrefix = r.getPrefix();
          state = OPEN;
          unitStart = end;
          return header;
        }
        if (state == EPILOG) {
          throw new XmlFramingException(StreamErrorCondition.NOT_WELL_FORMED,
              "a second element", currentOffset(), null);
        }
        state = OPEN;
        assembler.start(r, inScope);
        return null;
      case XMLStreamConstants.END_ELEMENT:
        if (assembler.depth() == 0) {
          state = ENDED;
          return StreamEnd.INSTANCE;
        }
        XmlElement e = assembler.end();
        if (e == null) {
          return null;
        }
        long end = endOffset();
        if (end - unitStart > limits.maxElementBytes()) {
          throw new XmlFramingException(StreamErrorCondition.POLICY_VIOLATION, "an element of "
              + (end - unitStart) + " bytes; the limit is " + limits.maxElementBytes(), end, null);
        }
        unitStart = end;
        if (document) {
          state = EPILOG;
        }
        return e;
      case XMLStreamConstants.CHARACTERS:
      case XMLStreamConstants.CDATA:
      case XMLStreamConstants.SPACE:
        if (assembler.depth() > 0) {
          assembler.text(r);
        } else if (r.isWhiteSpace()) {
          unitStart = endOffset(); // whitespace between elements is dropped as it comes
        } else {
          throw new XmlFramingException(StreamErrorCondition.BAD_FORMAT,
              "text between top-level elements", currentOffset(), null);
        }
        return null;
      case XMLStreamConstants.START_DOCUMENT:
        AaltoReaders.checkDeclaration(r, currentOffset());
        return null;
      case XMLStreamConstants.COMMENT:
        throw restricted("a comment");
      case XMLStreamConstants.PROCESSING_INSTRUCTION:
        throw restricted("a processing instruction");
      case XMLStreamConstants.DTD:
        throw restricted("a document type declaration");
      case XMLStreamConstants.ENTITY_REFERENCE:
        throw restricted("a reference to an entity other than the five predefined ones");
      default:
        throw new XmlFramingException(StreamErrorCondition.NOT_WELL_FORMED,
            "unexpected XML event " + t, currentOffset(), null);
    }
  }

  private XmlFramingException restricted(String what) {
    return new XmlFramingException(StreamErrorCondition.RESTRICTED_XML,
        what + " (RFC 6120 §11.1)", currentOffset(), null);
  }

  /** Calls the handler, then cuts the input here if the handler asked for it. */
  private int deliver(Object out) {
    delivering = true;
    try {
      if (out instanceof XmlElement e) {
        handler.onElement(e);
      } else if (out instanceof StreamHeader h) {
        handler.onHeader(h);
      } else {
        handler.onEnd();
      }
    } catch (RuntimeException | Error e) {
      fail();
      throw e;
    } finally {
      delivering = false;
    }
    boolean renew = state == OPEN && names.size() > limits.maxRememberedNames();
    if (!restartRequested && !stopRequested && !renew && state != ENDED) {
      return -1;
    }
    int index = input.eventIndex();
    long at = input.eventEnd();
    consumed = at;
    if (restartRequested) {
      restartRequested = false;
      openReader(at, false);
    } else if (state == ENDED) {
      input = null;
    } else {
      openReader(at, true); // for stop(), or to renew the symbol table
    }
    return index;
  }

  /** The offset in the input of the end of the current event. */
  private long endOffset() {
    return input.eventEnd();
  }

  /** Where the parser is, for error messages. */
  private long currentOffset() {
    try {
      return input == null ? consumed : endOffset();
    } catch (RuntimeException e) {
      return consumed;
    }
  }
}
