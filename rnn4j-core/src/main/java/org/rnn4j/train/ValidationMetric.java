package org.rnn4j.train;

/**
 * A validation metric an objective reports after every epoch, with the direction in which it
 * improves: what early stopping, best-epoch selection and reduce-on-plateau watch.
 *
 * @param name the key in {@link Objective#evaluate}'s map, e.g. "loss" or "accuracy"
 * @param higherIsBetter true for a score (accuracy, F1), false for an error (loss, perplexity)
 * @param description a few words for help and messages
 */
public record ValidationMetric(String name, boolean higherIsBetter, String description) {
  /** The mean validation loss every objective reports; lower is better. */
  public static final ValidationMetric LOSS =
      new ValidationMetric("loss", false, "the mean validation loss");

  /** Checks the name. */
  public ValidationMetric {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a validation metric needs a name");
    }
  }

  /** A score: higher is better. */
  public static ValidationMetric higher(String name, String description) {
    return new ValidationMetric(name, true, description);
  }

  /** An error: lower is better. */
  public static ValidationMetric lower(String name, String description) {
    return new ValidationMetric(name, false, description);
  }

  /**
   * Early stopping on this metric.
   *
   * @param patience epochs without improvement before stopping, at least 1
   * @return the rule
   */
  public EarlyStopping earlyStopping(int patience) {
    return new EarlyStopping(name, higherIsBetter, patience);
  }

  /** "accuracy (higher is better)". */
  @Override
  public String toString() {
    return name + " (" + (higherIsBetter ? "higher" : "lower") + " is better)";
  }
}
