package org.rnn4j.cli.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The attention of one translation as a PNG heatmap (JFreeChart, headless): a cell per (source
 * token, output token), darker for more weight, the source tokens along the x axis and the output
 * tokens down the y axis (the first output token at the top), with a weight scale beside it.
 */
public final class AttentionHeatmap {
  /** Pixels per token along each axis, and the least width and height of the image. */
  private static final int CELL = 36;
  private static final int MIN_WIDTH = 480;
  private static final int MIN_HEIGHT = 360;
  private static final int MARGIN = 220; // room for the labels, the title and the scale

  private AttentionHeatmap() {}

  /**
   * Draws the heatmap and writes it (to a temporary file, then renamed).
   *
   * @param png the file to write
   * @param title the chart's title, e.g. the source sentence
   * @param source (Tx) the source tokens, the columns
   * @param output (T) the output tokens, the rows
   * @param weights (T, Tx) weights[t][j], the attention of output token t on source token j, in
   *     [0, 1]
   * @throws IllegalArgumentException if the sizes disagree or there is nothing to draw
   * @throws IOException if the file cannot be written
   */
  public static void write(Path png, String title, List<String> source, List<String> output,
      float[][] weights) throws IOException {
    check(source, output, weights);
    System.setProperty("java.awt.headless", "true");
    JFreeChart chart = chart(title, source, output, weights);
    int width = Math.max(MIN_WIDTH, MARGIN + CELL * source.size());
    int height = Math.max(MIN_HEIGHT, MARGIN + CELL * output.size());
    Files.createDirectories(png.toAbsolutePath().getParent());
    PngFiles.save(chart, png, width, height);
  }

  private static void check(List<String> source, List<String> output, float[][] weights) {
    if (source.isEmpty() || output.isEmpty()) {
      throw new IllegalArgumentException("an attention heatmap needs at least one source and one"
          + " output token, got " + source.size() + " and " + output.size());
    }
    if (weights.length != output.size()) {
      throw new IllegalArgumentException("weights must have one row per output token: expected "
          + output.size() + ", got " + weights.length);
    }
    for (int t = 0; t < weights.length; t++) {
      if (weights[t].length != source.size()) {
        throw new IllegalArgumentException("weights[" + t + "] must have one weight per source"
            + " token: expected " + source.size() + ", got " + weights[t].length);
      }
    }
  }

  private static JFreeChart chart(String title, List<String> source, List<String> output,
      float[][] weights) {
    int cells = source.size() * output.size();
    double[][] xyz = new double[3][cells]; // (3, Tx·T) rows x = source index, y = output index, z
    for (int t = 0; t < output.size(); t++) {
      for (int j = 0; j < source.size(); j++) {
        int c = t * source.size() + j;
        xyz[0][c] = j;
        xyz[1][c] = t;
        xyz[2][c] = weights[t][j];
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("attention", xyz);
    SymbolAxis x = new SymbolAxis("source", source.toArray(String[]::new));
    x.setVerticalTickLabels(true);
    x.setGridBandsVisible(false);
    SymbolAxis y = new SymbolAxis("output", output.toArray(String[]::new));
    y.setInverted(true); // first output token at the top
    y.setGridBandsVisible(false);
    XYBlockRenderer renderer = new XYBlockRenderer();
    PaintScale scale = new WhiteToBlack();
    renderer.setPaintScale(scale);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot,
        false);
    NumberAxis legendAxis = new NumberAxis("weight");
    legendAxis.setRange(0, 1);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 4, 4);
    chart.addSubtitle(legend);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** Weights in [0, 1] as grey levels: white for 0, black for 1 (values outside are clamped). */
  private static final class WhiteToBlack implements PaintScale {
    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return 1;
    }

    @Override
    public Paint getPaint(double value) {
      double w = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
      int level = (int) Math.round(255 * (1 - w));
      return new Color(level, level, level);
    }
  }
}
