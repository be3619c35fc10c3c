package org.rnn4j.data.format;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.Features;
import org.rnn4j.data.ForecastExample;

/**
 * A multivariate time series: T observations of F named values.
 *
 * @param names (F) the value names
 * @param times (T) the time stamps as written in the file (empty strings if the file has none)
 * @param values (T, F) the observations
 */
public record TimeSeries(List<String> names, List<String> times, Features values) {

  /** Checks that the sizes agree. */
  public TimeSeries {
    names = List.copyOf(names);
    times = List.copyOf(times);
    if (names.size() != values.features() || times.size() != values.length()) {
      throw new IllegalArgumentException("expected " + values.features() + " names and "
          + values.length() + " times, got " + names.size() + " and " + times.size());
    }
  }

  /** T, the number of observations. */
  public int length() {
    return values.length();
  }

  /**
   * Sliding windows for forecasting: a history of {@code history} steps and the next {@code
   * horizon} steps, starting every {@code stride} steps.
   *
   * @param history W, steps seen, at least 1
   * @param horizon N, steps to predict, at least 1
   * @param stride steps between window starts, at least 1
   * @return the examples, in time order (empty if the series is shorter than W + N)
   */
  public List<ForecastExample> windows(int history, int horizon, int stride) {
    if (history < 1 || horizon < 1 || stride < 1) {
      throw new IllegalArgumentException("history, horizon and stride must be at least 1, got "
          + history + ", " + horizon + ", " + stride);
    }
    int f = values.features();
    float[] v = values.values();
    List<ForecastExample> out = new ArrayList<>();
    for (int s = 0; s + history + horizon <= length(); s += stride) {
      float[] h = java.util.Arrays.copyOfRange(v, s * f, (s + history) * f);
      float[] y = java.util.Arrays.copyOfRange(v, (s + history) * f, (s + history + horizon) * f);
      out.add(new ForecastExample(new Features(h, f), new Features(y, f)));
    }
    return out;
  }
}
