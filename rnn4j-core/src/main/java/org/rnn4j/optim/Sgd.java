package org.rnn4j.optim;

import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay
 * (PyTorch's {@code torch.optim.SGD}). For each parameter θ with gradient g, at its step t:
 *
 * <pre>
 * g ← g + λ·θ                                       weight decay (L2)
 * b ← g                          if t = 1           momentum buffer (μ &gt; 0)
 * b ← μ·b + (1 − τ)·g            if t &gt; 1
 * d ← g + μ·b  (Nesterov)   or   d ← b   (μ &gt; 0)   or   d ← g   (μ = 0)
 * θ ← θ − lr·d
 * </pre>
 *
 * <p>State: {@code momentum_buffer} (only with μ &gt; 0) and {@code step}.
 */
public final class Sgd implements Optimizer {
  private static final int MOMENTUM_BUFFER = 0;

  private final SgdConfig config;
  private final OptimizerState state;
  private double learningRate;

  /**
   * An optimizer over {@code parameters}.
   *
   * @param parameters named parameters, e.g. {@code model.parameters()}; the order is kept
   * @param config the settings
   * @throws IllegalArgumentException if {@code parameters} is empty or holds a tensor twice
   */
  public Sgd(Map<String, Tensor> parameters, SgdConfig config) {
    this.config = config;
    this.state = config.momentum() > 0
        ? new OptimizerState(parameters, "momentum_buffer")
        : new OptimizerState(parameters);
    this.learningRate = config.learningRate();
  }

  /**
   * Plain SGD: θ ← θ − lr·g.
   *
   * @param parameters named parameters; the order is kept
   * @param learningRate lr &gt; 0
   * @return the optimizer
   */
  public static Sgd of(Map<String, Tensor> parameters, double learningRate) {
    return new Sgd(parameters, SgdConfig.of(learningRate));
  }

  /** The settings this optimizer was built with (its learning rate may have changed since). */
  public SgdConfig config() {
    return config;
  }

  @Override
  public void step() {
    for (int p = 0; p < state.size(); p++) {
      Tensor parameter = state.parameter(p);
      if (!parameter.hasGrad()) {
        continue;
      }
      long t = state.advance(p);
      float[] theta = parameter.data();
      float[] grad = parameter.grad().data();
      if (config.momentum() > 0) {
        updateWithMomentum(theta, grad, state.buffer(MOMENTUM_BUFFER, p), t == 1);
      } else {
        update(theta, grad);
      }
    }
  }

  private void update(float[] theta, float[] grad) {
    double lambda = config.weightDecay();
    for (int i = 0; i < theta.length; i++) {
      double g = grad[i] + lambda * theta[i];
      theta[i] = (float) (theta[i] - learningRate * g);
    }
  }

  private void updateWithMomentum(float[] theta, float[] grad, float[] momentumBuffer,
      boolean first) {
    double lambda = config.weightDecay();
    double mu = config.momentum();
    double tau = first ? 0 : config.dampening();
    double keep = first ? 0 : mu;
    boolean nesterov = config.nesterov();
    for (int i = 0; i < theta.length; i++) {
      double g = grad[i] + lambda * theta[i];
      double b = keep * momentumBuffer[i] + (1 - tau) * g;
      momentumBuffer[i] = (float) b;
      double d = nesterov ? g + mu * b : b;
      theta[i] = (float) (theta[i] - learningRate * d);
    }
  }

  @Override
  public void zeroGrad() {
    state.zeroGrad();
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
    return state.export();
  }

  @Override
  public void loadState(Map<String, Tensor> state) {
    this.state.load(state);
  }
}
