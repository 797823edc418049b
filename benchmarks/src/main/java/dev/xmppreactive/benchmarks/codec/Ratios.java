package dev.xmppreactive.benchmarks.codec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JMH JSON result files ({@code -rf json}) of the codec benchmarks, one per round, and prints
 * as Markdown each benchmark's stanzas per second and bytes allocated per stanza, pooled over every
 * measured iteration of every round, and the ratios the targets are about.
 *
 * <p>Intervals are 99.9% confidence half-widths (Student's t, as JMH's own). A ratio {@code a/b} is
 * that of the pooled means, its interval propagated to first order from the two scores' intervals:
 * {@code (a/b)·sqrt((Δa/a)² + (Δb/b)²)}; beside it, the ratio of each round alone (both sides of a
 * round ran minutes apart at most, so that the load of a shared machine at the time weighs on both
 * alike), which shows how much the load moved it.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.xmppreactive.benchmarks.codec.Ratios round1.json ...}
 */
public final class Ratios {

  private static final double CONFIDENCE = 0.999;

  private Ratios() {
  }

  /** A value and the half-width of its confidence interval. */
  record Score(double value, double error) {
    Score over(Score other) {
      double r = value / other.value;
      double e = r * Math.sqrt(sq(error / value) + sq(other.error / other.value));
      return new Score(r, e);
    }

    /** The mean of samples and its interval; NaN for the interval of fewer than two. */
    static Score of(List<Double> samples) {
      int n = samples.size();
      double mean = samples.stream().mapToDouble(Double::doubleValue).sum() / n;
      if (n < 2) {
        return new Score(mean, Double.NaN);
      }
      double ss = samples.stream().mapToDouble(x -> sq(x - mean)).sum();
      double sd = Math.sqrt(ss / (n - 1));
      double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
      return new Score(mean, t * sd / Math.sqrt(n));
    }

    private static double sq(double x) {
      return x * x;
    }
  }

  /** One round: each benchmark's measured iterations (stanzas/s) and allocation (bytes/stanza). */
  record Round(Map<String, List<Double>> rate, Map<String, List<Double>> alloc) {
    double mean(String name) {
      return Score.of(rate.get(name)).value();
    }
  }

  /** Prints the table and the ratios of the result files given as arguments, one per round. */
  public static void main(String[] args) throws Exception {
    List<Round> rounds = new ArrayList<>();
    for (String file : args) {
      rounds.add(read(Path.of(file)));
    }
    Map<String, List<Double>> rate = new LinkedHashMap<>();
    Map<String, List<Double>> alloc = new LinkedHashMap<>();
    for (Round r : rounds) {
      r.rate().forEach((k, v) -> rate.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
      r.alloc().forEach((k, v) -> alloc.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }
    System.out.printf(Locale.ROOT, "%d round(s)%n%n", rounds.size());
    System.out.println("| benchmark | stanzas/s | bytes allocated/stanza |");
    System.out.println("|---|---:|---:|");
    for (Map.Entry<String, List<Double>> e : rate.entrySet()) {
      List<Double> a = alloc.get(e.getKey());
      System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", e.getKey(), fmt(Score.of(e.getValue()), 0),
          a == null ? "–" : fmt(Score.of(a), 0));
    }
    System.out.println();
    System.out.println("| ratio of stanzas/s | pooled | each round | target |");
    System.out.println("|---|---:|---:|---:|");
    ratio(rounds, rate, "DecodeBenchmark.ours", "DecodeBenchmark.smackParseStanza", "≥ 2.5");
    ratio(rounds, rate, "DecodeBenchmark.ours", "DecodeBenchmark.smackStream", "");
    ratio(rounds, rate, "DecodeBenchmark.ours", "DecodeBenchmark.aaltoScan", "≥ 0.75");
    ratio(rounds, rate, "DecodeBenchmark.ours", "DecodeBenchmark.aaltoScanWithStrings", "");
    ratio(rounds, rate, "DecodeBenchmark.aaltoScanWithStrings", "DecodeBenchmark.aaltoScan", "");
    ratio(rounds, rate, "DecodeBenchmark.oursNetty", "DecodeBenchmark.smackParseStanza", "");
    ratio(rounds, rate, "DecodeBenchmark.oursNetty", "DecodeBenchmark.aaltoScan", "");
    ratio(rounds, rate, "EncodeBenchmark.ours", "EncodeBenchmark.smack", "≥ 3");
    ratio(rounds, rate, "EncodeBenchmark.oursNetty", "EncodeBenchmark.smack", "");
  }

  private static Round read(Path file) throws Exception {
    JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
    Map<String, List<Double>> rate = new LinkedHashMap<>();
    Map<String, List<Double>> alloc = new LinkedHashMap<>();
    for (JsonNode b : root) {
      String name = b.get("benchmark").asString();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      rate.put(name, raw(b.get("primaryMetric")));
      JsonNode secondary = b.get("secondaryMetrics");
      for (String key : new String[] {"gc.alloc.rate.norm", "·gc.alloc.rate.norm"}) {
        if (secondary != null && secondary.has(key)) {
          alloc.put(name, raw(secondary.get(key)));
        }
      }
    }
    return new Round(rate, alloc);
  }

  /** Every measured iteration of every fork of a metric. */
  private static List<Double> raw(JsonNode metric) {
    List<Double> out = new ArrayList<>();
    for (JsonNode fork : metric.get("rawData")) {
      for (JsonNode iteration : fork) {
        out.add(iteration.asDouble());
      }
    }
    return out;
  }

  private static void ratio(List<Round> rounds, Map<String, List<Double>> rate, String a, String b,
                            String target) {
    if (!rate.containsKey(a) || !rate.containsKey(b)) {
      return;
    }
    Score r = Score.of(rate.get(a)).over(Score.of(rate.get(b)));
    List<String> perRound = new ArrayList<>();
    for (Round round : rounds) {
      if (round.rate().containsKey(a) && round.rate().containsKey(b)) {
        perRound.add(String.format(Locale.ROOT, "%.2f", round.mean(a) / round.mean(b)));
      }
    }
    System.out.printf(Locale.ROOT, "| %s / %s | %s | %s | %s |%n", a, b, fmt(r, 2),
        String.join(", ", perRound), target);
  }

  private static String fmt(Score s, int decimals) {
    if (Double.isNaN(s.error())) {
      return String.format(Locale.ROOT, "%,." + decimals + "f", s.value());
    }
    String f = "%,." + decimals + "f ± %,." + decimals + "f";
    return String.format(Locale.ROOT, f, s.value(), s.error());
  }
}
