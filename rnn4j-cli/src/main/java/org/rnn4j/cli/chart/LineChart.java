package org.rnn4j.cli.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
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
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, double[][]> e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (double[] p : e.getValue()) {
        if (Double.isFinite(p[1]) && (!logY || p[1] > 0)) {
          s.add(p[0], p[1]);
        }
      }
      data.addSeries(s);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data,
        PlotOrientation.VERTICAL, true, false, false);
    if (logY) {
      chart.getXYPlot().setRangeAxis(new LogAxis(yLabel));
    }
    PngFiles.save(chart, png, 900, 500);
  }
}
