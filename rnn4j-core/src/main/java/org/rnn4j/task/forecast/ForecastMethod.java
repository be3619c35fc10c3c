package org.rnn4j.task.forecast;

import org.rnn4j.data.Features;

/** Anything that forecasts the next steps of a raw series: a model, an ensemble, a baseline. */
@FunctionalInterface
public interface ForecastMethod {

  /**
   * @param history x (T, F) raw values
   * @param horizon N ≥ 1, steps to forecast
   * @return x̂ (N, F) raw forecasts of the steps T … T+N−1
   */
  Features forecast(Features history, int horizon);
}
