package dev.xmppreactive.sasl;

import static dev.xmppreactive.sasl.ScramVectorsTest.bytes;
import static dev.xmppreactive.sasl.ScramVectorsTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import rocks.xmpp.precis.PrecisProfiles;

/**
 * The SCRAM vectors were generated with SASLprep (RFC 4013); this client prepares passwords with
 * PRECIS OpaqueString (RFC 8265 §4.2), SASLprep's successor, and takes the username as the JID layer
 * normalised it (UsernameCaseMapped). This test shows that both give the same messages for every
 * vector that uses SASLprep, and documents, with both libraries, inputs where they differ.
 */
class PasswordPreparationTest {

  /** UsernameCaseMapped, which the JID layer applies to localparts (RFC 7622 §3.3). */
  private static final StringPreparation JID_LOCALPART = PrecisProfiles.USERNAME_CASE_MAPPED::enforce;

  static Stream<ScramVector> preparedVectors() {
    return ScramVector.load("good").filter(v -> !v.skipSaslprep());
  }

  static Stream<ScramVector> unpreparedVectors() {
    return ScramVector.load("good").filter(ScramVector::skipSaslprep);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preparedVectors")
  void opaqueStringAgreesWithSaslprepOnTheVectors(ScramVector v) {
    assertThat(StringPreparation.OPAQUE_STRING.prepare(v.pass()))
        .isEqualTo(SaslPrepForTests.SASLPREP.prepare(v.pass()));
    assertThat(JID_LOCALPART.prepare(v.user())).isEqualTo(SaslPrepForTests.SASLPREP.prepare(v.user()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preparedVectors")
  void productionPreparationReproducesTheSaslprepVectors(ScramVector v) {
    ScramClient withOpaque = ScramClient.builder(new ScramMechanism(v.hash(), false))
        .username(JID_LOCALPART.prepare(v.user()))
        .password(StringPreparation.OPAQUE_STRING.prepare(v.pass()))
        .clientNonce(v.clientNonce())
        .offer(SaslOffer.of(new ScramMechanism(v.hash(), false).name()))
        .build();
    assertThat(text(withOpaque.initialResponse())).isEqualTo(v.steps().get(0));
    assertThat(text(withOpaque.evaluateChallenge(bytes(v.steps().get(1)))))
        .isEqualTo(v.steps().get(2));
    withOpaque.evaluateChallenge(bytes(v.steps().get(3)));
    assertThat(withOpaque.serverAuthenticated()).isTrue();
  }

  /**
   * The skipSASLprep vectors use "p\u212Bssword" (ANGSTROM SIGN) unprepared; both SASLprep and
   * OpaqueString map it to U+00C5, so a preparing client cannot reproduce these conversations, and
   * does not: they run with {@link StringPreparation#NONE} in {@link ScramVectorsTest}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("unpreparedVectors")
  void skipSaslprepVectorsDifferOnceThePasswordIsPrepared(ScramVector v) {
    String opaque = StringPreparation.OPAQUE_STRING.prepare(v.pass());
    assertThat(opaque).isNotEqualTo(v.pass()).isEqualTo(SaslPrepForTests.SASLPREP.prepare(v.pass()));
    ScramClient c = ScramClient.builder(new ScramMechanism(v.hash(), false))
        .username(v.user()).password(opaque).clientNonce(v.clientNonce())
        .offer(SaslOffer.of(new ScramMechanism(v.hash(), false).name())).build();
    c.initialResponse();
    assertThat(text(c.evaluateChallenge(bytes(v.steps().get(1))))).isNotEqualTo(v.steps().get(2));
  }

  /** Inputs both preparations map the same way. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pencil|pencil",
      "p\u00e8ncil|p\u00e8ncil",
      "pe\u0300ncil|p\u00e8ncil",            // NFC / NFKC compose alike
      "a\u00a0b|a b",                        // non-ASCII space to U+0020 (RFC 8265 §4.2.1, RFC 4013 §2.1)
      "a\u3000b|a b",
      "Pass Word|Pass Word"})                // case and ASCII space kept
  void agreeOn(String input, String prepared) {
    assertThat(StringPreparation.OPAQUE_STRING.prepare(input)).isEqualTo(prepared);
    assertThat(SaslPrepForTests.SASLPREP.prepare(input)).isEqualTo(prepared);
  }

  /**
   * Where they differ: SASLprep applies NFKC (compatibility characters folded), OpaqueString NFC
   * (kept). A password set through a SASLprep server and typed with such characters hashes
   * differently; RFC 8265 §6 accepts this as the cost of the move to PRECIS.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\ufb01le|\ufb01le|file",                         // LATIN SMALL LIGATURE FI
      "\uff50\uff41\uff53\uff53|\uff50\uff41\uff53\uff53|pass", // FULLWIDTH letters
      "\u2168|\u2168|IX",                                // ROMAN NUMERAL NINE
      "x\u00b2|x\u00b2|x2"})                             // SUPERSCRIPT TWO
  void differOnCompatibilityCharacters(String input, String opaque, String saslprep) {
    assertThat(StringPreparation.OPAQUE_STRING.prepare(input)).isEqualTo(opaque);
    assertThat(SaslPrepForTests.SASLPREP.prepare(input)).isEqualTo(saslprep);
  }

  /** SASLprep maps the soft hyphen to nothing (RFC 3454 B.1); OpaqueString disallows it. */
  @Test
  void differOnCharactersSaslprepMapsToNothing() {
    assertThat(SaslPrepForTests.SASLPREP.prepare("pa\u00adss")).isEqualTo("pass");
    assertThatThrownBy(() -> StringPreparation.OPAQUE_STRING.prepare("pa\u00adss"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * SASLprep's stored strings reject code points unassigned in Unicode 3.2, such as emoji;
   * OpaqueString (on the JDK's Unicode) accepts them as symbols.
   */
  @Test
  void differOnCodePointsAfterUnicode32() {
    assertThat(StringPreparation.OPAQUE_STRING.prepare("pw\ud83d\ude00")).isEqualTo("pw\ud83d\ude00");
    assertThatThrownBy(() -> SaslPrepForTests.SASLPREP.prepare("pw\ud83d\ude00"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bothRejectControlCharactersAndEmptyStrings() {
    assertThatThrownBy(() -> StringPreparation.OPAQUE_STRING.prepare("pa\u0007ss"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SaslPrepForTests.SASLPREP.prepare("pa\u0007ss"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StringPreparation.OPAQUE_STRING.prepare(""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
