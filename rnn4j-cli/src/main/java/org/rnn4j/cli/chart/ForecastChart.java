package org.rnn4j.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A forecast as a PNG line chart (JFreeChart, headless): the observed history, then the forecast,
 * the held-out actual values and any baselines over the steps after it, all on one time axis
 * (step 0 is the first step of the history).
 */
public final class ForecastChart {
  private static final Color[] COLOURS = {new Color(0x33, 0x33, 0x33),
      new Color(0xD6, 0x27, 0x28), new Color(0x1F, 0x77, 0xB4), new Color(0x2C, 0xA0, 0x2C),
      new Color(0x94, 0x67, 0xBD), new Color(0xFF, 0x7F, 0x0E)};

  private final List<XYSeries> lines = new ArrayList<>();

  /**
   * Adds a line.
   *
   * @param name its legend entry, e.g. "history", "forecast", "actual", "seasonal naive"
   * @param firstStep the time step of {@code values[0]}
   * @param values (n) one value per step
   * @return this chart
   */
  public ForecastChart line(String name, int firstStep, float[] values) {
    XYSeries s = new XYSeries(name, false, true);
    for (int i = 0; i < values.length; i++) {
      s.add(firstStep + i, values[i]);
    }
    lines.add(s);
    return this;
  }

  /** Number of lines added. */
  public int lines() {
    return lines.size();
  }

  /**
   * Writes the chart, to a temporary file that is then renamed.
   *
   * @param png the target file
   * @param title the chart's title
   * @param timeLabel the x axis label, e.g. "month (0 = 1949-01)"
   * @param valueLabel the y axis label
   * @throws IOException if it cannot be written
   */
  public void write(Path png, String title, String timeLabel, String valueLabel)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    lines.forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createXYLineChart(title, timeLabel, valueLabel, data,
        PlotOrientation.VERTICAL, true, false, false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < lines.size(); i++) {
      renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
      renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.5f : 2f));
    }
    chart.getXYPlot().setRenderer(renderer);
    chart.getXYPlot().setBackgroundPaint(Color.WHITE);
    chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
    chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    ((org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis())
        .setAutoRangeIncludesZero(false);
    PngFiles.save(chart, png, 1000, 500);
  }
}
