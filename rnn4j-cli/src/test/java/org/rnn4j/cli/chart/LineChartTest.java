package org.rnn4j.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
  private static final Map<String, double[][]> LOSS =
      Map.of("loss", new double[][] {{1, 2613}, {2, 3.5}, {3, 0}, {4, Double.NaN}});

  @Test
  void aLogAxisFromAGivenBottomKeepsOnlyPositiveFinitePoints() {
    JFreeChart chart = LineChart.chart("t", "step", "loss", LOSS, true, 1e-4);
    LogAxis y = (LogAxis) chart.getXYPlot().getRangeAxis();
    assertEquals(1e-4, y.getLowerBound(), 1e-12);
    assertTrue(y.getUpperBound() >= 2613, "the largest point is inside: " + y.getUpperBound());
    assertEquals(2, chart.getXYPlot().getDataset().getItemCount(0));
  }

  @Test
  void aLinearAxisKeepsZero() {
    JFreeChart chart = LineChart.chart("t", "step", "loss", LOSS, false, Double.NaN);
    assertEquals(3, chart.getXYPlot().getDataset().getItemCount(0));
  }

  @Test
  void writesThePngAndRefusesABottomThatIsNotPositive(@TempDir Path dir) throws IOException {
    Path png = dir.resolve("loss.png");
    LineChart.writeLog(png, "t", "step", "loss", LOSS, 1e-4);
    assertTrue(Files.size(png) > 1000);
    assertThrows(IllegalArgumentException.class,
        () -> LineChart.writeLog(png, "t", "step", "loss", LOSS, 0));
  }
}
