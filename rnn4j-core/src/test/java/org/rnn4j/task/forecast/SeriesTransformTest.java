package org.rnn4j.task.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.data.Features;

class SeriesTransformTest {

  @Test
  void differencesAtTheLag() {
    Features x = new Features(new float[] {1, 3, 6, 10, 15}, 1);
    assertArrayEquals(new float[] {5, 7, 9}, new SeriesTransform(false, 2).apply(x).values());
    assertArrayEquals(x.values(), SeriesTransform.NONE.apply(x).values());
  }

  @Test
  void logThenDifferenceGivesLogRatios() {
    Features x = Features.of(new float[][] {{1, 2}, {2, 2}, {8, 4}});
    float ln2 = (float) Math.log(2);
    assertArrayEquals(new float[] {ln2, 0, 2 * ln2, ln2},
        new SeriesTransform(true, 1).apply(x).values(), 1e-7f);
  }

  /** Future differences at lag 2 add to the value two steps back, forecasts included. */
  @Test
  void invertRebuildsFutureValuesFromTheHistory() {
    Features history = new Features(new float[] {1, 3, 6}, 1);
    Features u = new Features(new float[] {1, 2, 3}, 1);
    // x⟨3⟩ = 1 + x⟨1⟩ = 4, x⟨4⟩ = 2 + x⟨2⟩ = 8, x⟨5⟩ = 3 + x⟨3⟩ = 7
    assertArrayEquals(new float[] {4, 8, 7}, new SeriesTransform(false, 2).invert(history, u)
        .values());
    Features logged = new SeriesTransform(true, 1).invert(new Features(new float[] {5}, 1),
        new Features(new float[] {(float) Math.log(2), (float) Math.log(3)}, 1));
    assertArrayEquals(new float[] {10, 30}, logged.values(), 1e-5f);
  }

  @Test
  void applyThenInvertOnTheTailIsTheIdentity() {
    Features x = new Features(new float[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3}, 1);
    SeriesTransform t = new SeriesTransform(true, 3);
    float[] u = t.apply(x).values();
    Features head = new Features(java.util.Arrays.copyOf(x.values(), 6), 1);
    Features tail = new Features(java.util.Arrays.copyOfRange(u, 3, 7), 1);
    assertArrayEquals(new float[] {2, 6, 5, 3}, t.invert(head, tail).values(), 1e-5f);
  }

  @Test
  void badSeriesAreRejectedWithTheReason() {
    IllegalArgumentException log = assertThrows(IllegalArgumentException.class,
        () -> new SeriesTransform(true, 0).apply(new Features(new float[] {2, 0, 1}, 1)));
    assertTrue(log.getMessage().contains("positive") && log.getMessage().contains("step 1"),
        log.getMessage());
    IllegalArgumentException shortSeries = assertThrows(IllegalArgumentException.class,
        () -> new SeriesTransform(false, 3).apply(new Features(new float[] {2, 1, 1}, 1)));
    assertTrue(shortSeries.getMessage().contains("lag"), shortSeries.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SeriesTransform(false, -1));
  }

  @Test
  void log1pTakesZerosAndInvertsWithExpm1() {
    Features x = new Features(new float[] {0, 1, 3, 0, 7}, 1);
    SeriesTransform t = new SeriesTransform(false, true, 1);
    float ln2 = (float) Math.log(2);
    // ln(1 + x): 0, ln 2, 2 ln 2, 0, 3 ln 2; differences at lag 1
    assertArrayEquals(new float[] {ln2, ln2, -2 * ln2, 3 * ln2}, t.apply(x).values(), 1e-6f);
    Features head = new Features(new float[] {0, 1, 3}, 1);
    Features tail = new Features(java.util.Arrays.copyOfRange(t.apply(x).values(), 2, 4), 1);
    assertArrayEquals(new float[] {0, 7}, t.invert(head, tail).values(), 1e-5f);
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> t.apply(new Features(new float[] {2, -0.5f, 1}, 1)));
    assertTrue(negative.getMessage().contains("log1p transform needs values ≥ 0, got -0.5 at"
        + " step 1"), negative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SeriesTransform(true, true, 0));
  }
}
