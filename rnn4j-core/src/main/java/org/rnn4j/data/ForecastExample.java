package org.rnn4j.data;

/**
 * Sequence → next values: the values of the next N steps after a history.
 *
 * @param history (T, F) the observed steps, at least one
 * @param future (N, F) the steps to predict, at least one, with the history's F
 */
public record ForecastExample(Features history, Features future) {

  /** Checks the parts. */
  public ForecastExample {
    Checks.nonEmpty(history, "history");
    Checks.nonEmpty(future, "future");
    if (future.features() != history.features()) {
      throw new IllegalArgumentException("future must have the history's features: expected "
          + history.features() + ", got " + future.features());
    }
  }
}
