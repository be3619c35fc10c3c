package org.rnn4j.optim;

import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * AdamW (Loshchilov &amp; Hutter 2019): Adam with weight decay decoupled from the gradient, as
 * PyTorch's {@code torch.optim.AdamW}. For each parameter θ with gradient g, at its own step t:
 *
 * <pre>
 * θ ← θ − lr·λ·θ                          decoupled weight decay (g is not changed)
 * m ← β₁·m + (1 − β₁)·g                   exp_avg
 * v ← β₂·v + (1 − β₂)·g²                  exp_avg_sq
 * v̂ ← max(v̂, v); use v̂ for v below       max_exp_avg_sq (AMSGrad only)
 * θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * <p>The decay and the Adam step are one pass over θ. State: as {@link Adam}'s.
 */
public final class AdamW extends AbstractAdam implements Optimizer {
  /** PyTorch's AdamW default λ; its other defaults are Adam's. */
  public static final double DEFAULT_WEIGHT_DECAY = 1e-2;
  private final AdamConfig config;

  /**
   * An optimizer over {@code parameters}.
   *
   * @param parameters named parameters, e.g. {@code model.parameters()}; the order is kept
   * @param config the settings
   * @throws IllegalArgumentException if {@code parameters} is empty or holds a tensor twice
   */
  public AdamW(Map<String, Tensor> parameters, AdamConfig config) {
    // Adam without the L2 term, plus decoupled decay
    super(parameters, config.withWeightDecay(0), config.weightDecay());
    this.config = config;
  }

  /**
   * AdamW with PyTorch's defaults (λ = 0.01) and the given learning rate.
   *
   * @param parameters named parameters; the order is kept
   * @param learningRate lr &gt; 0
   * @return the optimizer
   */
  public static AdamW of(Map<String, Tensor> parameters, double learningRate) {
    return new AdamW(parameters, defaults().withLearningRate(learningRate));
  }

  /**
   * PyTorch's {@code torch.optim.AdamW} defaults.
   *
   * @return lr 1e−3, β (0.9, 0.999), ε 1e−8, decoupled weight decay 0.01, no AMSGrad
   */
  public static AdamConfig defaults() {
    return AdamConfig.defaults().withWeightDecay(DEFAULT_WEIGHT_DECAY);
  }

  /**
   * The settings this optimizer was built with (its learning rate may have changed since); its
   * weight decay is the decoupled λ.
   */
  public AdamConfig config() {
    return config;
  }
}
