package org.rnn4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dates demo end to end (slow profile; the generator is seeded, so no data is fetched). Seed
 * 1 with the default settings reached 99.6% exact match on the held-out test dates (99.1% on
 * "EEE d MMM yyyy", 100% on "dd/MM/yyyy", 100% on training patterns with held-out years),
 * against 54.1% for copying digits, and 98.8% on the probe "MMMM yyyy, d". The bar is the
 * issue's 99% on held-out formats (seed 2: 99.4%); the probe, an order of parts training never
 * shows, varies with the seed (seed 2: 67.2%) and has a lower bar.
 */
class DatesDemoTest {

  @Test
  @Tag("slow")
  void writesHeldOutDatesInIsoFormFarAboveTheBaselines(@TempDir Path dir) throws IOException {
    StringWriter text = new StringWriter();
    DatesDemo.Result r = new DatesDemo(1).run(new PrintWriter(text), dir);
    System.out.print(text);
    assertTrue(r.exactMatch() >= 0.99, r.toString());
    assertTrue(r.heldOutPatternMatch() >= 0.99, r.toString());
    assertTrue(r.heldOutYearOnlyMatch() >= 0.99, r.toString());
    assertTrue(r.probeMatch() >= 0.60, r.toString());
    assertTrue(r.copyDigits() > 0.3 && r.copyDigits() < 0.7, r.toString());
    assertTrue(r.mostCommonTarget() < 0.01, r.toString());
    assertTrue(text.toString().contains("exact match: "), text.toString());
    BufferedImage heatmap = ImageIO.read(dir.resolve(DatesDemo.HEATMAP_FILE).toFile());
    assertTrue(heatmap.getWidth() >= 480 && heatmap.getHeight() >= 360,
        heatmap.getWidth() + "×" + heatmap.getHeight());
  }

  @Test
  void copyDigitsReadsNumericDatesInTheTextsOrder() {
    assertEquals("2021-03-04", DatesDemo.copyDigits("04.03.2021"));
    assertEquals("2021-03-04", DatesDemo.copyDigits("2021/03/04"));
    assertEquals("2021-01-04", DatesDemo.copyDigits("4 March 2021"));
    assertEquals("", DatesDemo.copyDigits("March"));
  }
}
