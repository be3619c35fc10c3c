package org.rnn4j.task.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rnn4j.data.Features;
import org.rnn4j.metrics.ForecastScore;

class HoldoutTest {

  @Test
  void forecastsTheHeldOutTailFromTheStepsBeforeIt() {
    Features series = new Features(new float[] {1, 2, 3, 4, 5, 6, 8, 9}, 1);
    Holdout h = Holdout.of(series, 3);
    assertArrayEquals(new float[] {1, 2, 3, 4, 5}, h.history().values());
    assertArrayEquals(new float[] {6, 8, 9}, h.actual().values());
    Features seasonal = h.forecast(Baselines.seasonalNaive(2));
    assertArrayEquals(new float[] {4, 5, 4}, seasonal.values());
    ForecastScore s = h.score(seasonal);
    assertEquals((2 + 3 + 5) / 3.0, s.mae(), 1e-12);
    assertArrayEquals(new float[] {5, 5, 5}, h.forecast(Baselines.naive()).values());
  }

  @Test
  void rejectsHoldingOutEverything() {
    Features series = new Features(new float[] {1, 2}, 1);
    assertThrows(IllegalArgumentException.class, () -> Holdout.of(series, 2));
    assertThrows(IllegalArgumentException.class,
        () -> Holdout.of(series, 1).score(new Features(new float[] {1, 2}, 1)));
  }
}
