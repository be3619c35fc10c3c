package org.rnn4j.task.forecast;

import org.rnn4j.data.Features;
import org.rnn4j.kernel.Sizes;

/**
 * The forecasts a model must beat, each value of a feature forecast from that feature alone.
 *
 * <pre>
 * history y⟨1…T⟩, horizon step h = 1 … N, season length m:
 * naive:           ŷ⟨T+h⟩ = y⟨T⟩                       (the last value, repeated)
 * seasonal naive:  ŷ⟨T+h⟩ = y⟨T+h−m·⌈h/m⌉⌉              (the value one season back, from the last
 *                                                        observed season, repeated)
 * </pre>
 * The naive forecast is the seasonal-naive one with m = 1.
 */
public final class Baselines {
  private Baselines() {}

  /** The naive forecast as a method. */
  public static ForecastMethod naive() {
    return Baselines::naive;
  }

  /**
   * The seasonal-naive forecast as a method.
   *
   * @param season m ≥ 1
   * @return the method
   */
  public static ForecastMethod seasonalNaive(int season) {
    if (season < 1) {
      throw new IllegalArgumentException("season must be at least 1, got " + season);
    }
    return (history, horizon) -> seasonalNaive(history, horizon, season);
  }

  /**
   * The last value, repeated.
   *
   * @param history y (T, F), T ≥ 1
   * @param horizon N ≥ 1
   * @return ŷ (N, F)
   */
  public static Features naive(Features history, int horizon) {
    return seasonalNaive(history, horizon, 1);
  }

  /**
   * The value of the same position in the last observed season.
   *
   * @param history y (T, F), T ≥ m
   * @param horizon N ≥ 1
   * @param season m ≥ 1
   * @return ŷ (N, F)
   * @throws IllegalArgumentException if the history is shorter than one season
   */
  public static Features seasonalNaive(Features history, int horizon, int season) {
    if (horizon < 1 || season < 1) {
      throw new IllegalArgumentException("horizon and season must be at least 1, got " + horizon
          + " and " + season);
    }
    int t = history.length();
    if (t < season) {
      throw new IllegalArgumentException("the seasonal-naive forecast needs at least one season"
          + " of m = " + season + " steps of history, got " + t);
    }
    int f = history.features();
    float[] y = new float[Sizes.product(horizon, f)]; // (N, F)
    for (int h = 1; h <= horizon; h++) {
      int seasonsBack = (h + season - 1) / season; // ⌈h/m⌉
      int from = t + h - season * seasonsBack; // 1-based position T+h−m⌈h/m⌉ is 0-based from−1
      System.arraycopy(history.values(), (from - 1) * f, y, (h - 1) * f, f);
    }
    return new Features(y, f);
  }
}
