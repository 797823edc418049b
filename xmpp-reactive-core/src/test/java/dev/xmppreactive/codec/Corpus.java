package dev.xmppreactive.codec;

import dev.xmppreactive.xml.XmlElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * StanzaJS's 174 protocol cases (MIT; {@code testdata/stanzas/stanzajs-protocol-cases} in the test
 * resources, shared with the stanza tests): real-world elements, stanzas and payloads of RFC 6120,
 * RFC 6121 and many XEPs, one per file, in the order of their paths.
 */
final class Corpus {

  private static final String ROOT = "/testdata/stanzas/stanzajs-protocol-cases";

  private static List<byte[]> files;
  private static List<byte[]> raw;
  private static List<XmlElement> elements;

  private Corpus() {
  }

  /** The files' bytes, each one element; those with an XML declaration are left out. */
  static synchronized List<byte[]> raw() {
    if (raw == null) {
      raw = files().stream().filter(b -> !(b.length > 1 && b[0] == '<' && b[1] == '?')).toList();
    }
    return raw;
  }

  /** Every file parsed on its own (an element without xmlns is then in no namespace). */
  static synchronized List<XmlElement> elements() {
    if (elements == null) {
      elements = files().stream().map(XmlParser::parse).toList();
    }
    return elements;
  }

  private static List<byte[]> files() {
    if (files == null) {
      try {
        Path root = Path.of(Corpus.class.getResource(ROOT + "/LICENSE.md").toURI()).getParent();
        try (Stream<Path> walk = Files.walk(root)) {
          files = walk.filter(p -> p.toString().endsWith(".xml"))
              .sorted((a, b) -> root.relativize(a).toString().replace('\\', '/')
                  .compareTo(root.relativize(b).toString().replace('\\', '/')))
              .map(Corpus::read).toList();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
      if (files.size() != 174) {
        throw new IllegalStateException("expected the 174 protocol cases, found " + files.size());
      }
    }
    return files;
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
