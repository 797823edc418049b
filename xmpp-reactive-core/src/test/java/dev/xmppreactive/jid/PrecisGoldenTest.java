package dev.xmppreactive.jid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PRECIS profiles that JIDs and SASL use, against the precis_i18n golden vectors (testdata/precis,
 * MIT, see its LICENSE.txt): UsernameCaseMapped (localparts, RFC 8265 §3.3) and OpaqueString
 * (resourceparts and passwords, RFC 8265 §4.2).
 *
 * <p>These run through {@link Precis}, which is rocks.xmpp:precis completed with the CONTEXTO rules of
 * RFC 5892 Appendix A (the library alone fails 17 of these vectors).
 *
 * <p>Cases that need a Unicode version newer than the JDK's (Java 17: Unicode 13.0) are checked as
 * upstream checks them: the result must not be the newer expectation.
 */
class PrecisGoldenTest {

  private static final double JDK_UNICODE = 13.0;

  static Stream<Arguments> cases() throws Exception {
    JsonNode root;
    try (InputStream in = PrecisGoldenTest.class.getResourceAsStream("/testdata/precis/golden.json")) {
      root = JsonMapper.builder().build().readTree(in);
    }
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : root) {
      String profile = c.get("profile").asString();
      UnaryOperator<String> p = switch (profile) {
        case "UsernameCaseMapped" -> Precis::usernameCaseMapped;
        case "OpaqueString" -> Precis::opaqueString;
        default -> null;
      };
      if (p == null) {
        continue;
      }
      String input = c.get("input").asString();
      String output = c.get("output").isNull() ? null : c.get("output").asString();
      double uv = c.has("unicode_version") ? c.get("unicode_version").asDouble() : 0;
      out.add(Arguments.of(profile, escape(input), p, input, output, uv));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void enforce(String profile, String shown, UnaryOperator<String> p, String input, String output,
               double unicodeVersion) {
    if (unicodeVersion > JDK_UNICODE) {
      String actual;
      try {
        actual = p.apply(input);
      } catch (IllegalArgumentException e) {
        actual = null;
      }
      assertThat(actual).as("needs Unicode %s", unicodeVersion).isNotEqualTo(output);
      return;
    }
    if (output == null) {
      assertThatThrownBy(() -> p.apply(input)).isInstanceOf(IllegalArgumentException.class);
    } else {
      assertThat(p.apply(input)).isEqualTo(output);
      assertThat(p.apply(output)).as("idempotent").isEqualTo(output);
    }
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (cp < 0x20 || cp > 0x7E) {
        sb.append(String.format("\\u%04X", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }
}
