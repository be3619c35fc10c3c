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
public final class RmsProp extends AbstractOptimizer implements Optimizer {
  private static final String SQUARE_AVG = "square_avg";
  private static final String GRAD_AVG = "grad_avg";
  private static final String MOMENTUM_BUFFER = "momentum_buffer";

  private final RmsPropConfig config;

  /**
   * An optimizer over {@code parameters}.
   *
   * @param parameters named parameters, e.g. {@code model.parameters()}; the order is kept
   * @param config the settings
   * @throws IllegalArgumentException if {@code parameters} is empty or holds a tensor twice
   */
  public RmsProp(Map<String, Tensor> parameters, RmsPropConfig config) {
    super(parameters, config.learningRate(), bufferNames(config));
    this.config = config;
  }

  private static List<String> bufferNames(RmsPropConfig config) {
    List<String> buffers = new ArrayList<>(List.of(SQUARE_AVG));
    if (config.centered()) {
      buffers.add(GRAD_AVG);
    }
    if (config.momentum() > 0) {
      buffers.add(MOMENTUM_BUFFER);
    }
    return buffers;
  }

  /** The settings this optimizer was built with (its learning rate may have changed since). */
  public RmsPropConfig config() {
    return config;
  }

  @Override
  void update(float[] theta, float[] grad, int p, long t) {
    float[] squareAvg = buffer(SQUARE_AVG, p);
    float[] gradAvg = config.centered() ? buffer(GRAD_AVG, p) : null;
    float[] momentumBuffer = config.momentum() > 0 ? buffer(MOMENTUM_BUFFER, p) : null;
    inSlices(theta.length, (from, to) -> updateSlice(theta, grad, squareAvg, gradAvg,
        momentumBuffer, from, to));
  }

  /**
   * Elements [from, to) of θ and of the buffers; {@code gradAvg} and {@code momentumBuffer} are
   * null when not in use.
   */
  private void updateSlice(float[] theta, float[] grad, float[] squareAvg, float[] gradAvg,
      float[] momentumBuffer, int from, int to) {
    double lr = learningRate();
    double lambda = config.weightDecay();
    double alpha = config.alpha();
    double eps = config.eps();
    double mu = config.momentum();
    for (int i = from; i < to; i++) {
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
      theta[i] = (float) (theta[i] - lr * d);
    }
  }
}
