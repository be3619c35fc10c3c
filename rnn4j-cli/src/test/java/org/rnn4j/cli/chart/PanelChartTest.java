package org.rnn4j.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelChartTest {
  private static Map<String, Map<String, double[][]>> panels() {
    Map<String, Map<String, double[][]>> panels = new LinkedHashMap<>();
    Map<String, double[][]> recall = new LinkedHashMap<>();
    recall.put("rnn", new double[][] {{0, 1}, {1, 0.4}});
    recall.put("gru", new double[][] {{0, 1}, {1, 1}});
    panels.put("recall", recall);
    Map<String, double[][]> adding = new LinkedHashMap<>();
    adding.put("gru", new double[][] {{0, 1}, {1, Double.NaN}}); // other order, one point out
    adding.put("rnn", new double[][] {{0, 0.8}, {1, 0.1}});
    panels.put("adding", adding);
    return panels;
  }

  @Test
  void onePanelPerGroupOneLegendAndTheSameColourForTheSameSeries() {
    JFreeChart chart = PanelChart.chart("t", "distance d", "accuracy", panels(),
        List.of("5", "50"));
    CombinedRangeXYPlot plot = (CombinedRangeXYPlot) chart.getPlot();
    List<XYPlot> subplots = plot.getSubplots();
    assertEquals(2, subplots.size());
    assertEquals("recall: distance d", subplots.get(0).getDomainAxis().getLabel());
    assertTrue(subplots.get(1).getDomainAxis() instanceof SymbolAxis);
    LegendItemCollection legend = plot.getLegendItems();
    assertEquals(2, legend.getItemCount());
    assertEquals("rnn", legend.get(0).getLabel());
    // "gru" is series 1 of the first panel and series 0 of the second
    assertEquals(subplots.get(0).getRenderer().getSeriesPaint(1),
        subplots.get(1).getRenderer().getSeriesPaint(0));
    assertEquals(subplots.get(0).getRenderer().getSeriesPaint(0),
        subplots.get(1).getRenderer().getSeriesPaint(1));
    assertEquals(subplots.get(0).getRenderer().getSeriesShape(1),
        subplots.get(1).getRenderer().getSeriesShape(0));
    assertTrue(((java.awt.BasicStroke) subplots.get(0).getRenderer().getSeriesStroke(0))
        .getLineWidth() > ((java.awt.BasicStroke) subplots.get(0).getRenderer()
        .getSeriesStroke(1)).getLineWidth(), "a later series is thinner, drawn on top");
    assertEquals(1, subplots.get(1).getDataset().getItemCount(0), "the NaN point is left out");
  }

  @Test
  void writesAPngWideEnoughForItsPanels(@TempDir Path dir) throws IOException {
    Path png = dir.resolve("panels.png");
    PanelChart.write(png, "t", "distance d", "accuracy", panels(), List.of());
    var image = ImageIO.read(png.toFile());
    assertEquals(900, image.getWidth());
    assertEquals(500, image.getHeight());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }
}
