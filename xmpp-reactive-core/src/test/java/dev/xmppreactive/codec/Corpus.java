package dev.xmppreactive.codec;

import dev.xmppreactive.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The stanza corpus in the test resources (see its README): 174 real-world elements. */
final class Corpus {

  private static List<byte[]> raw;
  private static List<XmlElement> elements;

  private Corpus() {
  }

  /** The files' bytes, each one element; those with an XML declaration are left out. */
  static synchronized List<byte[]> raw() {
    if (raw == null) {
      List<byte[]> all = new ArrayList<>();
      String index = new String(DecoderHarness.resource("stanzajs/index.txt"), StandardCharsets.UTF_8);
      for (String name : index.split("\n")) {
        byte[] b = DecoderHarness.resource("stanzajs/" + name.strip());
        if (!new String(b, StandardCharsets.UTF_8).startsWith("<?")) {
          all.add(b);
        }
      }
      raw = List.copyOf(all);
    }
    return raw;
  }

  /** Every file parsed on its own (an element without xmlns is then in no namespace). */
  static synchronized List<XmlElement> elements() {
    if (elements == null) {
      List<XmlElement> all = new ArrayList<>();
      String index = new String(DecoderHarness.resource("stanzajs/index.txt"), StandardCharsets.UTF_8);
      for (String name : index.split("\n")) {
        all.add(XmlParser.parse(DecoderHarness.resource("stanzajs/" + name.strip())));
      }
      elements = List.copyOf(all);
    }
    return elements;
  }
}
