package org.rnn4j.optim;

import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * Adam (Kingma &amp; Ba 2015) with optional L2 weight decay and AMSGrad, as PyTorch's {@code
 * torch.optim.Adam}. For each parameter θ with gradient g, at its own step t (counting only the
 * steps in which it had a gradient):
 *
 * <pre>
 * g ← g + λ·θ                             weight decay (L2, coupled to the moments)
 * m ← β₁·m + (1 − β₁)·g                   exp_avg
 * v ← β₂·v + (1 − β₂)·g²                  exp_avg_sq
 * v̂ ← max(v̂, v); use v̂ for v below       max_exp_avg_sq (AMSGrad only)
 * θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * <p>State: {@code exp_avg}, {@code exp_avg_sq}, {@code max_exp_avg_sq} (AMSGrad) and {@code
 * step}.
 */
public final class Adam extends AbstractAdam implements Optimizer {
  private final AdamConfig config;

  /**
   * An optimizer over {@code parameters}.
   *
   * @param parameters named parameters, e.g. {@code model.parameters()}; the order is kept
   * @param config the settings
   * @throws IllegalArgumentException if {@code parameters} is empty or holds a tensor twice
   */
  public Adam(Map<String, Tensor> parameters, AdamConfig config) {
    super(parameters, config, 0);
    this.config = config;
  }

  /**
   * Adam with PyTorch's defaults and the given learning rate.
   *
   * @param parameters named parameters; the order is kept
   * @param learningRate lr &gt; 0
   * @return the optimizer
   */
  public static Adam of(Map<String, Tensor> parameters, double learningRate) {
    return new Adam(parameters, AdamConfig.defaults().withLearningRate(learningRate));
  }

  /** The settings this optimizer was built with (its learning rate may have changed since). */
  public AdamConfig config() {
    return config;
  }
}
