package dev.xmppreactive.benchmarks.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The PNG charts of a run, drawn with XChart. */
final class Charts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 520;

  private Charts() {
  }

  static void draw(LoadResults r, Path out) throws IOException {
    if (!r.scale().isEmpty()) {
      scale(r, out.resolve("load-scale-heap.png"), "Heap after a full GC", "heap (MiB)",
          x -> x.heapBytes() / 1048576.0, false);
      scale(r, out.resolve("load-scale-threads.png"), "Threads the client created", "threads",
          x -> Math.max(1, x.clientThreads()), true);
    }
    if (!r.throughput().isEmpty()) {
      List<String> categories = new ArrayList<>();
      for (ThroughputResult t : r.throughput()) {
        String c = t.server() + ", " + t.pairs() + (t.pairs() == 1 ? " pair" : " pairs");
        if (!categories.contains(c)) {
          categories.add(c);
        }
      }
      CategoryChart chart = bars("Messages per second through the server", "messages/s");
      for (String client : clients(r.throughput().stream().map(ThroughputResult::client).toList())) {
        List<Double> values = new ArrayList<>();
        for (String c : categories) {
          values.add(r.throughput().stream().filter(t -> t.client().equals(client)
                  && c.equals(t.server() + ", " + t.pairs() + (t.pairs() == 1 ? " pair" : " pairs")))
              .mapToDouble(ThroughputResult::perSecond).findFirst().orElse(0));
        }
        chart.addSeries(client, categories, values);
      }
      BitmapEncoder.saveBitmap(chart, out.resolve("load-throughput.png").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
    if (!r.iq().isEmpty()) {
      List<String> categories = new ArrayList<>();
      for (IqResult t : r.iq()) {
        String c = t.server() + ", " + String.format("%,d", t.inFlight()) + " in flight";
        if (!categories.contains(c)) {
          categories.add(c);
        }
      }
      CategoryChart chart = bars("IQ round trips per second on one session", "round trips/s");
      for (String client : clients(r.iq().stream().map(IqResult::client).toList())) {
        List<Double> values = new ArrayList<>();
        for (String c : categories) {
          values.add(r.iq().stream().filter(t -> t.client().equals(client)
                  && c.equals(t.server() + ", " + String.format("%,d", t.inFlight()) + " in flight"))
              .mapToDouble(IqResult::perSecond).findFirst().orElse(0));
        }
        chart.addSeries(client, categories, values);
      }
      BitmapEncoder.saveBitmap(chart, out.resolve("load-iq.png").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
  }

  private static void scale(LoadResults r, Path file, String title, String yTitle,
                            ToDoubleFunction<ScaleStep> y, boolean logarithmic) throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("sessions held").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setYAxisLogarithmic(logarithmic);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    for (ScaleResult s : r.scale()) {
      List<ScaleStep> steps = s.steps().stream().filter(x -> x.up() > 0).toList();
      if (steps.isEmpty()) {
        continue;
      }
      chart.addSeries(s.client() + " / " + s.server(), steps.stream().mapToDouble(ScaleStep::up).toArray(),
          steps.stream().mapToDouble(y).toArray());
    }
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static List<String> clients(List<String> all) {
    return all.stream().distinct().toList();
  }

  private static CategoryChart bars(String title, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setXAxisLabelRotation(15);
    return chart;
  }
}
