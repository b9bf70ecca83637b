package dev.outbox.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The latency CDF the report embeds: per offered rate, one curve per contestant (its repetitions
 * merged), commit-to-consumer latency on a log axis against the fraction of events delivered.
 */
public final class CdfPlot {

  private static final Color[] COLORS = {
    new Color(0x1b9e77),
    new Color(0xd95f02),
    new Color(0x7570b3),
    new Color(0xe7298a),
    new Color(0x66a61e),
    new Color(0xe6ab02),
    new Color(0xa6761d)
  };

  private CdfPlot() {}

  /** Writes a PNG of the curves, keyed by contestant in the order given. */
  public static void write(Path file, String title, Map<String, Histogram> curves)
      throws IOException {
    var dataset = new XYSeriesCollection();
    for (Map.Entry<String, Histogram> curve : curves.entrySet()) {
      dataset.addSeries(series(curve.getKey(), curve.getValue()));
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            "commit → consumer receive (ms, log scale)",
            "fraction of events",
            dataset,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    var x = new LogAxis("commit → consumer receive (ms, log scale)");
    x.setSmallestValue(0.01);
    x.setBase(10);
    x.setTickUnit(new NumberTickUnit(1.0)); // one tick per decade
    x.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
    plot.setDomainAxis(x);
    ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    for (int i = 0; i < dataset.getSeriesCount(); i++) {
      plot.getRenderer().setSeriesPaint(i, COLORS[i % COLORS.length]);
      plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
    }
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 600);
  }

  private static XYSeries series(String name, Histogram h) {
    var series = new XYSeries(name, false, true);
    for (HistogramIterationValue v : h.percentiles(20)) {
      double ms = Math.max(0.01, v.getValueIteratedTo() / 1000.0);
      series.add(ms, Math.min(1.0, v.getPercentileLevelIteratedTo() / 100.0));
    }
    return series;
  }

  /** Adds the repetitions' histograms into one. */
  static Histogram merge(List<Histogram> reps) {
    Histogram all = dev.outbox.bench.measure.Histograms.create();
    reps.forEach(all::add);
    return all;
  }
}
