package org.rnn4j.train;

/**
 * Stop when a validation metric has not improved for {@code patience} epochs, and restore the
 * weights of the best epoch.
 *
 * @param metric the validation metric to monitor, e.g. "loss" or "accuracy"
 * @param maximize whether larger is better
 * @param patience epochs without improvement before stopping, at least 1
 */
public record EarlyStopping(String metric, boolean maximize, int patience) {

  /** Checks the settings. */
  public EarlyStopping {
    if (metric == null || metric.isBlank()) {
      throw new IllegalArgumentException("early stopping needs a metric name");
    }
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be at least 1, got " + patience);
    }
  }

  /** Monitor the validation loss (smaller is better). */
  public static EarlyStopping onLoss(int patience) {
    return new EarlyStopping("loss", false, patience);
  }

  boolean better(double candidate, double best) {
    return maximize ? candidate > best : candidate < best;
  }
}
