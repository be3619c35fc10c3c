package org.rnn4j.optim;

import java.util.List;
import java.util.Map;
import org.rnn4j.kernel.Updates;
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
public final class Sgd extends AbstractOptimizer implements Optimizer {
  private static final String MOMENTUM_BUFFER = "momentum_buffer";

  private final SgdConfig config;

  /**
   * An optimizer over {@code parameters}.
   *
   * @param parameters named parameters, e.g. {@code model.parameters()}; the order is kept
   * @param config the settings
   * @throws IllegalArgumentException if {@code parameters} is empty or holds a tensor twice
   */
  public Sgd(Map<String, Tensor> parameters, SgdConfig config) {
    super(parameters, config.learningRate(),
        config.momentum() > 0 ? List.of(MOMENTUM_BUFFER) : List.of());
    this.config = config;
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
  void update(float[] theta, float[] grad, int p, long t) {
    if (config.momentum() > 0) {
      float[] momentumBuffer = buffer(MOMENTUM_BUFFER, p);
      inSlices(theta.length,
          (from, to) -> updateWithMomentum(theta, grad, momentumBuffer, t == 1, from, to));
    } else {
      double lr = learningRate();
      double lambda = config.weightDecay();
      inSlices(theta.length, (from, to) -> Updates.sgd(theta, grad, lr, lambda, from, to));
    }
  }

  /** Elements [from, to) of θ and of the momentum buffer. */
  private void updateWithMomentum(float[] theta, float[] grad, float[] momentumBuffer,
      boolean first, int from, int to) {
    double lr = learningRate();
    double lambda = config.weightDecay();
    double mu = config.momentum();
    double tau = first ? 0 : config.dampening();
    double keep = first ? 0 : mu;
    boolean nesterov = config.nesterov();
    for (int i = from; i < to; i++) {
      double g = grad[i] + lambda * theta[i];
      double b = keep * momentumBuffer[i] + (1 - tau) * g;
      momentumBuffer[i] = (float) b;
      double d = nesterov ? g + mu * b : b;
      theta[i] = (float) (theta[i] - lr * d);
    }
  }
}
