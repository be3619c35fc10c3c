package org.rnn4j.optim;

/**
 * Settings of {@link Sgd}, with PyTorch's names and defaults ({@code torch.optim.SGD}).
 *
 * @param learningRate lr &gt; 0
 * @param momentum μ ≥ 0 (0: plain SGD)
 * @param dampening τ in [0, 1]
 * @param nesterov Nesterov momentum; needs μ &gt; 0 and τ = 0
 * @param weightDecay λ ≥ 0, L2 penalty added to the gradient
 */
public record SgdConfig(
    double learningRate, double momentum, double dampening, boolean nesterov,
    double weightDecay) {
  public static final double DEFAULT_LEARNING_RATE = 1e-2;
  public static final double DEFAULT_MOMENTUM = 0;
  public static final double DEFAULT_DAMPENING = 0;
  public static final boolean DEFAULT_NESTEROV = false;
  public static final double DEFAULT_WEIGHT_DECAY = 0;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the first setting out of range
   */
  public SgdConfig {
    Checks.positive("learningRate", learningRate);
    Checks.nonNegative("momentum", momentum);
    Checks.closedUnitInterval("dampening", dampening);
    Checks.nonNegative("weightDecay", weightDecay);
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new IllegalArgumentException("nesterov needs momentum > 0 and dampening = 0: got "
          + "momentum " + momentum + ", dampening " + dampening);
    }
  }

  /**
   * Plain SGD.
   *
   * @param learningRate lr &gt; 0
   * @return the config, other settings at their defaults
   */
  public static SgdConfig of(double learningRate) {
    return new SgdConfig(learningRate, DEFAULT_MOMENTUM, DEFAULT_DAMPENING, DEFAULT_NESTEROV,
        DEFAULT_WEIGHT_DECAY);
  }

  /**
   * SGD with momentum (not Nesterov, no dampening).
   *
   * @param learningRate lr &gt; 0
   * @param momentum μ ≥ 0
   * @return the config, other settings at their defaults
   */
  public static SgdConfig withMomentum(double learningRate, double momentum) {
    return new SgdConfig(learningRate, momentum, DEFAULT_DAMPENING, DEFAULT_NESTEROV,
        DEFAULT_WEIGHT_DECAY);
  }
}
