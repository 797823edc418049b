package dev.xmppreactive.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every conversation of the xdg-go/scram test data (src/test/resources/scram): good/ and
 * bad-server/ from the client side, message by message, with the vector's fixed client nonce and the
 * preparation it was generated with (SASLprep, or none where it says skipSASLprep); bad-client/ replayed
 * up to the server's e= reply.
 */
class ScramVectorsTest {

  static Stream<ScramVector> good() {
    return ScramVector.load("good");
  }

  static Stream<ScramVector> badServer() {
    return ScramVector.load("bad-server");
  }

  static Stream<ScramVector> badClient() {
    return ScramVector.load("bad-client");
  }

  static ScramClient client(ScramVector v, String user, StringPreparation prep) {
    return ScramClient.builder(new ScramMechanism(v.hash(), false))
        .username(prep.prepare(user))
        .password(prep.prepare(v.pass()))
        .clientNonce(v.clientNonce())
        .offer(SaslOffer.of(new ScramMechanism(v.hash(), false).name()))
        .build();
  }

  static StringPreparation vectorPreparation(ScramVector v) {
    return v.skipSaslprep() ? StringPreparation.NONE : SaslPrepForTests.SASLPREP;
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyVectorFileIsRun() {
    assertThat(good().count()).isEqualTo(15);
    assertThat(badServer().count()).isEqualTo(2);
    assertThat(badClient().count()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("good")
  void goodConversationWithFinalChallengeMatchesEveryMessage(ScramVector v) {
    assertThat(v.valid()).isTrue();
    assertThat(v.steps()).hasSize(5);
    ScramClient c = client(v, v.user(), vectorPreparation(v));

    assertThat(text(c.initialResponse())).isEqualTo(v.steps().get(0));
    assertThat(text(c.evaluateChallenge(bytes(v.steps().get(1))))).isEqualTo(v.steps().get(2));
    assertThat(c.serverAuthenticated()).isFalse();
    assertThat(text(c.evaluateChallenge(bytes(v.steps().get(3))))).isEqualTo(v.steps().get(4));
    assertThat(c.serverAuthenticated()).isTrue();
    c.succeed(null);
    assertThat(c.downgradeProtection()).isEqualTo(DowngradeProtection.NOT_OFFERED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("good")
  void goodConversationWithServerFinalInSuccessIsVerified(ScramVector v) {
    ScramClient c = client(v, v.user(), vectorPreparation(v));
    c.initialResponse();
    assertThat(text(c.evaluateChallenge(bytes(v.steps().get(1))))).isEqualTo(v.steps().get(2));
    c.succeed(bytes(v.steps().get(3)));
    assertThat(c.serverAuthenticated()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badServer")
  void badServerSignatureInChallengeIsRejected(ScramVector v) {
    assertThat(v.valid()).isFalse();
    ScramClient c = client(v, v.user(), vectorPreparation(v));
    assertThat(text(c.initialResponse())).isEqualTo(v.steps().get(0));
    assertThat(text(c.evaluateChallenge(bytes(v.steps().get(1))))).isEqualTo(v.steps().get(2));
    byte[] last = bytes(v.steps().get(v.steps().size() - 1));
    assertThatThrownBy(() -> c.evaluateChallenge(last))
        .isInstanceOfSatisfying(SaslException.class, e -> {
          assertThat(e.kind()).isEqualTo(SaslException.Kind.SERVER_SIGNATURE_INVALID);
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(c.serverAuthenticated()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badServer")
  void badServerSignatureInSuccessIsRejected(ScramVector v) {
    ScramClient c = client(v, v.user(), vectorPreparation(v));
    c.initialResponse();
    c.evaluateChallenge(bytes(v.steps().get(1)));
    byte[] last = bytes(v.steps().get(v.steps().size() - 1));
    assertThatThrownBy(() -> c.succeed(last)).isInstanceOfSatisfying(SaslException.class,
        e -> assertThat(e.kind()).isEqualTo(SaslException.Kind.SERVER_SIGNATURE_INVALID));
  }

  /**
   * bad-client/ is written for servers. The client replays it: it produces the same client-first
   * (bad-user.json's is for "doesntexist", though its "user" field says "user", so the name is taken
   * from the message), the same client-final up to the proof (the files' proofs are deliberately
   * wrong, which a correct client cannot produce), and must then turn the server's e= into a typed
   * failure.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("badClient")
  void badClientRepliesEndInTypedScramError(ScramVector v) {
    String first = v.steps().get(0);
    String user = first.substring(first.indexOf("n=", 3) + 2, first.indexOf(",r="));
    ScramClient c = client(v, user, vectorPreparation(v));
    assertThat(text(c.initialResponse())).isEqualTo(first);
    String reply = v.steps().get(v.steps().size() - 1);
    assertThat(reply).startsWith("e=");
    if (v.steps().size() > 2) {
      String clientFinal = text(c.evaluateChallenge(bytes(v.steps().get(1))));
      String expected = v.steps().get(2);
      assertThat(clientFinal.substring(0, clientFinal.indexOf(",p=")))
          .isEqualTo(expected.substring(0, expected.indexOf(",p=")));
    }
    assertThatThrownBy(() -> c.evaluateChallenge(bytes(reply)))
        .isInstanceOfSatisfying(SaslException.class, e -> {
          assertThat(e.kind()).isEqualTo(SaslException.Kind.SCRAM_SERVER_ERROR);
          assertThat(e.scramError()).contains(reply.substring(2));
          assertThat(e.isFromServer()).isTrue();
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(c.serverAuthenticated()).isFalse();
  }
}
