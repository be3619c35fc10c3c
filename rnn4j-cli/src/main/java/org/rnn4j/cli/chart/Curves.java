package org.rnn4j.cli.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rnn4j.train.EpochReport;
import org.rnn4j.train.TrainingListener;

/**
 * Records the training loss and every validation metric at each epoch and draws them as a PNG
 * line chart (JFreeChart, headless): one series per curve, epochs on the x axis.
 */
public final class Curves implements TrainingListener {
  private final Map<String, XYSeries> series = new LinkedHashMap<>();

  @Override
  public void onEpoch(EpochReport r) {
    add("train loss", r.epoch() + 1, r.trainLoss());
    for (String metric : new TreeSet<>(r.validation().keySet())) {
      add("validation " + metric, r.epoch() + 1, r.validation().get(metric));
    }
  }

  private void add(String name, int epoch, double value) {
    if (Double.isFinite(value)) {
      series.computeIfAbsent(name, n -> new XYSeries(n, false, true)).addOrUpdate(epoch, value);
    }
  }

  /** Number of points recorded, over all curves. */
  public int points() {
    return series.values().stream().mapToInt(XYSeries::getItemCount).sum();
  }

  /**
   * Writes the chart, written to a temporary file and renamed.
   *
   * @param png the target file
   * @param title the chart's title
   * @throws IOException if it cannot be written
   */
  public void write(Path png, String title) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", "value", data,
        PlotOrientation.VERTICAL, true, false, false);
    chart.getXYPlot().getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    PngFiles.save(chart, png, 900, 500);
  }
}
