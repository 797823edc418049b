package dev.xmppreactive.codec;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.typed.TypedValueDecoder;

/**
 * Reads the attribute values of the current start tag from Aalto's own character buffer, one copy
 * each. Not thread-safe; one per parser.
 *
 * <p>Aalto's {@link AsyncXMLStreamReader#getAttributeValue(int)} makes one string of all the values
 * of a tag and then a substring of it for each: two copies. Its typed access,
 * {@code getAttributeAs(index, decoder)} (Stax2), hands the decoder the values' buffer directly, but
 * with white space ({@code <= U+0020}) trimmed from both ends. The values of a tag lie side by side in
 * that buffer, from index 0, in order; so when the values are read in order, each one starts where the
 * previous one ended, and it ends where its trimmed end is, unless the character there is itself
 * white space (then it is not known whether that character belongs to this value or the next). In that
 * case, and for a value that is empty or all white space, the value is taken from
 * {@code getAttributeValue} instead, whose length says where it ends. With assertions on (as in the
 * tests), every value is also checked against {@code getAttributeValue}.
 *
 * <p>That layout is Aalto 1.4's, not a documented contract: when this class is loaded it reads a tag
 * of awkward values both ways ({@link #LAYOUT_HOLDS}), and if any differs (another Aalto version)
 * every value is taken from {@code getAttributeValue}: slower, never wrong.
 *
 * <p>(A cache of recent values, so that a recurring address or type would be one instance, was
 * measured and dropped: hashing the characters cost more than the copy it saved.)
 */
final class AttributeValues extends TypedValueDecoder {

  /** A tag whose values start and end with white space, are empty, hold references and non-ASCII. */
  private static final String PROBE = "<p a=' x ' b='y' c='' d=' ' e='&amp;z&#x20;' f='\u00e9\u65e5' "
      + "g='  h  i' h='j'/>";

  /** Whether this Aalto lays out a tag's values as {@link #read} expects (checked once, at load). */
  static final boolean LAYOUT_HOLDS = layoutHolds();

  /** Where the next value starts in Aalto's buffer. */
  private int next;
  private char[] buf;
  private int start;
  private int end;

  /** Starts a new start tag: its first value is at index 0 of the buffer. */
  void startTag() {
    next = 0;
  }

  /**
   * The value of attribute {@code index} of the current start tag; the attributes must be read in
   * order, each once, after {@link #startTag()}.
   */
  String read(AsyncXMLStreamReader<?> r, int index) throws XMLStreamException {
    return LAYOUT_HOLDS ? fromBuffer(r, index) : r.getAttributeValue(index);
  }

  private String fromBuffer(AsyncXMLStreamReader<?> r, int index) throws XMLStreamException {
    buf = null;
    r.getAttributeAs(index, this);
    char[] b = buf;
    int from = next;
    String v;
    if (b == null || start < from || (end < b.length && b[end] <= ' ')) {
      v = r.getAttributeValue(index); // all white space, or it cannot be told where it ends
      next = from + v.length();
    } else {
      v = new String(b, from, end - from);
      next = end;
    }
    buf = null;
    assert v.equals(r.getAttributeValue(index)) : v + " != " + r.getAttributeValue(index);
    return v;
  }

  @Override
  public void decode(String input) {
    this.buf = null; // not the buffer: read() takes the value from getAttributeValue
  }

  @Override
  public void decode(char[] buffer, int from, int to) {
    this.buf = buffer;
    this.start = from;
    this.end = to;
  }

  @Override
  public void handleEmptyValue() {
    this.buf = null;
  }

  private static boolean layoutHolds() {
    try {
      AsyncXMLStreamReader<AsyncByteArrayFeeder> r = AaltoReaders.create();
      byte[] doc = PROBE.getBytes(StandardCharsets.UTF_8);
      r.getInputFeeder().feedInput(doc, 0, doc.length);
      int ev;
      while ((ev = r.next()) != XMLStreamConstants.START_ELEMENT) {
        if (ev == AsyncXMLStreamReader.EVENT_INCOMPLETE) {
          return false;
        }
      }
      AttributeValues values = new AttributeValues();
      values.startTag();
      for (int i = 0; i < r.getAttributeCount(); i++) {
        if (!values.fromBuffer(r, i).equals(r.getAttributeValue(i))) {
          return false;
        }
      }
      return r.getAttributeCount() == 8;
    } catch (XMLStreamException | RuntimeException | AssertionError e) {
      return false;
    }
  }
}
