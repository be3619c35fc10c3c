package org.rnn4j.metrics;

/**
 * Point-forecast errors of forecasts ŷ against actual values y, over the n values given (for a
 * multivariate forecast of N steps and F values, the n = N·F values pooled, row-major):
 *
 * <pre>
 * MAE  = (1/n) Σ |y_i − ŷ_i|                      same unit as y
 * RMSE = sqrt((1/n) Σ (y_i − ŷ_i)²)               same unit as y; weighs large errors more
 * MAPE = (100/n) Σ |y_i − ŷ_i| / |y_i|            percent; undefined when some y_i = 0
 * </pre>
 * Sums are in double.
 */
public final class ForecastErrors {
  private ForecastErrors() {}

  /**
   * Mean absolute error.
   *
   * @param actual y (n), n ≥ 1
   * @param forecast ŷ (n)
   * @return MAE
   */
  public static double mae(float[] actual, float[] forecast) {
    check(actual, forecast);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs((double) actual[i] - forecast[i]);
    }
    return sum / actual.length;
  }

  /**
   * Root mean squared error.
   *
   * @param actual y (n), n ≥ 1
   * @param forecast ŷ (n)
   * @return RMSE
   */
  public static double rmse(float[] actual, float[] forecast) {
    check(actual, forecast);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double e = (double) actual[i] - forecast[i];
      sum += e * e;
    }
    return Math.sqrt(sum / actual.length);
  }

  /**
   * Mean absolute percentage error, in percent.
   *
   * @param actual y (n), n ≥ 1, no value 0
   * @param forecast ŷ (n)
   * @return MAPE in percent (12.5 means 12.5%)
   * @throws IllegalArgumentException if an actual value is 0, where the percentage error is
   *     undefined; the message names its index
   */
  public static double mape(float[] actual, float[] forecast) {
    check(actual, forecast);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] == 0) {
        throw new IllegalArgumentException("MAPE is undefined when an actual value is 0: actual["
            + i + "] = 0 (use MAE or RMSE for this series)");
      }
      sum += Math.abs(((double) actual[i] - forecast[i]) / actual[i]);
    }
    return 100 * sum / actual.length;
  }

  private static void check(float[] actual, float[] forecast) {
    if (actual.length == 0 || actual.length != forecast.length) {
      throw new IllegalArgumentException("actual and forecast must have the same n ≥ 1 values,"
          + " got " + actual.length + " and " + forecast.length);
    }
  }
}
