package org.rnn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForecastErrorsTest {
  private static final float[] ACTUAL = {2, 4, 5, 10};
  private static final float[] FORECAST = {1, 5, 5, 13};

  /** Errors 1, −1, 0, −3: |e| sums to 5, e² to 11, |e|/y to 0.5 + 0.25 + 0 + 0.3. */
  @Test
  void matchHandComputedValues() {
    assertEquals(5.0 / 4, ForecastErrors.mae(ACTUAL, FORECAST), 1e-12);
    assertEquals(Math.sqrt(11.0 / 4), ForecastErrors.rmse(ACTUAL, FORECAST), 1e-12);
    assertEquals(100 * 1.05 / 4, ForecastErrors.mape(ACTUAL, FORECAST), 1e-9);
    ForecastScore s = ForecastScore.of(ACTUAL, FORECAST);
    assertEquals(1.25, s.mae(), 1e-12);
    assertEquals(26.25, s.mape().getAsDouble(), 1e-9);
  }

  @Test
  void perfectForecastHasNoError() {
    assertEquals(0, ForecastErrors.mae(ACTUAL, ACTUAL));
    assertEquals(0, ForecastErrors.rmse(ACTUAL, ACTUAL));
    assertEquals(0, ForecastErrors.mape(ACTUAL, ACTUAL));
  }

  @Test
  void mapeOfAZeroActualIsAClearError() {
    float[] actual = {3, 0, 1};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ForecastErrors.mape(actual, new float[] {3, 1, 1}));
    assertTrue(e.getMessage().contains("actual[1] = 0"), e.getMessage());
    ForecastScore s = ForecastScore.of(actual, new float[] {3, 1, 1});
    assertTrue(s.mape().isEmpty());
    assertEquals(1.0 / 3, s.mae(), 1e-12);
  }

  @Test
  void mismatchedLengthsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> ForecastErrors.mae(new float[] {1, 2}, new float[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> ForecastErrors.rmse(new float[0], new float[0]));
  }
}
