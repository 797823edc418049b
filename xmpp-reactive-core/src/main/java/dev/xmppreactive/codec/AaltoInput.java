package dev.xmppreactive.codec;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import dev.xmppreactive.xml.XmlEscaper;
import dev.xmppreactive.xml.XmlOutput;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * One Aalto reader, and the arithmetic that turns its offsets into offsets in the decoder's input.
 *
 * <p>Aalto's async reader reports an offset as the bytes fed in earlier calls plus the array index of
 * the position: right when every feed starts at index 0, wrong by the start index otherwise. So
 * {@link #eventIndex()} (an array index, to cut the input at) and {@link #eventEnd()} (an input offset)
 * take that into account. Not thread-safe.
 */
final class AaltoInput {

  private final AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = AaltoReaders.create();
  /** The input offset that the reader's own offset 0 stands for. */
  private final long origin;
  /** Bytes given to the reader before the current feed, synthetic ones included. */
  private long fed;
  private int from;
  private int to;

  private AaltoInput(long origin) {
    this.origin = origin;
  }

  /** A reader for a new document whose first byte is input offset {@code at}. */
  static AaltoInput open(long at) {
    return new AaltoInput(at);
  }

  /**
   * A fresh reader that goes on with a stream at a boundary between top-level elements (input offset
   * {@code at}): it is given a start tag that binds what the stream's own did, so that what follows
   * means the same to it.
   *
   * @param rootPrefix the prefix of the stream's start tag, so that its end tag matches
   * @param inScope    the stream header's namespace declarations
   */
  static AaltoInput resume(long at, String rootPrefix, Map<String, String> inScope) {
    StringBuilder sb = new StringBuilder(128).append('<').append(rootPrefix).append(":stream");
    for (Map.Entry<String, String> d : inScope.entrySet()) {
      sb.append(d.getKey().isEmpty() ? " xmlns" : " xmlns:" + d.getKey()).append("='");
      XmlEscaper.escapeAttribute(d.getValue(), XmlOutput.of(sb));
      sb.append('\'');
    }
    byte[] tag = sb.append('>').toString().getBytes(StandardCharsets.UTF_8);
    AaltoInput in = new AaltoInput(at - tag.length);
    try {
      in.reader.getInputFeeder().feedInput(tag, 0, tag.length);
      int t;
      do {
        t = in.reader.next();
      } while (t != XMLStreamConstants.START_ELEMENT && t != AsyncXMLStreamReader.EVENT_INCOMPLETE);
      if (t != XMLStreamConstants.START_ELEMENT
          || in.reader.next() != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
        throw new IllegalStateException("the parser did not take the stream's start tag again");
      }
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the parser did not take the stream's start tag again", e);
    }
    in.fed = tag.length;
    return in;
  }

  AsyncXMLStreamReader<AsyncByteArrayFeeder> reader() {
    return reader;
  }

  /** Gives the reader {@code bytes[from, to)}; it must have consumed all it was given before. */
  void feed(byte[] bytes, int from, int to) {
    try {
      reader.getInputFeeder().feedInput(bytes, from, to - from);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the parser still held input", e); // never: it is drained
    }
    this.from = from;
    this.to = to;
  }

  /** Notes that the reader has consumed all of the current feed; returns the input offset after it. */
  long consumedAll() {
    fed += to - from;
    from = to;
    return origin + fed;
  }

  /** Tells the reader that no more input comes. */
  void endOfInput() {
    reader.getInputFeeder().endOfInput();
  }

  /** The array index, in the current feed, just past the current event. */
  int eventIndex() {
    return (int) (ownEnd() - fed);
  }

  /** The input offset just past the current event. */
  long eventEnd() {
    return origin + ownEnd() - from;
  }

  /** The input offset of a location in one of the reader's exceptions, kept within the feed. */
  long errorOffset(Location location) {
    long low = origin + fed;
    long high = low + (to - from);
    if (location == null || location.getCharacterOffset() < 0) {
      return low;
    }
    long at = origin + location.getCharacterOffset() - from;
    return Math.max(low, Math.min(high, at));
  }

  private long ownEnd() {
    try {
      return reader.getLocationInfo().getEndingByteOffset();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("no offset for a complete event", e);
    }
  }
}
