package dev.xmppreactive.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Precis;
import dev.xmppreactive.sasl.SaslFailureCondition;
import dev.xmppreactive.sasl.ScramHash;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server side of SCRAM against the xdg-go/scram conversations (src/test/resources/scram,
 * Apache-2.0): given the vector's salt, iteration count and server nonce, the server must answer
 * exactly the vector's server messages, and refuse a wrong proof.
 */
class ScramServerTest {

  record Vector(String file, ScramHash hash, String user, String pass, boolean skipPrep,
                byte[] salt, int iterations, String serverNonce, List<String> steps) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Vector> good() {
    return load("good");
  }

  static Stream<Vector> badProof() {
    return load("bad-client").filter(v -> v.file().contains("bad-proof"));
  }

  @ParameterizedTest
  @MethodSource("good")
  void answersEveryGoodConversationExactly(Vector v) {
    ScramServer server = server(v, credential(v));
    SaslServerStep first = server.step(bytes(v.steps().get(0)));
    assertThat(first).isInstanceOfSatisfying(SaslServerStep.Challenge.class,
        c -> assertThat(text(c.data())).isEqualTo(v.steps().get(1)));
    SaslServerStep last = server.step(bytes(v.steps().get(2)));
    assertThat(last).isInstanceOfSatisfying(SaslServerStep.Success.class, s -> {
      assertThat(text(s.data())).isEqualTo(v.steps().get(3));
      assertThat(s.username()).isEqualTo(Precis.usernameCaseMapped(v.user()));
    });
  }

  @ParameterizedTest
  @MethodSource("badProof")
  void refusesAWrongProof(Vector v) {
    ScramServer server = server(v, credential(v));
    SaslServerStep first = server.step(bytes(v.steps().get(0)));
    assertThat(text(((SaslServerStep.Challenge) first).data())).isEqualTo(v.steps().get(1));
    assertThat(server.step(bytes(v.steps().get(2))))
        .isEqualTo(new SaslServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED, null));
  }

  @Test
  void anUnknownUserGetsAChallengeAndThenFails() {
    // Unlike bad-client/bad-user.json (e=unknown-user at once), the server goes on with a made-up
    // salt (RFC 5802 §9), so that the first answer does not tell which accounts exist.
    Vector v = load("good").filter(x -> x.file().endsWith("rfc7677.json")).findFirst().orElseThrow();
    ScramServer server = server(v, null);
    SaslServerStep first = server.step(bytes(v.steps().get(0)));
    assertThat(first).isInstanceOf(SaslServerStep.Challenge.class);
    String serverFirst = text(((SaslServerStep.Challenge) first).data());
    assertThat(serverFirst).startsWith("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=");
    assertThat(server.step(bytes(v.steps().get(2))))
        .isInstanceOf(SaslServerStep.Failure.class);
  }

  @Test
  void refusesChannelBindingAForeignAuthzidAndTamperedMessages() {
    Vector v = load("good").filter(x -> x.file().endsWith("rfc7677.json")).findFirst().orElseThrow();
    assertThat(server(v, credential(v)).step(bytes("p=tls-exporter,,n=user,r=abc")))
        .isInstanceOfSatisfying(SaslServerStep.Failure.class,
            f -> assertThat(f.condition()).isEqualTo(SaslFailureCondition.NOT_AUTHORIZED));
    assertThat(server(v, credential(v)).step(bytes("n,a=bob@example.test,n=user,r=abc")))
        .isInstanceOfSatisfying(SaslServerStep.Failure.class,
            f -> assertThat(f.condition()).isEqualTo(SaslFailureCondition.INVALID_AUTHZID));
    assertThat(server(v, credential(v)).step(bytes("x,,n=user,r=abc")))
        .isInstanceOfSatisfying(SaslServerStep.Failure.class,
            f -> assertThat(f.condition()).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST));
    assertThat(server(v, credential(v)).step(bytes("n,,n=us=er,r=abc")))
        .isInstanceOf(SaslServerStep.Failure.class);

    ScramServer otherNonce = server(v, credential(v));
    otherNonce.step(bytes(v.steps().get(0)));
    assertThat(otherNonce.step(bytes(v.steps().get(2).replace("rOprNG", "xOprNG"))))
        .isInstanceOf(SaslServerStep.Failure.class);
    ScramServer otherBinding = server(v, credential(v));
    otherBinding.step(bytes(v.steps().get(0)));
    assertThat(otherBinding.step(bytes(v.steps().get(2).replace("c=biws", "c=eSws"))))
        .isInstanceOf(SaslServerStep.Failure.class);
  }

  @Test
  void acceptsTheAccountsOwnAuthzidAndTheYFlag() {
    Vector v = load("good").filter(x -> x.file().endsWith("rfc7677.json")).findFirst().orElseThrow();
    SaslServerStep step = server(v, credential(v)).step(bytes("y,a=user@example.test,n=user,r=abc"));
    assertThat(step).isInstanceOf(SaslServerStep.Challenge.class);
  }

  private static ScramServer server(Vector v, Accounts.ScramCredential credential) {
    return new ScramServer(v.hash(), user -> credential, "example.test", new byte[32], 4096,
        v::serverNonce);
  }

  private static Accounts.ScramCredential credential(Vector v) {
    String pass = v.skipPrep() ? v.pass() : Precis.opaqueString(v.pass());
    ScramHash h = v.hash();
    byte[] salted = h.hi(pass.getBytes(StandardCharsets.UTF_8), v.salt(), v.iterations());
    byte[] clientKey = h.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
    byte[] serverKey = h.hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
    return new Accounts.ScramCredential(v.salt(), v.iterations(), h.hash(clientKey), serverKey);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static Stream<Vector> load(String folder) {
    try {
      Path dir = Path.of(ScramServerTest.class.getResource("/scram/" + folder).toURI());
      List<Vector> out = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          JsonNode n = JsonMapper.builder().build().readTree(Files.readString(p));
          ScramHash hash = switch (n.get("digest").asString()) {
            case "SHA-1" -> ScramHash.SHA_1;
            case "SHA-256" -> ScramHash.SHA_256;
            default -> ScramHash.SHA_512;
          };
          List<String> steps = new ArrayList<>();
          n.get("steps").forEach(s -> steps.add(s.asString()));
          out.add(new Vector(folder + "/" + p.getFileName(), hash, n.get("user").asString(),
              n.get("pass").asString(), n.get("skipSASLprep").asBoolean(),
              Base64.getMimeDecoder().decode(n.get("salt64").asString()), n.get("iters").asInt(),
              n.get("serverNonce").asString(), steps));
        }
      }
      assertThat(out).isNotEmpty();
      return out.stream();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
