package dev.xmppreactive.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SCRAM -PLUS end to end at the element level, against {@link TestScramServer}, which computes
 * everything apart from the client: the c= attribute must be base64(gs2-header + cb-data) (RFC 5802
 * §5.1, §7) and the proof and server signature must verify.
 */
class ChannelBindingTest {

  private static final byte[] EXPORTER = bytes("32 bytes of exported keying data");
  private static final byte[] UNIQUE = bytes("first Finished");
  private static final byte[] END_POINT = bytes("hash of the server certificate");

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (String hash : List.of("SHA-1", "SHA-256", "SHA-512")) {
      b.add(Arguments.of(hash, "TLSv1.3", null, "tls-exporter", EXPORTER));
      b.add(Arguments.of(hash, "TLSv1.2", null, "tls-unique", UNIQUE));
      b.add(Arguments.of(hash, "TLSv1.3", List.of("tls-server-end-point"), "tls-server-end-point",
          END_POINT));
      b.add(Arguments.of(hash, "TLSv1.2", List.of("tls-server-end-point", "tls-unique"),
          "tls-unique", UNIQUE));
    }
    return b.build();
  }

  @ParameterizedTest(name = "SCRAM-{0}-PLUS on {1}, XEP-0440 {2}: {3}")
  @MethodSource("cases")
  void plusVariantBindsTheChannel(String hash, String tls, List<String> advertised,
      String expectedType, byte[] expectedData) throws Exception {
    String mech = "SCRAM-" + hash + "-PLUS";
    SaslChannel channel = SaslChannel.tls(tls, Features.source(Map.of(
        "tls-exporter", EXPORTER, "tls-unique", UNIQUE, "tls-server-end-point", END_POINT)));
    SaslSettings settings = SaslSettings.password("juliet", "r0m30myr0m30")
        .withNonceSource(() -> "fyko+d2lbbFgONRv9qkxdawL");
    SaslAttempt attempt = SaslAttempt.start(settings,
        Features.of(List.of("SCRAM-" + hash, mech, "PLAIN"), advertised), channel);
    assertThat(attempt.selection().mechanism()).isEqualTo(mech);

    String gs2 = "p=" + expectedType + ",,";
    TestScramServer server = new TestScramServer(hash, "r0m30myr0m30", 4096, gs2, expectedData, "");
    XmlElement auth = attempt.authElement();
    assertThat(auth.attribute("mechanism")).isEqualTo(mech);
    String serverFirst = server.first(Features.decode(auth));
    SaslStep.Respond r = (SaslStep.Respond) attempt.receive(Features.challenge(serverFirst));
    String clientFinal = Features.decode(r.element());

    byte[] header = gs2.getBytes(StandardCharsets.US_ASCII);
    byte[] cbind = new byte[header.length + expectedData.length];
    System.arraycopy(header, 0, cbind, 0, header.length);
    System.arraycopy(expectedData, 0, cbind, header.length, expectedData.length);
    assertThat(clientFinal).startsWith("c=" + Base64.getEncoder().encodeToString(cbind) + ",r=");

    String serverFinal = server.last(clientFinal);
    SaslStep step = attempt.receive(Features.success(serverFinal));
    assertThat(step).isInstanceOfSatisfying(SaslStep.Success.class, s -> {
      assertThat(s.outcome().mechanism()).isEqualTo(mech);
      assertThat(s.outcome().channelBindingType()).isEqualTo(expectedType);
      assertThat(s.outcome().serverAuthenticated()).isTrue();
    });
  }

  @ParameterizedTest(name = "SCRAM-{0}, offered {1}, allowed {2}: {3}")
  @MethodSource("flags")
  void variantsWithoutPlusSendTheirFlagInC(String hash, String features, String allowed,
      String gs2) throws Exception {
    SaslChannel channel = SaslChannel.tls("TLSv1.3", Features.source(Map.of("tls-exporter",
        EXPORTER)));
    List<String> offered = List.of(features.split(" "));
    SaslAttempt attempt = SaslAttempt.start(SaslSettings.password("juliet", "pw")
            .withMechanisms(List.of(allowed.split(" "))),
        Features.of(offered, null), channel);
    TestScramServer server = new TestScramServer(hash, "pw", 4096, gs2, new byte[0], "");
    String serverFirst = server.first(Features.decode(attempt.authElement()));
    String clientFinal = Features.decode(((SaslStep.Respond) attempt.receive(
        Features.challenge(serverFirst))).element());
    assertThat(clientFinal).startsWith("c=" + Features.b64(gs2) + ",");
    SaslStep.Respond last = (SaslStep.Respond) attempt.receive(
        Features.challenge(server.last(clientFinal)));
    assertThat(last.element().isEmpty()).isTrue();
    assertThat(attempt.receive(Features.success(null))).isInstanceOf(SaslStep.Success.class);
  }

  static Stream<Arguments> flags() {
    return Stream.of(
        // the server offers no -PLUS: the client could bind, so "y" (RFC 5802 §6)
        Arguments.of("SHA-256", "SCRAM-SHA-256", "SCRAM-SHA-256 SCRAM-SHA-256-PLUS", "y,,"),
        // the settings allow no -PLUS: the client does not support binding, "n"
        Arguments.of("SHA-256", "SCRAM-SHA-256", "SCRAM-SHA-256", "n,,"),
        // the server offers -PLUS but the settings allow only the plain variant: "n", never "y"
        Arguments.of("SHA-512", "SCRAM-SHA-512 SCRAM-SHA-512-PLUS", "SCRAM-SHA-512", "n,,"),
        // the server offers SHA-1-PLUS but the client allows only SHA-1 without it: "n"
        Arguments.of("SHA-1", "SCRAM-SHA-1 SCRAM-SHA-1-PLUS", "SCRAM-SHA-1 SCRAM-SHA-256-PLUS",
            "n,,"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
