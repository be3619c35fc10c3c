package org.rnn4j.optim;

/**
 * Settings of {@link Adam} and {@link AdamW}, with PyTorch's names and defaults ({@code
 * torch.optim.Adam}; {@link AdamW#defaults()} for {@code torch.optim.AdamW}'s).
 *
 * @param learningRate lr &gt; 0
 * @param beta1 β₁ in [0, 1), decay of the first moment
 * @param beta2 β₂ in [0, 1), decay of the second moment
 * @param eps ε &gt; 0, added to the denominator
 * @param weightDecay λ ≥ 0: for {@link Adam} an L2 penalty added to the gradient, g ← g + λ·θ;
 *     for {@link AdamW} decoupled, θ ← θ − lr·λ·θ before the Adam step
 * @param amsgrad use the running maximum of the second moment (Reddi et al. 2018)
 */
public record AdamConfig(
    double learningRate, double beta1, double beta2, double eps, double weightDecay,
    boolean amsgrad) {
  public static final double DEFAULT_LEARNING_RATE = 1e-3;
  public static final double DEFAULT_BETA1 = 0.9;
  public static final double DEFAULT_BETA2 = 0.999;
  public static final double DEFAULT_EPS = 1e-8;
  public static final double DEFAULT_WEIGHT_DECAY = 0;
  public static final boolean DEFAULT_AMSGRAD = false;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the first setting out of range
   */
  public AdamConfig {
    Checks.positive("learningRate", learningRate);
    Checks.unitInterval("beta1", beta1);
    Checks.unitInterval("beta2", beta2);
    Checks.positive("eps", eps);
    Checks.nonNegative("weightDecay", weightDecay);
  }

  /**
   * PyTorch's defaults.
   *
   * @return lr 1e−3, β (0.9, 0.999), ε 1e−8, no weight decay, no AMSGrad
   */
  public static AdamConfig defaults() {
    return new AdamConfig(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS,
        DEFAULT_WEIGHT_DECAY, DEFAULT_AMSGRAD);
  }

  /**
   * This config with another learning rate.
   *
   * @param value lr &gt; 0
   * @return a new config
   */
  public AdamConfig withLearningRate(double value) {
    return new AdamConfig(value, beta1, beta2, eps, weightDecay, amsgrad);
  }

  /**
   * This config with other moment decays.
   *
   * @param b1 β₁ in [0, 1)
   * @param b2 β₂ in [0, 1)
   * @return a new config
   */
  public AdamConfig withBetas(double b1, double b2) {
    return new AdamConfig(learningRate, b1, b2, eps, weightDecay, amsgrad);
  }

  /**
   * This config with another ε.
   *
   * @param value ε &gt; 0
   * @return a new config
   */
  public AdamConfig withEps(double value) {
    return new AdamConfig(learningRate, beta1, beta2, value, weightDecay, amsgrad);
  }

  /**
   * This config with another L2 weight decay.
   *
   * @param value λ ≥ 0
   * @return a new config
   */
  public AdamConfig withWeightDecay(double value) {
    return new AdamConfig(learningRate, beta1, beta2, eps, value, amsgrad);
  }

  /**
   * This config with AMSGrad on or off.
   *
   * @param value whether to use AMSGrad
   * @return a new config
   */
  public AdamConfig withAmsgrad(boolean value) {
    return new AdamConfig(learningRate, beta1, beta2, eps, weightDecay, value);
  }
}
