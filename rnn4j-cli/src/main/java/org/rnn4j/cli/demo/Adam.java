package org.rnn4j.cli.demo;

import java.util.List;
import org.rnn4j.tensor.Tensor;

/**
 * The Adam update with clipping by global norm, just enough for the demo (the library's
 * optimizers come with the training package).
 *
 * <pre>
 * g ← g · min(1, maxNorm / ‖g‖)        ‖g‖ over all parameters
 * m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²
 * θ ← θ − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)
 * </pre>
 */
final class Adam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private final List<Tensor> parameters;
  private final float learningRate;
  private final float[][] m;
  private final float[][] v;
  private int t;

  Adam(List<Tensor> parameters, float learningRate) {
    this.parameters = parameters;
    this.learningRate = learningRate;
    this.m = new float[parameters.size()][];
    this.v = new float[parameters.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = new float[parameters.get(i).size()];
      v[i] = new float[parameters.get(i).size()];
    }
  }

  /** Clips the gradients to {@code maxNorm}, updates the parameters and zeroes the gradients. */
  void step(float maxNorm) {
    double sq = 0;
    for (Tensor p : parameters) {
      for (float g : p.grad().data()) {
        sq += (double) g * g;
      }
    }
    double norm = Math.sqrt(sq);
    double scale = norm > maxNorm ? maxNorm / norm : 1.0;
    t++;
    double c1 = 1 - Math.pow(BETA1, t);
    double c2 = 1 - Math.pow(BETA2, t);
    for (int i = 0; i < m.length; i++) {
      float[] theta = parameters.get(i).data();
      float[] grad = parameters.get(i).grad().data();
      for (int j = 0; j < theta.length; j++) {
        double g = grad[j] * scale;
        m[i][j] = (float) (BETA1 * m[i][j] + (1 - BETA1) * g);
        v[i][j] = (float) (BETA2 * v[i][j] + (1 - BETA2) * g * g);
        theta[j] -= (float) (learningRate * (m[i][j] / c1) / (Math.sqrt(v[i][j] / c2) + EPS));
      }
      parameters.get(i).zeroGrad();
    }
  }
}
