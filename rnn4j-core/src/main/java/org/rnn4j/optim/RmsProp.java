package org.rnn4j.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * RMSProp (PyTorch's {@code torch.optim.RMSprop}; Hinton's lecture 6e, centered as in Graves
 * 2013). For each parameter θ with gradient g:
 *
 * <pre>
 * g ← g + λ·θ                                 weight decay (L2)
 * v ← α·v + (1 − α)·g²                        square_avg
 * ḡ ← α·ḡ + (1 − α)·g                         grad_avg (centered only)
 * s ← √(v − ḡ²) + ε   (centered)   or   s ← √v + ε
 * b ← μ·b + g / s;  θ ← θ − lr·b              momentum_buffer (μ &gt; 0)
 * θ ← θ − lr·g / s                            (μ = 0)
 * </pre>
 *
 * <p>ε is added outside the square root, as in PyTorch (Keras adds it inside). All buffers start
 * at zero. State: {@code square_avg}, {@code grad_avg} (centered), {@code momentum_buffer} (μ &gt;
 * 0) and {@code step}.
 */
public final class RmsProp implements Optimizer {
  private static final int SQUARE_AVG = 0;

  private final RmsPropConfig config;
  private final OptimizerState state;
  private final int gradAvgIndex; // buffer index of grad_avg, or -1
  private final int momentumIndex; // buffer index of momentum_buffer, or -1
  private double learningRate;

  /**
   * An optimizer over {@code parameters}.
   *
   * @param parameters named parameters, e.g. {@code model.parameters()}; the order is kept
   * @param config the settings
   * @throws IllegalArgumentException if {@code parameters} is empty or holds a tensor twice
   */
  public RmsProp(Map<String, Tensor> parameters, RmsPropConfig config) {
    this.config = config;
    List<String> buffers = new ArrayList<>(List.of("square_avg"));
    if (config.centered()) {
      buffers.add("grad_avg");
    }
    if (config.momentum() > 0) {
      buffers.add("momentum_buffer");
    }
    this.gradAvgIndex = buffers.indexOf("grad_avg");
    this.momentumIndex = buffers.indexOf("momentum_buffer");
    this.state = new OptimizerState(parameters, buffers.toArray(new String[0]));
    this.learningRate = config.learningRate();
  }

  /** The settings this optimizer was built with (its learning rate may have changed since). */
  public RmsPropConfig config() {
    return config;
  }

  @Override
  public void step() {
    for (int p = 0; p < state.size(); p++) {
      Tensor parameter = state.parameter(p);
      if (!parameter.hasGrad()) {
        continue;
      }
      state.advance(p);
      update(parameter.data(), parameter.grad().data(), p);
    }
  }

  private void update(float[] theta, float[] grad, int p) {
    double lambda = config.weightDecay();
    double alpha = config.alpha();
    double eps = config.eps();
    double mu = config.momentum();
    float[] squareAvg = state.buffer(SQUARE_AVG, p);
    float[] gradAvg = gradAvgIndex < 0 ? null : state.buffer(gradAvgIndex, p);
    float[] momentumBuffer = momentumIndex < 0 ? null : state.buffer(momentumIndex, p);
    for (int i = 0; i < theta.length; i++) {
      double g = grad[i] + lambda * theta[i];
      double v = alpha * squareAvg[i] + (1 - alpha) * g * g;
      squareAvg[i] = (float) v;
      double s;
      if (gradAvg != null) {
        double gBar = alpha * gradAvg[i] + (1 - alpha) * g;
        gradAvg[i] = (float) gBar;
        s = Math.sqrt(v - gBar * gBar) + eps;
      } else {
        s = Math.sqrt(v) + eps;
      }
      double d = g / s;
      if (momentumBuffer != null) {
        d = mu * momentumBuffer[i] + d;
        momentumBuffer[i] = (float) d;
      }
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
