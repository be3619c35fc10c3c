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
public final class Adam implements Optimizer {
  private final AdamConfig config;
  private final AdamUpdate update;
  private double learningRate;

  /**
   * An optimizer over {@code parameters}.
   *
   * @param parameters named parameters, e.g. {@code model.parameters()}; the order is kept
   * @param config the settings
   * @throws IllegalArgumentException if {@code parameters} is empty or holds a tensor twice
   */
  public Adam(Map<String, Tensor> parameters, AdamConfig config) {
    this.config = config;
    this.update = new AdamUpdate(parameters, config.beta1(), config.beta2(), config.eps(),
        config.amsgrad());
    this.learningRate = config.learningRate();
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

  @Override
  public void step() {
    update.step(learningRate, config.weightDecay(), 0);
  }

  @Override
  public void zeroGrad() {
    update.state().zeroGrad();
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public void setLearningRate(double rate) {
    Checks.nonNegative("learning rate", rate);
    this.learningRate = rate;
  }

  @Override
  public Map<String, Tensor> state() {
    return update.state().export();
  }

  @Override
  public void loadState(Map<String, Tensor> state) {
    update.state().load(state);
  }
}
