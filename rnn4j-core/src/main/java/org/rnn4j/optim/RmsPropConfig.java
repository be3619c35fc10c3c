package org.rnn4j.optim;

/**
 * Settings of {@link RmsProp}, with PyTorch's names and defaults ({@code torch.optim.RMSprop}).
 *
 * @param learningRate lr &gt; 0
 * @param alpha smoothing constant α in [0, 1)
 * @param eps ε &gt; 0, added outside the square root
 * @param weightDecay λ ≥ 0, L2 penalty added to the gradient
 * @param momentum μ ≥ 0 (0: no momentum buffer)
 * @param centered normalise by the estimated variance of g instead of its second moment
 */
public record RmsPropConfig(
    double learningRate, double alpha, double eps, double weightDecay, double momentum,
    boolean centered) {
  public static final double DEFAULT_LEARNING_RATE = 1e-2;
  public static final double DEFAULT_ALPHA = 0.99;
  public static final double DEFAULT_EPS = 1e-8;
  public static final double DEFAULT_WEIGHT_DECAY = 0;
  public static final double DEFAULT_MOMENTUM = 0;
  public static final boolean DEFAULT_CENTERED = false;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the first setting out of range
   */
  public RmsPropConfig {
    Checks.positive("learningRate", learningRate);
    Checks.unitInterval("alpha", alpha);
    Checks.positive("eps", eps);
    Checks.nonNegative("weightDecay", weightDecay);
    Checks.nonNegative("momentum", momentum);
  }

  /**
   * PyTorch's defaults.
   *
   * @return lr 0.01, α 0.99, ε 1e−8, no weight decay, no momentum, not centered
   */
  public static RmsPropConfig defaults() {
    return new RmsPropConfig(DEFAULT_LEARNING_RATE, DEFAULT_ALPHA, DEFAULT_EPS,
        DEFAULT_WEIGHT_DECAY, DEFAULT_MOMENTUM, DEFAULT_CENTERED);
  }

  /**
   * This config with another learning rate.
   *
   * @param value lr &gt; 0
   * @return a new config
   */
  public RmsPropConfig withLearningRate(double value) {
    return new RmsPropConfig(value, alpha, eps, weightDecay, momentum, centered);
  }

  /**
   * This config with another smoothing constant.
   *
   * @param value α in [0, 1)
   * @return a new config
   */
  public RmsPropConfig withAlpha(double value) {
    return new RmsPropConfig(learningRate, value, eps, weightDecay, momentum, centered);
  }

  /**
   * This config with another ε.
   *
   * @param value ε &gt; 0
   * @return a new config
   */
  public RmsPropConfig withEps(double value) {
    return new RmsPropConfig(learningRate, alpha, value, weightDecay, momentum, centered);
  }

  /**
   * This config with another weight decay.
   *
   * @param value λ ≥ 0
   * @return a new config
   */
  public RmsPropConfig withWeightDecay(double value) {
    return new RmsPropConfig(learningRate, alpha, eps, value, momentum, centered);
  }

  /**
   * This config with another momentum.
   *
   * @param value μ ≥ 0
   * @return a new config
   */
  public RmsPropConfig withMomentum(double value) {
    return new RmsPropConfig(learningRate, alpha, eps, weightDecay, value, centered);
  }

  /**
   * This config, centered or not.
   *
   * @param value whether to center
   * @return a new config
   */
  public RmsPropConfig withCentered(boolean value) {
    return new RmsPropConfig(learningRate, alpha, eps, weightDecay, momentum, value);
  }
}
