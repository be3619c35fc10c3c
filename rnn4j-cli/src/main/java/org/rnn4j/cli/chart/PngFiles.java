package org.rnn4j.cli.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

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
    Path dir = png.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, png.getFileName().toString(), ".tmp");
    try {
      ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height);
      Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
