package org.rnn4j.task.forecast;

import java.util.Arrays;
import org.rnn4j.data.Features;
import org.rnn4j.metrics.ForecastScore;

/**
 * The last N steps of a series held out as the actual values of a forecast made from the steps
 * before them:
 *
 * <pre>
 * series (T, F) = [ history (T−N, F) | actual (N, F) ]     forecast: method(history, N) (N, F)
 * </pre>
 *
 * @param history the steps a forecast may see
 * @param actual the N held-out steps
 */
public record Holdout(Features history, Features actual) {

  /** Checks that both parts have the same F. */
  public Holdout {
    if (history.features() != actual.features()) {
      throw new IllegalArgumentException("history and actual must have the same F, got "
          + history.features() + " and " + actual.features());
    }
  }

  /**
   * Splits off the last {@code steps} of a series.
   *
   * @param series (T, F)
   * @param steps N, in [1, T − 1]
   * @return the history and the held-out actual values
   */
  public static Holdout of(Features series, int steps) {
    int t = series.length();
    if (steps < 1 || steps >= t) {
      throw new IllegalArgumentException("the held-out steps must lie in [1, T − 1 = " + (t - 1)
          + "] so that some history remains, got " + steps);
    }
    int f = series.features();
    float[] v = series.values();
    return new Holdout(new Features(Arrays.copyOf(v, (t - steps) * f), f),
        new Features(Arrays.copyOfRange(v, (t - steps) * f, t * f), f));
  }

  /** N, the number of held-out steps. */
  public int steps() {
    return actual.length();
  }

  /**
   * @param method the model or baseline
   * @return its forecast (N, F) of the held-out steps from the history
   */
  public Features forecast(ForecastMethod method) {
    return method.forecast(history, steps());
  }

  /**
   * @param forecast (N, F) a forecast of the held-out steps
   * @return its errors against the actual values, over all N·F values
   */
  public ForecastScore score(Features forecast) {
    if (forecast.length() != steps() || forecast.features() != actual.features()) {
      throw new IllegalArgumentException("the forecast must be (N, F) = (" + steps() + ", "
          + actual.features() + "), got (" + forecast.length() + ", " + forecast.features() + ")");
    }
    return ForecastScore.of(actual.values(), forecast.values());
  }
}
