package dev.xmppreactive.codec;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import dev.xmppreactive.stream.StreamErrorCondition;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * Makes Aalto's non-blocking readers as the codec needs them, and reads Aalto's errors and XML
 * declarations.
 *
 * <p>Each reader comes from a factory of its own: Aalto's factory keeps a symbol table and a URI cache
 * that the readers it made share (and merge into when closed), so a shared factory would let one
 * connection's names grow another's tables. No DTD support, no external entities, no replacement of
 * entity references (an undeclared one is then reported as an event, which the parser refuses), no
 * coalescing (long text arrives in pieces as the input does, and is never held twice), names and
 * namespace URIs not interned.
 */
final class AaltoReaders {

  private AaltoReaders() {
  }

  static AsyncXMLStreamReader<AsyncByteArrayFeeder> create() {
    InputFactoryImpl f = new InputFactoryImpl();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
    f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
    f.setProperty(XMLInputFactory2.P_INTERN_NAMES, Boolean.FALSE);
    f.setProperty(XMLInputFactory2.P_INTERN_NS_URIS, Boolean.FALSE);
    f.setProperty(XMLInputFactory2.P_PRESERVE_LOCATION, Boolean.TRUE); // byte offsets of events
    return f.createAsyncForByteArray();
  }

  /**
   * The typed error for an exception of Aalto's: an entity reference in an attribute value, or a
   * markup declaration ({@code <!DOCTYPE}, {@code <!ENTITY}) inside the root element, is
   * {@code restricted-xml} (RFC 6120 §11.1), an encoding declaration Aalto cannot read is
   * {@code unsupported-encoding} (§11.6), anything else {@code not-well-formed} (§11.3).
   */
  static XmlFramingException translate(Exception e, long offset) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl).strip();
    }
    StreamErrorCondition c = StreamErrorCondition.NOT_WELL_FORMED;
    if (e instanceof XMLStreamException) {
      if (m.contains("ENTITY_REFERENCE") || m.toLowerCase(java.util.Locale.ROOT).contains("entity")) {
        c = StreamErrorCondition.RESTRICTED_XML;
      } else if (m.contains("expected either '-' for COMMENT")) {
        // '<!' in content that starts neither a comment nor CDATA: a DOCTYPE, ENTITY, ... declaration
        c = StreamErrorCondition.RESTRICTED_XML;
        m = "a markup declaration (RFC 6120 §11.1): " + m;
      } else if (m.startsWith("Unsupported encoding")) {
        c = StreamErrorCondition.UNSUPPORTED_ENCODING;
      }
    }
    return new XmlFramingException(c, m, offset, e);
  }

  /**
   * Checks the XML declaration the reader has just read, if any: version 1.0 (RFC 6120 §11.8), UTF-8
   * (§11.6), and no {@code standalone='no'} (§11.5).
   *
   * @param offset where the declaration ends, for the message
   */
  static void checkDeclaration(AsyncXMLStreamReader<?> r, long offset) {
    String version = r.getVersion();
    if (version != null && !version.equals("1.0")) {
      throw new XmlFramingException(StreamErrorCondition.NOT_WELL_FORMED,
          "XML " + version + "; XMPP is XML 1.0 (RFC 6120 §11.8)", offset, null);
    }
    String encoding = r.getCharacterEncodingScheme();
    if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
      throw new XmlFramingException(StreamErrorCondition.UNSUPPORTED_ENCODING,
          "the encoding " + encoding + "; XMPP is UTF-8 (RFC 6120 §11.6)", offset, null);
    }
    if (r.standaloneSet() && !r.isStandalone()) {
      throw new XmlFramingException(StreamErrorCondition.RESTRICTED_XML,
          "standalone='no' (RFC 6120 §11.5)", offset, null);
    }
  }
}
