package org.rnn4j.tensor;

import java.util.random.RandomGenerator;
import org.rnn4j.kernel.Sizes;

/**
 * Ops that pick or mask elements: embedding lookup (gather rows) and dropout.
 *
 * <pre>
 * embedding:  y[i, :] = W[ids[i], :]          dW[ids[i], :] += g[i, :]   (scatter-add)
 * dropout:    y = x ⊙ m,  m = [u ≥ p] / (1 − p), u ~ U[0, 1)     dx += g ⊙ m
 * </pre>
 */
final class IndexOps {
  private IndexOps() {}

  static Tensor embedding(Tensor weight, int[] ids, int[] idsShape) {
    if (weight.rank() != 2) {
      throw new IllegalArgumentException(
          "embedding: weight must be 2-D (V, E), got shape " + Shapes.str(weight.shape()));
    }
    int n = Shapes.size(idsShape);
    if (n != ids.length) {
      throw new IllegalArgumentException(
          "embedding: ids length must equal the product of idsShape " + Shapes.str(idsShape)
              + ": expected " + n + ", got " + ids.length);
    }
    int v = weight.dim(0);
    int e = weight.dim(1);
    float[] w = weight.data(); // (V, E)
    float[] y = new float[Sizes.product(n, e)]; // (n, E)
    for (int i = 0; i < n; i++) {
      if (ids[i] < 0 || ids[i] >= v) {
        throw new IllegalArgumentException(
            "embedding: id at position " + i + " must lie in [0, " + v + "), got " + ids[i]);
      }
      System.arraycopy(w, ids[i] * e, y, i * e, e);
    }
    int[] outShape = java.util.Arrays.copyOf(idsShape, idsShape.length + 1);
    outShape[idsShape.length] = e;
    int[] idsCopy = ids.clone();
    return Tensor.result(y, outShape, dy -> {
      float[] dw = weight.gradBuffer();
      for (int i = 0; i < n; i++) {
        int row = idsCopy[i] * e;
        for (int j = 0; j < e; j++) {
          dw[row + j] += dy[i * e + j];
        }
      }
    }, weight);
  }

  static Tensor dropout(Tensor x, float p, RandomGenerator rng) {
    if (!(p >= 0f && p < 1f)) {
      throw new IllegalArgumentException("dropout: p must lie in [0, 1), got " + p);
    }
    if (p == 0f) {
      return x;
    }
    float keep = 1f / (1f - p);
    float[] in = x.data();
    float[] mask = new float[in.length];
    float[] y = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      mask[i] = rng.nextFloat() >= p ? keep : 0f;
      y[i] = in[i] * mask[i];
    }
    return Tensor.result(y, x.shape(), dy -> {
      float[] dx = x.gradBuffer();
      for (int i = 0; i < dy.length; i++) {
        dx[i] += dy[i] * mask[i];
      }
    }, x);
  }
}
