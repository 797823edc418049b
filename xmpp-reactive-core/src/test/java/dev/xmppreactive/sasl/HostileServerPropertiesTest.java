package dev.xmppreactive.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the server sends, the client ends in a typed {@link SaslException} (or goes on with a
 * well-formed step), never in another exception, and never reports success unverified.
 */
class HostileServerPropertiesTest {

  private static final String FIRST = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,"
      + "s=QSXCR+Q6sek8bf92,i=4096";

  private static ScramClient rfc5802Client() {
    ScramClient c = ScramClient.builder(new ScramMechanism(ScramHash.SHA_1, false))
        .username("user").password("pencil").clientNonce("fyko+d2lbbFgONRv9qkxdawL")
        .offer(SaslOffer.of("SCRAM-SHA-1")).build();
    c.initialResponse();
    return c;
  }

  @Property(tries = 500)
  void anyServerFirstBytesGiveAResponseOrASaslException(@ForAll byte[] challenge) {
    ScramClient c = rfc5802Client();
    try {
      byte[] response = c.evaluateChallenge(challenge);
      assertThat(new String(response, StandardCharsets.UTF_8)).startsWith("c=biws,r=");
    } catch (SaslException expected) {
      assertThat(expected.kind()).isNotNull();
    }
  }

  @Property(tries = 500)
  void anyServerFirstTextGivesAResponseOrASaslException(@ForAll("scramLike") String challenge) {
    ScramClient c = rfc5802Client();
    try {
      c.evaluateChallenge(challenge.getBytes(StandardCharsets.UTF_8));
    } catch (SaslException expected) {
      assertThat(expected.kind()).isNotNull();
    }
  }

  @Property(tries = 300)
  void noForgedServerFinalIsAccepted(@ForAll("scramLike") String serverFinal) {
    ScramClient c = rfc5802Client();
    c.evaluateChallenge(FIRST.getBytes(StandardCharsets.UTF_8));
    byte[] data = serverFinal.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> c.succeed(data)).isInstanceOf(SaslException.class);
    assertThat(c.serverAuthenticated()).isFalse();
  }

  @Property(tries = 300)
  void anyChallengeTextIsHandledWithTypedErrors(@ForAll("base64ish") String text) {
    SaslAttempt a = SaslAttempt.start(SaslSettings.password("user", "pencil"),
        Features.of("SCRAM-SHA-256"), SaslChannel.plaintext());
    a.authElement();
    try {
      SaslStep step = a.receive(XmlElement.builder("challenge", SaslElements.NS).text(text).build());
      assertThat(step).isInstanceOf(SaslStep.Respond.class);
    } catch (SaslException expected) {
      assertThat(a.isDone()).isTrue();
    }
  }

  @Provide
  Arbitrary<String> scramLike() {
    Arbitrary<String> attr = Arbitraries.of("r", "s", "i", "v", "e", "m", "h", "d", "x", "", "==")
        .flatMap(name -> Arbitraries.strings().withChars("abcAB0189+/=,\u00e9\u0000 ")
            .ofMaxLength(30).map(v -> name + "=" + v));
    Arbitrary<String> prefixed = Arbitraries.strings().withChars("=,v").ofMaxLength(4)
        .map(s -> s + "v=" + Base64.getEncoder().encodeToString(new byte[20]));
    return Arbitraries.oneOf(attr.list().ofMaxSize(6).map(l -> String.join(",", l)), prefixed,
        Arbitraries.strings().ofMaxLength(60));
  }

  @Provide
  Arbitrary<String> base64ish() {
    return Arbitraries.strings().withChars("ABCabc019+/= \n\t!*").ofMaxLength(40);
  }
}
