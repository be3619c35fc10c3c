package org.rnn4j.loss;

import java.util.Arrays;
import org.rnn4j.tensor.CustomOp;
import org.rnn4j.tensor.Tensor;

/**
 * Losses that compare a prediction with a target element by element, averaged over the elements
 * that count (with lengths: those of steps t &lt; lengths[b] of a (B, T, …) prediction).
 *
 * <pre>
 * MSE:                 ℓ = (x − y)²                              dℓ/dx = 2(x − y)
 * MAE:                 ℓ = |x − y|                               dℓ/dx = sign(x − y), 0 at 0
 * BCE with logits:     ℓ = max(x, 0) − x·y + log(1 + e^−|x|)     dℓ/dx = σ(x) − y
 * L = (1/n) Σ ℓ over the n counted elements; L = 0 when n = 0
 * </pre>
 * BCE is computed in the stable form above, which equals −[y log σ(x) + (1 − y) log(1 − σ(x))].
 */
public final class ElementwiseLoss {
  private ElementwiseLoss() {}

  private enum Kind { MSE, MAE, BCE_WITH_LOGITS }

  /**
   * Mean squared error.
   *
   * @param prediction any shape; (B, T, …) with lengths
   * @param target the prediction's shape, row-major
   * @param lengths (B) real sequence lengths, or null when every element counts
   * @return a scalar
   */
  public static Tensor mse(Tensor prediction, float[] target, int[] lengths) {
    return forward(Kind.MSE, prediction, target, lengths);
  }

  /** Mean absolute error; arguments as for {@link #mse}. */
  public static Tensor mae(Tensor prediction, float[] target, int[] lengths) {
    return forward(Kind.MAE, prediction, target, lengths);
  }

  /**
   * Binary cross-entropy on logits, with targets in [0, 1]; arguments as for {@link #mse}.
   */
  public static Tensor binaryCrossEntropyWithLogits(
      Tensor logits, float[] target, int[] lengths) {
    return forward(Kind.BCE_WITH_LOGITS, logits, target, lengths);
  }

  private static Tensor forward(Kind kind, Tensor x, float[] y, int[] lengths) {
    if (y.length != x.size()) {
      throw new IllegalArgumentException("target must have the prediction's size: prediction "
          + Arrays.toString(x.shape()) + " has " + x.size() + " elements, target " + y.length);
    }
    int positions = lengths == null ? x.size() : x.dim(0) * x.dim(1);
    int width = positions == 0 ? 0 : x.size() / positions; // elements per position
    boolean[] counted = Masks.counted(x, lengths, positions);
    float[] in = x.data();
    double total = 0;
    int n = 0;
    for (int i = 0; i < in.length; i++) {
      if (counted[i / width]) {
        n++;
        total += value(kind, in[i], y[i]);
      }
    }
    int count = n;
    float[] target = y.clone();
    float[] loss = {count == 0 ? 0f : (float) (total / count)};
    return CustomOp.record(loss, new int[0], (dOut, grads) -> {
      if (count == 0 || !grads.wanted(0)) {
        return;
      }
      float[] dx = grads.buffer(0);
      float scale = dOut[0] / count;
      for (int i = 0; i < in.length; i++) {
        if (counted[i / width]) {
          dx[i] += scale * slope(kind, in[i], target[i]);
        }
      }
    }, x);
  }

  private static double value(Kind kind, float x, float y) {
    return switch (kind) {
      case MSE -> (double) (x - y) * (x - y);
      case MAE -> Math.abs(x - y);
      case BCE_WITH_LOGITS -> Math.max(x, 0) - (double) x * y + Math.log1p(Math.exp(-Math.abs(x)));
    };
  }

  private static float slope(Kind kind, float x, float y) {
    return switch (kind) {
      case MSE -> 2f * (x - y);
      case MAE -> Math.signum(x - y);
      case BCE_WITH_LOGITS -> (float) (1.0 / (1.0 + Math.exp(-x))) - y;
    };
  }
}
