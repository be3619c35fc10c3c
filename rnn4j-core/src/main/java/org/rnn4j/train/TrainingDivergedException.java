package org.rnn4j.train;

/**
 * Training met a NaN or infinite loss or gradient. The message names the epoch and step; the
 * parameters were not updated with it, and the last checkpoint on disk is the last good one.
 */
public final class TrainingDivergedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public TrainingDivergedException(String message) {
    super(message);
  }
}
