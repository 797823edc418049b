package dev.xmppreactive.samples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md's code comes from samples that compile: every snippet between {@code // tag::NAME[]}
 * and {@code // end::NAME[]} in the samples' sources that README.md names (with an HTML comment
 * {@code <!-- snippet: NAME -->}) must appear in it, word for word, as the next code block.
 */
class ReadmeInSyncTest {

  private static final Pattern TAG = Pattern.compile("// tag::([a-z-]+)\\[\\]\\R(.*?)\\R\\s*// end::\\1\\[\\]",
      Pattern.DOTALL);
  private static final Pattern USE = Pattern.compile("<!-- snippet: ([a-z-]+) -->\\R```java\\R(.*?)```",
      Pattern.DOTALL);

  @Test
  void everySnippetInTheReadmeIsTheSampleCode() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String readme = Files.readString(root.resolve("README.md"));
    Map<String, String> tagged = snippets(root.resolve("samples"));
    Matcher m = USE.matcher(readme);
    List<String> used = new ArrayList<>();
    while (m.find()) {
      String name = m.group(1);
      used.add(name);
      assertThat(tagged).as("snippet %s is tagged in the samples", name).containsKey(name);
      assertThat(m.group(2)).as("README's snippet %s", name).isEqualTo(tagged.get(name));
    }
    assertThat(used).as("README uses snippets").contains("reactive", "handler", "blocking",
        "real-server", "bot-test");
  }

  private static Map<String, String> snippets(Path samples) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(samples)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = TAG.matcher(Files.readString(f));
        while (m.find()) {
          out.put(m.group(1), dedent(m.group(2)));
        }
      }
    }
    return out;
  }

  /** The lines without their common indentation, each ending in a newline. */
  static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return b.toString();
  }
}
