package dev.xmppreactive.benchmarks.codec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JMH JSON result file ({@code -rf json}) of the codec benchmarks and prints, as Markdown,
 * each benchmark's stanzas per second and bytes allocated per stanza, and the ratios the targets are
 * about. The error of a ratio {@code a/b} is propagated to first order from JMH's 99.9% confidence
 * half-widths: {@code (a/b)·sqrt((Δa/a)² + (Δb/b)²)}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.xmppreactive.benchmarks.codec.Ratios result.json}
 */
public final class Ratios {

  private Ratios() {
  }

  /** A score and the half-width of its 99.9% confidence interval. */
  record Score(double value, double error) {
    Score over(Score other) {
      double r = value / other.value;
      double e = r * Math.sqrt(sq(error / value) + sq(other.error / other.value));
      return new Score(r, e);
    }

    private static double sq(double x) {
      return x * x;
    }
  }

  /** Prints the table and the ratios of the result file given as the first argument. */
  public static void main(String[] args) throws Exception {
    JsonNode root = JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])));
    Map<String, Score> rate = new LinkedHashMap<>();
    Map<String, Score> alloc = new LinkedHashMap<>();
    for (JsonNode b : root) {
      String name = b.get("benchmark").asString();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      JsonNode p = b.get("primaryMetric");
      rate.put(name, new Score(number(p.get("score")), number(p.get("scoreError"))));
      JsonNode secondary = b.get("secondaryMetrics");
      for (String key : new String[] {"gc.alloc.rate.norm", "·gc.alloc.rate.norm"}) {
        if (secondary != null && secondary.has(key)) {
          JsonNode n = secondary.get(key);
          alloc.put(name, new Score(number(n.get("score")), number(n.get("scoreError"))));
        }
      }
    }
    System.out.println("| benchmark | stanzas/s | bytes allocated/stanza |");
    System.out.println("|---|---:|---:|");
    for (Map.Entry<String, Score> e : rate.entrySet()) {
      Score a = alloc.get(e.getKey());
      System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", e.getKey(), fmt(e.getValue(), 0),
          a == null ? "–" : fmt(a, 0));
    }
    System.out.println();
    System.out.println("| ratio | value | target |");
    System.out.println("|---|---:|---:|");
    ratio(rate, "DecodeBenchmark.ours", "DecodeBenchmark.smackParseStanza", "≥ 2.5");
    ratio(rate, "DecodeBenchmark.ours", "DecodeBenchmark.smackStream", "");
    ratio(rate, "DecodeBenchmark.ours", "DecodeBenchmark.aaltoScan", "≥ 0.75");
    ratio(rate, "DecodeBenchmark.ours", "DecodeBenchmark.aaltoScanWithStrings", "");
    ratio(rate, "DecodeBenchmark.oursNetty", "DecodeBenchmark.smackParseStanza", "");
    ratio(rate, "DecodeBenchmark.oursNetty", "DecodeBenchmark.aaltoScan", "");
    ratio(rate, "EncodeBenchmark.ours", "EncodeBenchmark.smack", "≥ 3");
    ratio(rate, "EncodeBenchmark.oursNetty", "EncodeBenchmark.smack", "");
  }

  /** A number of JMH's JSON, which writes "NaN" as a string (an error of a single iteration). */
  private static double number(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.NaN;
  }

  private static void ratio(Map<String, Score> rate, String a, String b, String target) {
    if (rate.containsKey(a) && rate.containsKey(b)) {
      System.out.printf(Locale.ROOT, "| %s / %s | %s | %s |%n", a, b,
          fmt(rate.get(a).over(rate.get(b)), 2), target);
    }
  }

  private static String fmt(Score s, int decimals) {
    String f = "%,." + decimals + "f ± %,." + decimals + "f";
    return String.format(Locale.ROOT, f, s.value(), s.error());
  }
}
