package org.rnn4j.optim;

import java.util.Objects;
import org.rnn4j.optim.ReduceOnPlateauConfig.Mode;
import org.rnn4j.optim.ReduceOnPlateauConfig.ThresholdMode;

/**
 * Lowers the learning rate when a validation metric stops improving, as PyTorch's {@code
 * ReduceLROnPlateau}. Fed one metric per epoch through {@link #observe(double)}:
 *
 * <pre>
 * improved = metric &lt; best·(1 − threshold)     (MIN, REL)
 *            metric &lt; best − threshold         (MIN, ABS)
 *            metric &gt; best·(1 + threshold)     (MAX, REL)
 *            metric &gt; best + threshold         (MAX, ABS)
 * improved: best ← metric, bad ← 0;   else bad ← bad + 1
 * in cooldown (cooldownLeft &gt; 0): cooldownLeft ← cooldownLeft − 1, bad ← 0
 * bad &gt; patience: rate ← max(rate·factor, minRate) if that lowers it by more than eps;
 *                 cooldownLeft ← cooldown, bad ← 0
 * </pre>
 *
 * A NaN metric never improves. Its {@link State} holds everything needed to resume.
 */
public final class ReduceOnPlateau {
  private final ReduceOnPlateauConfig config;
  private State state;

  /**
   * The state of a {@link ReduceOnPlateau}, for checkpoints.
   *
   * @param rate the current learning rate, ≥ 0
   * @param best the best metric so far (+∞ for MIN, −∞ for MAX before the first)
   * @param badEpochs epochs without improvement counted so far, ≥ 0
   * @param cooldownLeft epochs of cooldown left, ≥ 0
   * @param epochs metrics observed so far, ≥ 0
   */
  public record State(double rate, double best, int badEpochs, int cooldownLeft, long epochs) {
    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException naming the first value out of range
     */
    public State {
      Checks.nonNegative("rate", rate);
      if (Double.isNaN(best)) {
        throw new IllegalArgumentException("best must not be NaN");
      }
      Checks.atLeast("badEpochs", badEpochs, 0);
      Checks.atLeast("cooldownLeft", cooldownLeft, 0);
      Checks.atLeast("epochs", epochs, 0);
    }
  }

  /**
   * A controller that starts at {@code initialRate}.
   *
   * @param initialRate the learning rate before any reduction, &gt; 0
   * @param config the settings
   * @throws IllegalArgumentException if {@code initialRate} is not positive and finite
   */
  public ReduceOnPlateau(double initialRate, ReduceOnPlateauConfig config) {
    Checks.positive("initialRate", initialRate);
    this.config = Objects.requireNonNull(config, "config");
    double worst = config.mode() == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    this.state = new State(initialRate, worst, 0, 0, 0);
  }

  /** The settings. */
  public ReduceOnPlateauConfig config() {
    return config;
  }

  /**
   * The current learning rate.
   *
   * @return the rate to use for the next epoch
   */
  public double rate() {
    return state.rate();
  }

  /**
   * Takes the metric of the epoch just finished and updates the rate.
   *
   * @param metric the validation metric (NaN counts as no improvement)
   * @return the rate to use for the next epoch
   */
  public double observe(double metric) {
    double best = state.best();
    int bad = state.badEpochs() + 1;
    if (isBetter(metric, best)) {
      best = metric;
      bad = 0;
    }
    int cooldownLeft = state.cooldownLeft();
    if (cooldownLeft > 0) {
      cooldownLeft--;
      bad = 0;
    }
    double rate = state.rate();
    if (bad > config.patience()) {
      double reduced = Math.max(rate * config.factor(), config.minRate());
      if (rate - reduced > config.eps()) {
        rate = reduced;
      }
      cooldownLeft = config.cooldown();
      bad = 0;
    }
    state = new State(rate, best, bad, cooldownLeft, state.epochs() + 1);
    return rate;
  }

  private boolean isBetter(double metric, double best) {
    boolean rel = config.thresholdMode() == ThresholdMode.REL;
    double threshold = config.threshold();
    if (config.mode() == Mode.MIN) {
      return rel ? metric < best * (1 - threshold) : metric < best - threshold;
    }
    return rel ? metric > best * (1 + threshold) : metric > best + threshold;
  }

  /**
   * The state, for a checkpoint.
   *
   * @return an immutable snapshot
   */
  public State state() {
    return state;
  }

  /**
   * Restores a state from {@link #state()}.
   *
   * @param saved the state
   * @throws IllegalArgumentException if {@code saved.cooldownLeft()} exceeds the configured
   *     cooldown
   */
  public void loadState(State saved) {
    Objects.requireNonNull(saved, "saved");
    if (saved.cooldownLeft() > config.cooldown()) {
      throw new IllegalArgumentException("cooldownLeft must not exceed cooldown: expected <= "
          + config.cooldown() + ", got " + saved.cooldownLeft());
    }
    this.state = saved;
  }
}
