package dev.xmppreactive.benchmarks.codec;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import dev.xmppreactive.codec.CodecAccess;
import javax.xml.stream.XMLStreamException;

/**
 * Aalto's bare token scan, the ceiling of any decoder built on it: a reader made by the decoder's own
 * factory method (a factory per reader; no DTDs, no entity replacement, no coalescing, names not
 * interned, locations kept), fed reads and asked for the next event until it needs input.
 */
final class AaltoScan {

  private AaltoScan() {
  }

  static AsyncXMLStreamReader<AsyncByteArrayFeeder> reader() {
    return CodecAccess.decoderReader();
  }

  /**
   * Feeds one read and takes events until the reader needs more, asking for the strings any decoder
   * that hands out text must take from Aalto: each start tag's name, namespace URI and attribute
   * values, and each run of text. Returns a sum of their lengths, so that none can be skipped.
   */
  static long scanWithStrings(AsyncXMLStreamReader<AsyncByteArrayFeeder> r, byte[] read)
      throws XMLStreamException {
    r.getInputFeeder().feedInput(read, 0, read.length);
    long sum = 0;
    for (int t; (t = r.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE; ) {
      if (t == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
        sum += r.getLocalName().length() + r.getNamespaceURI().length();
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
          sum += r.getAttributeValue(i).length();
        }
      } else if (t == javax.xml.stream.XMLStreamConstants.CHARACTERS) {
        sum += r.getText().length();
      }
    }
    return sum;
  }

  /** Feeds one read and takes events until the reader needs more; returns how many it gave. */
  static int scan(AsyncXMLStreamReader<AsyncByteArrayFeeder> r, byte[] read)
      throws XMLStreamException {
    r.getInputFeeder().feedInput(read, 0, read.length);
    int events = 0;
    while (r.next() != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
      events++;
    }
    return events;
  }
}
