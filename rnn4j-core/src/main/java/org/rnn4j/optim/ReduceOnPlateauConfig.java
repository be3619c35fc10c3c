package org.rnn4j.optim;

import java.util.Objects;

/**
 * Settings of {@link ReduceOnPlateau}, with PyTorch's names and defaults ({@code
 * torch.optim.lr_scheduler.ReduceLROnPlateau}).
 *
 * @param mode whether a lower ({@link Mode#MIN}, a loss) or higher ({@link Mode#MAX}, an
 *     accuracy) metric is better
 * @param factor the rate is multiplied by this on a plateau, in (0, 1)
 * @param patience epochs without improvement that are tolerated, ≥ 0
 * @param threshold least change that counts as an improvement, ≥ 0
 * @param thresholdMode relative ({@link ThresholdMode#REL}: best·(1 ∓ threshold)) or absolute
 *     ({@link ThresholdMode#ABS}: best ∓ threshold)
 * @param cooldown epochs after a reduction during which bad epochs are not counted, ≥ 0
 * @param minRate the rate never goes below this, ≥ 0
 * @param eps a reduction smaller than this is not applied, ≥ 0
 */
public record ReduceOnPlateauConfig(
    Mode mode, double factor, int patience, double threshold, ThresholdMode thresholdMode,
    int cooldown, double minRate, double eps) {
  public static final Mode DEFAULT_MODE = Mode.MIN;
  public static final double DEFAULT_FACTOR = 0.1;
  public static final int DEFAULT_PATIENCE = 10;
  public static final double DEFAULT_THRESHOLD = 1e-4;
  public static final ThresholdMode DEFAULT_THRESHOLD_MODE = ThresholdMode.REL;
  public static final int DEFAULT_COOLDOWN = 0;
  public static final double DEFAULT_MIN_RATE = 0;
  public static final double DEFAULT_EPS = 1e-8;

  /** Whether a lower or a higher metric is better. */
  public enum Mode {
    MIN,
    MAX
  }

  /** How {@code threshold} compares a metric with the best so far. */
  public enum ThresholdMode {
    REL,
    ABS
  }

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the first setting out of range
   */
  public ReduceOnPlateauConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(thresholdMode, "thresholdMode");
    if (!(factor > 0 && factor < 1)) {
      throw new IllegalArgumentException("factor must be in (0, 1): got " + factor);
    }
    Checks.atLeast("patience", patience, 0);
    Checks.nonNegative("threshold", threshold);
    Checks.atLeast("cooldown", cooldown, 0);
    Checks.nonNegative("minRate", minRate);
    Checks.nonNegative("eps", eps);
  }

  /**
   * PyTorch's defaults.
   *
   * @return mode min, factor 0.1, patience 10, threshold 1e−4 relative, no cooldown, min rate 0,
   *     eps 1e−8
   */
  public static ReduceOnPlateauConfig defaults() {
    return new ReduceOnPlateauConfig(DEFAULT_MODE, DEFAULT_FACTOR, DEFAULT_PATIENCE,
        DEFAULT_THRESHOLD, DEFAULT_THRESHOLD_MODE, DEFAULT_COOLDOWN, DEFAULT_MIN_RATE,
        DEFAULT_EPS);
  }

  /**
   * This config with another mode.
   *
   * @param value MIN or MAX
   * @return a new config
   */
  public ReduceOnPlateauConfig withMode(Mode value) {
    return new ReduceOnPlateauConfig(value, factor, patience, threshold, thresholdMode, cooldown,
        minRate, eps);
  }

  /**
   * This config with another factor.
   *
   * @param value in (0, 1)
   * @return a new config
   */
  public ReduceOnPlateauConfig withFactor(double value) {
    return new ReduceOnPlateauConfig(mode, value, patience, threshold, thresholdMode, cooldown,
        minRate, eps);
  }

  /**
   * This config with another patience.
   *
   * @param value ≥ 0
   * @return a new config
   */
  public ReduceOnPlateauConfig withPatience(int value) {
    return new ReduceOnPlateauConfig(mode, factor, value, threshold, thresholdMode, cooldown,
        minRate, eps);
  }

  /**
   * This config with another threshold and threshold mode.
   *
   * @param value ≥ 0
   * @param valueMode REL or ABS
   * @return a new config
   */
  public ReduceOnPlateauConfig withThreshold(double value, ThresholdMode valueMode) {
    return new ReduceOnPlateauConfig(mode, factor, patience, value, valueMode, cooldown, minRate,
        eps);
  }

  /**
   * This config with another cooldown.
   *
   * @param value ≥ 0
   * @return a new config
   */
  public ReduceOnPlateauConfig withCooldown(int value) {
    return new ReduceOnPlateauConfig(mode, factor, patience, threshold, thresholdMode, value,
        minRate, eps);
  }

  /**
   * This config with another minimum rate.
   *
   * @param value ≥ 0
   * @return a new config
   */
  public ReduceOnPlateauConfig withMinRate(double value) {
    return new ReduceOnPlateauConfig(mode, factor, patience, threshold, thresholdMode, cooldown,
        value, eps);
  }
}
