package org.rnn4j.task.forecast;

import org.rnn4j.data.Features;
import org.rnn4j.kernel.Sizes;

/**
 * The fixed preprocessing of a series before it is normalised: an optional natural log (for
 * multiplicative series whose swings grow with their level) or log(1 + x) (the same for counts
 * and amounts that may be 0), then differencing at lag d (to remove a trend with d = 1, or a trend
 * and a season of length m with d = m).
 *
 * <pre>
 * g(x) = ln x when log, ln(1 + x) when log1p, else x      x (T, F) raw, every x &gt; 0 when log,
 *                                                         every x ≥ 0 when log1p
 * inverse of g: e^g, e^g − 1, g
 * u⟨t⟩ = g(x⟨t+d⟩) − g(x⟨t⟩)   for t = 0 … T−d−1   (d &gt; 0)       u (T−d, F)
 * u⟨t⟩ = g(x⟨t⟩)                                   (d = 0)
 * inverse, for future steps k = 0 … N−1 after a history x⟨0…T−1⟩:
 * g(x̂⟨T+k⟩) = û⟨k⟩ + g(x⟨T+k−d⟩), where x⟨T+k−d⟩ is itself a forecast x̂ once T+k−d ≥ T
 * </pre>
 * The arithmetic is in double; only the results are rounded to float.
 *
 * @param log whether to take the natural log first
 * @param log1p whether to take log(1 + x) first (not with {@code log})
 * @param lag d, the differencing lag; 0 for no differencing
 */
public record SeriesTransform(boolean log, boolean log1p, int lag) {
  /** No transform: u = x. */
  public static final SeriesTransform NONE = new SeriesTransform(false, 0);

  /** Checks the lag, and that at most one log is asked for. */
  public SeriesTransform {
    if (lag < 0) {
      throw new IllegalArgumentException("lag must be at least 0 (0 = no differencing), got "
          + lag);
    }
    if (log && log1p) {
      throw new IllegalArgumentException("log and log1p exclude each other: take one of them");
    }
  }

  /**
   * An optional natural log and differencing, without log(1 + x).
   *
   * @param log whether to take the natural log first
   * @param lag d, the differencing lag; 0 for no differencing
   */
  public SeriesTransform(boolean log, int lag) {
    this(log, false, lag);
  }

  /**
   * The transformed series.
   *
   * @param raw x (T, F), T &gt; d; every value positive when {@code log}, at least 0 when
   *     {@code log1p}
   * @return u (T − d, F)
   * @throws IllegalArgumentException if the series is too short or, with log, holds a value ≤ 0
   *     (with log1p, a value &lt; 0)
   */
  public Features apply(Features raw) {
    int f = raw.features();
    int t = raw.length();
    if (t <= lag) {
      throw new IllegalArgumentException("a series must have more steps than the differencing lag"
          + " d = " + lag + ", got " + t);
    }
    double[] g = g(raw); // (T, F)
    float[] u = new float[Sizes.product(t - lag, f)]; // (T − d, F)
    for (int i = 0; i < u.length; i++) {
      u[i] = (float) (lag == 0 ? g[i] : g[i + lag * f] - g[i]);
    }
    return new Features(u, f);
  }

  /**
   * Raw values of future steps from their transformed values.
   *
   * @param history x (T, F), the raw steps before the future, T ≥ d
   * @param future û (N, F), transformed values of the N steps after the history
   * @return x̂ (N, F), the raw values
   */
  public Features invert(Features history, Features future) {
    int f = history.features();
    if (future.features() != f) {
      throw new IllegalArgumentException("future must have the history's F = " + f + " values per"
          + " step, got " + future.features());
    }
    if (history.length() < lag) {
      throw new IllegalArgumentException("the history must have at least d = " + lag
          + " steps to undo differencing, got " + history.length());
    }
    int t = history.length();
    int n = future.length();
    // (T + N, F): g(x) of history, then of the forecasts
    double[] g = new double[Sizes.product(t + n, f)];
    System.arraycopy(g(history), 0, g, 0, t * f);
    float[] x = new float[Sizes.product(n, f)]; // (N, F)
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < f; j++) {
        int at = (t + k) * f + j;
        g[at] = future.get(k, j) + (lag == 0 ? 0 : g[at - lag * f]);
        x[k * f + j] = (float) (log ? Math.exp(g[at]) : log1p ? Math.expm1(g[at]) : g[at]);
      }
    }
    return new Features(x, f);
  }

  /** g(x) of every value, in double. */
  private double[] g(Features raw) {
    float[] x = raw.values();
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      if (log && !(x[i] > 0)) {
        throw new IllegalArgumentException("the log transform needs positive values, got " + x[i]
            + " at step " + i / raw.features() + ", value " + i % raw.features());
      }
      if (log1p && !(x[i] >= 0)) {
        throw new IllegalArgumentException("the log1p transform needs values ≥ 0, got " + x[i]
            + " at step " + i / raw.features() + ", value " + i % raw.features());
      }
      g[i] = log ? Math.log(x[i]) : log1p ? Math.log1p(x[i]) : x[i];
    }
    return g;
  }
}
