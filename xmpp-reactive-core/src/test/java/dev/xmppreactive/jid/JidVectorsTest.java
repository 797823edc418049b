package dev.xmppreactive.jid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of the jxmpp JID corpus (testdata/jid, Apache-2.0, see its LICENSE). */
class JidVectorsTest {

  /**
   * One jxmpp expectation is corrected, and only this one: it maps GREEK SMALL LETTER FINAL SIGMA
   * (U+03C2) to U+03C3, which is the case folding of the obsolete RFC 7613 (jxmpp's corpus marks it
   * "TODO: Is the mapping in the localpart correct?"). RFC 8265 §3.3.3 maps case with Unicode
   * toLowerCase, which keeps U+03C2, as the PRECIS golden vectors (UsernameCaseMapped of "\u03C2") say.
   */
  static JidCorpus.Valid corrected(JidCorpus.Valid v) {
    if (v.input().equals("\u03C2@example.com")) {
      return new JidCorpus.Valid(v.input(), "\u03C2", v.domain(), v.resource());
    }
    return v;
  }

  static Stream<Arguments> valid() {
    return JidCorpus.valid().stream().map(v -> Arguments.of(v.input(), corrected(v)));
  }

  static Stream<Arguments> invalid() {
    return JidCorpus.invalid().stream().map(Arguments::of);
  }

  @Test
  void corpusIsComplete() {
    // Guards the loader: the counts of entries in the two files.
    assertThat(JidCorpus.valid()).hasSize(22);
    assertThat(JidCorpus.invalid()).hasSize(24);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validJidsParseToTheExpectedParts(String input, JidCorpus.Valid v) {
    Jid jid = Jid.of(input);
    assertThat(jid.localpart()).isEqualTo(v.local());
    assertThat(jid.domainpart()).isEqualTo(v.domain());
    assertThat(jid.resourcepart()).isEqualTo(v.resource());
    // Normalisation is idempotent: the formatted address parses to an equal JID.
    assertThat(Jid.of(jid.toString())).isEqualTo(jid).hasSameHashCodeAs(jid);
    assertThat(Jid.of(v.local(), v.domain(), v.resource())).isEqualTo(jid);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidJidsAreRefusedWithAReason(String input) {
    assertThatThrownBy(() -> Jid.of(input))
        .isInstanceOf(JidFormatException.class)
        .satisfies(e -> assertThat(((JidFormatException) e).reason()).isNotBlank());
  }

  @Test
  void onlyTheFinalSigmaExpectationIsCorrected() {
    assertThat(JidCorpus.valid().stream().filter(v -> !v.equals(corrected(v))))
        .singleElement()
        .satisfies(v -> assertThat(v.local()).isEqualTo("\u03C3"));
  }

  @Test
  void invalidCorpusNamesThePart() {
    List<String> inputs = JidCorpus.invalid();
    assertThat(inputs).contains("juliet@", "/foobar", "user@@host");
    assertThatThrownBy(() -> Jid.of("juliet@")).isInstanceOf(JidFormatException.class)
        .extracting(e -> ((JidFormatException) e).part()).isEqualTo(JidFormatException.Part.DOMAINPART);
    assertThatThrownBy(() -> Jid.of("@server")).isInstanceOf(JidFormatException.class)
        .extracting(e -> ((JidFormatException) e).part()).isEqualTo(JidFormatException.Part.LOCALPART);
    assertThatThrownBy(() -> Jid.of("node@server/")).isInstanceOf(JidFormatException.class)
        .extracting(e -> ((JidFormatException) e).part())
        .isEqualTo(JidFormatException.Part.RESOURCEPART);
  }
}
