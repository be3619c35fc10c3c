package org.rnn4j.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * A PNG of side-by-side line charts sharing one y axis (JFreeChart, headless): one panel per
 * named group, the same series names in every panel drawn in the same colour and shape, one
 * legend. Series are drawn in order, each a little thinner than the one before, so lines that
 * coincide stay visible. Points whose y is not finite are left out.
 */
public final class PanelChart {
  private static final Paint[] COLOURS = {new Color(0xD6, 0x27, 0x28),
      new Color(0x1F, 0x77, 0xB4), new Color(0x2C, 0xA0, 0x2C), new Color(0xFF, 0x7F, 0x0E),
      new Color(0x94, 0x67, 0xBD), new Color(0x8C, 0x56, 0x4B)};

  private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();

  private PanelChart() {}

  /**
   * Writes the chart, to a temporary file renamed into place.
   *
   * @param png the target file
   * @param title the chart's title
   * @param xLabel every panel's x axis label, after the panel's name
   * @param yLabel the shared y axis's label
   * @param panels panel name → series name → points, each (N, 2): x then y; series of the same
   *     name share a colour
   * @param xTicks when not empty, the x values are indices 0 … n−1 into these labels, drawn
   *     evenly spaced; otherwise a number axis
   * @throws IOException if it cannot be written
   */
  public static void write(Path png, String title, String xLabel, String yLabel,
      Map<String, Map<String, double[][]>> panels, List<String> xTicks) throws IOException {
    System.setProperty("java.awt.headless", "true");
    PngFiles.save(chart(title, xLabel, yLabel, panels, xTicks), png,
        Math.max(900, 360 * panels.size()), 500);
  }

  /** The chart {@link #write} draws, with the same parameters. */
  static JFreeChart chart(String title, String xLabel, String yLabel,
      Map<String, Map<String, double[][]>> panels, List<String> xTicks) {
    CombinedRangeXYPlot plot = new CombinedRangeXYPlot(new NumberAxis(yLabel));
    plot.setGap(12);
    List<String> names = new ArrayList<>();
    panels.values().forEach(p -> p.keySet().stream().filter(n -> !names.contains(n))
        .forEach(names::add));
    XYPlot first = null;
    for (Map.Entry<String, Map<String, double[][]>> panel : panels.entrySet()) {
      String axisLabel = panel.getKey() + ": " + xLabel;
      ValueAxis x = new NumberAxis(axisLabel);
      if (!xTicks.isEmpty()) {
        SymbolAxis symbols = new SymbolAxis(axisLabel, xTicks.toArray(String[]::new));
        symbols.setGridBandsVisible(false);
        x = symbols;
      }
      XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
      List<String> inPanel = List.copyOf(panel.getValue().keySet());
      for (int i = 0; i < inPanel.size(); i++) {
        int k = names.indexOf(inPanel.get(i));
        renderer.setSeriesPaint(i, COLOURS[k % COLOURS.length]);
        renderer.setSeriesShape(i, SHAPES[k % SHAPES.length]);
        renderer.setSeriesStroke(i, new BasicStroke(1.5f + 2f * (names.size() - 1 - k)));
      }
      XYPlot sub = new XYPlot(Series.collection(panel.getValue(), false), x, null, renderer);
      sub.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
      sub.setBackgroundPaint(Color.WHITE);
      sub.setDomainGridlinePaint(Color.LIGHT_GRAY);
      sub.setRangeGridlinePaint(Color.LIGHT_GRAY);
      plot.add(sub);
      first = first == null ? sub : first;
    }
    if (first != null) {
      plot.setFixedLegendItems(first.getLegendItems());
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
