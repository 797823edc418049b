package dev.xmppreactive.jid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the jxmpp JID corpus (testdata/jid, format in its header and in shared/testdata/README.md). */
final class JidCorpus {

  record Valid(String input, String local, String domain, String resource) {
  }

  private JidCorpus() {
  }

  static List<Valid> valid() {
    String text = read("/testdata/jid/valid-jids.txt");
    List<Valid> out = new ArrayList<>();
    int i = 0;
    while ((i = text.indexOf("\njid:\n", i)) >= 0) {
      int start = i + "\njid:\n".length();
      int rs1 = text.indexOf('\u001E', start);
      String input = text.substring(start, rs1);
      int lineStart = rs1 + 2; // RS then LF
      int rs2 = text.indexOf('\u001E', lineStart);
      String[] parts = text.substring(lineStart, rs2).split("\u001F", -1);
      out.add(new Valid(input, emptyToNull(parts[0]), parts[1], emptyToNull(parts[2])));
      i = rs2;
    }
    return out;
  }

  static List<String> invalid() {
    String text = read("/testdata/jid/invalid-jids.txt");
    List<String> out = new ArrayList<>();
    int i = 0;
    String header = "invalid jid:\n";
    while ((i = text.indexOf(header, i)) >= 0) {
      int start = i + header.length();
      int rs = text.indexOf('\u001E', start);
      out.add(text.substring(start, rs));
      i = rs;
    }
    return out;
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static String read(String resource) {
    try (InputStream in = JidCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
