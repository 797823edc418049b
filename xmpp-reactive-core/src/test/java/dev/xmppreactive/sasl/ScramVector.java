package dev.xmppreactive.sasl;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One SCRAM conversation of the xdg-go/scram test data (src/test/resources/scram, Apache-2.0). */
record ScramVector(String file, String label, ScramHash hash, String user, String pass,
                   boolean skipSaslprep, byte[] salt, int iterations, String clientNonce,
                   String serverNonce, boolean valid, List<String> steps) {

  static Stream<ScramVector> load(String folder) {
    try {
      Path dir = Path.of(ScramVector.class.getResource("/scram/" + folder).toURI());
      List<ScramVector> out = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          out.add(parse(folder + "/" + p.getFileName(), Files.readString(p)));
        }
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("no vectors in " + dir);
      }
      return out.stream();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ScramVector parse(String file, String json) {
    JsonNode n = JsonMapper.builder().build().readTree(json);
    ScramHash hash = switch (n.get("digest").asString()) {
      case "SHA-1" -> ScramHash.SHA_1;
      case "SHA-256" -> ScramHash.SHA_256;
      case "SHA-512" -> ScramHash.SHA_512;
      default -> throw new IllegalArgumentException(n.get("digest").asString());
    };
    List<String> steps = new ArrayList<>();
    n.get("steps").forEach(s -> steps.add(s.asString()));
    return new ScramVector(file, n.get("label").asString(), hash, n.get("user").asString(),
        n.get("pass").asString(), n.get("skipSASLprep").asBoolean(),
        Base64.getMimeDecoder().decode(n.get("salt64").asString()), n.get("iters").asInt(),
        n.get("clientNonce").asString(), n.get("serverNonce").asString(),
        n.get("valid").asBoolean(), List.copyOf(steps));
  }

  @Override
  public String toString() {
    return file + " (" + label + ")";
  }
}
