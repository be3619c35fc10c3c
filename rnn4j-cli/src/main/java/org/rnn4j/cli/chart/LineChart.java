package org.rnn4j.cli.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PNG line chart of named series of (x, y) points (JFreeChart, headless), optionally with a
 * logarithmic y axis; points whose y is not finite (or not positive on a log axis) are left out.
 */
public final class LineChart {
  private LineChart() {}

  /**
   * Writes the chart, to a temporary file renamed into place.
   *
   * @param png the target file
   * @param title the chart's title
   * @param xLabel the x axis's label
   * @param yLabel the y axis's label
   * @param series name → points, each (N, 2): x then y
   * @param logY whether the y axis is logarithmic
   * @throws IOException if it cannot be written
   */
  public static void write(Path png, String title, String xLabel, String yLabel,
      Map<String, double[][]> series, boolean logY) throws IOException {
    PngFiles.save(chart(title, xLabel, yLabel, series, logY, Double.NaN), png, 900, 500);
  }

  /**
   * Writes the chart with a logarithmic y axis from {@code lowest} up: a line that falls below
   * it leaves the plot at the bottom edge.
   *
   * @param png the target file
   * @param title the chart's title
   * @param xLabel the x axis's label
   * @param yLabel the y axis's label
   * @param series name → points, each (N, 2): x then y
   * @param lowest the bottom of the y axis, positive
   * @throws IOException if it cannot be written
   */
  public static void writeLog(Path png, String title, String xLabel, String yLabel,
      Map<String, double[][]> series, double lowest) throws IOException {
    if (!(lowest > 0)) {
      throw new IllegalArgumentException("lowest must be positive, got " + lowest);
    }
    PngFiles.save(chart(title, xLabel, yLabel, series, true, lowest), png, 900, 500);
  }

  /** The chart {@link #write} and {@link #writeLog} draw; {@code lowest} NaN: automatic. */
  static JFreeChart chart(String title, String xLabel, String yLabel,
      Map<String, double[][]> series, boolean logY, double lowest) {
    System.setProperty("java.awt.headless", "true");
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel,
        Series.collection(series, logY), PlotOrientation.VERTICAL, true, false, false);
    if (logY) {
      LogAxis axis = new LogAxis(yLabel);
      if (!Double.isNaN(lowest)) {
        axis.setAutoRange(false);
        Range data = chart.getXYPlot().getDataRange(chart.getXYPlot().getRangeAxis());
        double highest = Math.max(lowest * 10, data == null ? 0 : data.getUpperBound() * 2);
        axis.setRange(lowest, highest);
      }
      chart.getXYPlot().setRangeAxis(axis);
    }
    return chart;
  }
}
