package org.rnn4j.metrics;

import java.util.OptionalDouble;

/**
 * The errors of one forecast against the actual values (formulas in {@link ForecastErrors}).
 *
 * @param mae mean absolute error
 * @param rmse root mean squared error
 * @param mape mean absolute percentage error in percent; empty when an actual value is 0
 */
public record ForecastScore(double mae, double rmse, OptionalDouble mape) {

  /**
   * Scores a forecast.
   *
   * @param actual y (n), n ≥ 1
   * @param forecast ŷ (n)
   * @return MAE, RMSE and, when no actual value is 0, MAPE
   */
  public static ForecastScore of(float[] actual, float[] forecast) {
    boolean zero = false;
    for (float y : actual) {
      zero |= y == 0;
    }
    return new ForecastScore(ForecastErrors.mae(actual, forecast),
        ForecastErrors.rmse(actual, forecast),
        zero ? OptionalDouble.empty() : OptionalDouble.of(ForecastErrors.mape(actual, forecast)));
  }
}
