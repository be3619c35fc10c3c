package org.rnn4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rnn4j.cli.demo.FeatureClassification.Settings;

/** {@code demo --quiet}: the same results without the progress bar on standard error. */
class DemoProgressTest {
  private static final Settings SMALL = new Settings(8, 0f, 1, 2e-3);

  /** What a one-epoch activity demo printed on standard output and standard error. */
  private record Printed(String out, String err) {}

  private static Printed activity(DemoProgress progress) {
    StringWriter out = new StringWriter();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      new ActivityDemo(1, SMALL, progress).run(new PrintWriter(out));
    } finally {
      System.setErr(stderr);
    }
    return new Printed(out.toString(), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void quietLeavesOutTheProgressBarAndNothingElse() {
    Printed bar = activity(DemoProgress.BAR);
    Printed quiet = activity(DemoProgress.QUIET);
    assertTrue(bar.err().contains("epoch 1/1"), bar.err());
    assertEquals("", quiet.err());
    assertEquals(bar.out(), quiet.out(), "the same results");
    assertTrue(DemoProgress.QUIET.listeners().isEmpty());
  }
}
