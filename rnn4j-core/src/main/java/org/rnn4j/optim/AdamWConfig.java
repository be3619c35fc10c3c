package org.rnn4j.optim;

/**
 * Settings of {@link AdamW}, with PyTorch's names and defaults ({@code torch.optim.AdamW}).
 *
 * @param learningRate lr &gt; 0
 * @param beta1 β₁ in [0, 1), decay of the first moment
 * @param beta2 β₂ in [0, 1), decay of the second moment
 * @param eps ε &gt; 0, added to the denominator
 * @param weightDecay λ ≥ 0, decoupled: θ ← θ − lr·λ·θ before the Adam step
 * @param amsgrad use the running maximum of the second moment
 */
public record AdamWConfig(
    double learningRate, double beta1, double beta2, double eps, double weightDecay,
    boolean amsgrad) {
  // PyTorch's AdamW defaults are Adam's, except for the weight decay
  public static final double DEFAULT_LEARNING_RATE = AdamConfig.DEFAULT_LEARNING_RATE;
  public static final double DEFAULT_BETA1 = AdamConfig.DEFAULT_BETA1;
  public static final double DEFAULT_BETA2 = AdamConfig.DEFAULT_BETA2;
  public static final double DEFAULT_EPS = AdamConfig.DEFAULT_EPS;
  public static final double DEFAULT_WEIGHT_DECAY = 1e-2;
  public static final boolean DEFAULT_AMSGRAD = AdamConfig.DEFAULT_AMSGRAD;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the first setting out of range
   */
  public AdamWConfig {
    Checks.positive("learningRate", learningRate);
    Checks.unitInterval("beta1", beta1);
    Checks.unitInterval("beta2", beta2);
    Checks.positive("eps", eps);
    Checks.nonNegative("weightDecay", weightDecay);
  }

  /**
   * PyTorch's defaults.
   *
   * @return lr 1e−3, β (0.9, 0.999), ε 1e−8, weight decay 0.01, no AMSGrad
   */
  public static AdamWConfig defaults() {
    return new AdamWConfig(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS,
        DEFAULT_WEIGHT_DECAY, DEFAULT_AMSGRAD);
  }

  /**
   * This config with another learning rate.
   *
   * @param value lr &gt; 0
   * @return a new config
   */
  public AdamWConfig withLearningRate(double value) {
    return new AdamWConfig(value, beta1, beta2, eps, weightDecay, amsgrad);
  }

  /**
   * This config with other moment decays.
   *
   * @param b1 β₁ in [0, 1)
   * @param b2 β₂ in [0, 1)
   * @return a new config
   */
  public AdamWConfig withBetas(double b1, double b2) {
    return new AdamWConfig(learningRate, b1, b2, eps, weightDecay, amsgrad);
  }

  /**
   * This config with another ε.
   *
   * @param value ε &gt; 0
   * @return a new config
   */
  public AdamWConfig withEps(double value) {
    return new AdamWConfig(learningRate, beta1, beta2, value, weightDecay, amsgrad);
  }

  /**
   * This config with another decoupled weight decay.
   *
   * @param value λ ≥ 0
   * @return a new config
   */
  public AdamWConfig withWeightDecay(double value) {
    return new AdamWConfig(learningRate, beta1, beta2, eps, value, amsgrad);
  }

  /**
   * This config with AMSGrad on or off.
   *
   * @param value whether to use AMSGrad
   * @return a new config
   */
  public AdamWConfig withAmsgrad(boolean value) {
    return new AdamWConfig(learningRate, beta1, beta2, eps, weightDecay, value);
  }
}
