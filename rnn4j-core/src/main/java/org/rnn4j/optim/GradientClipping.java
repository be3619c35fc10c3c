package org.rnn4j.optim;

import java.util.Collection;
import java.util.Objects;
import org.rnn4j.tensor.Tensor;

/**
 * Clipping of gradients in place, as PyTorch's {@code clip_grad_norm_} and {@code
 * clip_grad_value_}. Parameters without a gradient are ignored.
 *
 * <pre>
 * ‖g‖ = √(Σ over all parameters and elements of g²)        computed in double
 * clip by global norm:  g ← g · c  if c = maxNorm / (‖g‖ + 1e−6) &lt; 1
 * clip by value:        g ← min(max(g, −clip), clip)
 * </pre>
 *
 * <p>Recurrent networks need the first to survive exploding gradients (Pascanu et al. 2013).
 */
public final class GradientClipping {
  /** Added to the norm before dividing, as PyTorch does. */
  static final double NORM_EPS = 1e-6;

  private GradientClipping() {}

  /**
   * The L2 norm of all gradients together, as if they were one vector.
   *
   * @param params the parameters; those without a gradient count as zero
   * @return ‖g‖ ≥ 0 (0 for no gradients), or NaN or +∞ if a gradient element is not finite
   */
  public static double globalNorm(Collection<Tensor> params) {
    Objects.requireNonNull(params, "params");
    double sumSquares = 0;
    for (Tensor p : params) {
      if (p.hasGrad()) {
        for (float g : p.grad().data()) {
          sumSquares += (double) g * g;
        }
      }
    }
    return Math.sqrt(sumSquares);
  }

  /**
   * Scales all gradients by one factor so that their global norm is at most about {@code
   * maxNorm} (PyTorch's {@code clip_grad_norm_} with the L2 norm). If the norm is NaN or infinite
   * the gradients are left as they are and the norm is returned, so the caller can see it and skip
   * the step (PyTorch would instead fill the gradients with NaN or zeros).
   *
   * @param params the parameters; those without a gradient are ignored
   * @param maxNorm the largest norm allowed, &gt; 0
   * @return the global norm before clipping (NaN or +∞ when a gradient is not finite)
   * @throws IllegalArgumentException if {@code maxNorm} is not positive and finite
   */
  public static double clipByGlobalNorm(Collection<Tensor> params, double maxNorm) {
    Checks.positive("maxNorm", maxNorm);
    double norm = globalNorm(params);
    double scale = maxNorm / (norm + NORM_EPS);
    if (Double.isFinite(norm) && scale < 1) {
      for (Tensor p : params) {
        if (p.hasGrad()) {
          float[] grad = p.grad().data();
          for (int i = 0; i < grad.length; i++) {
            grad[i] = (float) (grad[i] * scale);
          }
        }
      }
    }
    return norm;
  }

  /**
   * Clamps every gradient element into [−clip, clip] (PyTorch's {@code clip_grad_value_}); NaN
   * stays NaN.
   *
   * @param params the parameters; those without a gradient are ignored
   * @param clip the largest magnitude allowed, ≥ 0
   * @throws IllegalArgumentException if {@code clip} is negative or not finite
   */
  public static void clipByValue(Collection<Tensor> params, double clip) {
    Checks.nonNegative("clip", clip);
    Objects.requireNonNull(params, "params");
    float c = (float) clip;
    for (Tensor p : params) {
      if (p.hasGrad()) {
        float[] grad = p.grad().data();
        for (int i = 0; i < grad.length; i++) {
          grad[i] = Math.min(Math.max(grad[i], -c), c);
        }
      }
    }
  }
}
