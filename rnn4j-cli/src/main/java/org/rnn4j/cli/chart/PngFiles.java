package org.rnn4j.cli.chart;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.rnn4j.io.AtomicFiles;

/** Writes a chart as a PNG file: to a temporary file beside the target, then renamed. */
final class PngFiles {
  private PngFiles() {}

  /**
   * @param chart the chart
   * @param png the target file; replaced only once the new image is complete
   * @param width pixels
   * @param height pixels
   * @throws IOException if it cannot be written
   */
  static void save(JFreeChart chart, Path png, int width, int height) throws IOException {
    AtomicFiles.write(png, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height));
  }
}
