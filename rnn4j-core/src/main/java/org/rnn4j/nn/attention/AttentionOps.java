package org.rnn4j.nn.attention;

import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.CustomOp;
import org.rnn4j.tensor.Tensor;

/**
 * The fused ops of attention, each one autograd node with a hand-written backward. They work per
 * batch row and touch only the real source positions s &lt; lengths[b]: outputs at padded
 * positions are 0 and padded inputs receive zero gradient. Callers check shapes and lengths
 * ({@link AttentionChecks}).
 */
final class AttentionOps {
  private AttentionOps() {}

  /**
   * Adds one row per batch element to every source position.
   *
   * <pre>
   * y[b,s,:] = x[b,s,:] + q[b,:]          dx = dy,  dq[b,:] = Σ_s dy[b,s,:]
   * </pre>
   *
   * @param x (B, Tx, A)
   * @param q (B, A)
   * @return y (B, Tx, A)
   */
  static Tensor addPerRow(Tensor x, Tensor q) {
    int b = x.dim(0);
    int s = x.dim(1);
    int a = x.dim(2);
    float[] xd = x.data();
    float[] qd = q.data();
    float[] y = new float[xd.length]; // (B, Tx, A)
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < s; j++) {
        int row = (i * s + j) * a;
        for (int k = 0; k < a; k++) {
          y[row + k] = xd[row + k] + qd[i * a + k];
        }
      }
    }
    return CustomOp.record(y, new int[] {b, s, a}, (dy, grads) -> {
      if (grads.wanted(0)) {
        float[] dx = grads.buffer(0);
        for (int n = 0; n < dy.length; n++) {
          dx[n] += dy[n];
        }
      }
      if (grads.wanted(1)) {
        float[] dq = grads.buffer(1);
        for (int i = 0; i < b; i++) {
          for (int j = 0; j < s; j++) {
            int row = (i * s + j) * a;
            for (int k = 0; k < a; k++) {
              dq[i * a + k] += dy[row + k];
            }
          }
        }
      }
    }, x, q);
  }

  /**
   * Batched dot products of each key row with its batch element's query.
   *
   * <pre>
   * e[b,s] = Σ_h keys[b,s,h] q[b,h]        (s &lt; len_b; 0 at padding)
   * dkeys[b,s,h] = de[b,s] q[b,h]          dq[b,h] = Σ_s de[b,s] keys[b,s,h]
   * </pre>
   *
   * @param keys (B, Tx, H)
   * @param q (B, H)
   * @param lengths (B), each in [1, Tx]
   * @return e (B, Tx)
   */
  static Tensor scores(Tensor keys, Tensor q, int[] lengths) {
    int b = keys.dim(0);
    int s = keys.dim(1);
    int h = keys.dim(2);
    float[] kd = keys.data();
    float[] qd = q.data();
    float[] e = new float[Sizes.product(b, s)]; // (B, Tx)
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < lengths[i]; j++) {
        int row = (i * s + j) * h;
        float dot = 0f;
        for (int k = 0; k < h; k++) {
          dot += kd[row + k] * qd[i * h + k];
        }
        e[i * s + j] = dot;
      }
    }
    int[] len = lengths.clone();
    return CustomOp.record(e, new int[] {b, s}, (de, grads) -> {
      float[] dKeys = grads.wanted(0) ? grads.buffer(0) : null;
      float[] dq = grads.wanted(1) ? grads.buffer(1) : null;
      for (int i = 0; i < b; i++) {
        for (int j = 0; j < len[i]; j++) {
          int row = (i * s + j) * h;
          float g = de[i * s + j];
          for (int k = 0; k < h; k++) {
            if (dKeys != null) {
              dKeys[row + k] += g * qd[i * h + k];
            }
            if (dq != null) {
              dq[i * h + k] += g * kd[row + k];
            }
          }
        }
      }
    }, keys, q);
  }

  /**
   * Softmax over the real source positions of each row; padded positions get weight 0.
   *
   * <pre>
   * α[b,s] = exp(e[b,s] − m_b) / Σ_{t &lt; len_b} exp(e[b,t] − m_b)   m_b = max_{t &lt; len_b} e[b,t]
   * de[b,s] = α[b,s] (dα[b,s] − Σ_{t &lt; len_b} α[b,t] dα[b,t])      (0 at padding)
   * </pre>
   *
   * @param e (B, Tx)
   * @param lengths (B), each in [1, Tx]
   * @return α (B, Tx)
   */
  static Tensor maskedSoftmax(Tensor e, int[] lengths) {
    int b = e.dim(0);
    int s = e.dim(1);
    float[] ed = e.data();
    float[] alpha = new float[Sizes.product(b, s)]; // (B, Tx)
    for (int i = 0; i < b; i++) {
      int row = i * s;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < lengths[i]; j++) {
        max = Math.max(max, ed[row + j]);
      }
      double sum = 0;
      for (int j = 0; j < lengths[i]; j++) {
        alpha[row + j] = (float) Math.exp(ed[row + j] - max);
        sum += alpha[row + j];
      }
      for (int j = 0; j < lengths[i]; j++) {
        alpha[row + j] = (float) (alpha[row + j] / sum);
      }
    }
    int[] len = lengths.clone();
    return CustomOp.record(alpha, new int[] {b, s}, (dAlpha, grads) -> {
      float[] de = grads.buffer(0);
      for (int i = 0; i < b; i++) {
        int row = i * s;
        double dot = 0;
        for (int j = 0; j < len[i]; j++) {
          dot += (double) alpha[row + j] * dAlpha[row + j];
        }
        for (int j = 0; j < len[i]; j++) {
          de[row + j] += (float) (alpha[row + j] * (dAlpha[row + j] - dot));
        }
      }
    }, e);
  }

  /**
   * The context: each batch element's values weighted by its attention weights.
   *
   * <pre>
   * c[b,h] = Σ_{s &lt; len_b} α[b,s] v[b,s,h]
   * dα[b,s] = Σ_h dc[b,h] v[b,s,h]         dv[b,s,h] = α[b,s] dc[b,h]
   * </pre>
   *
   * @param alpha (B, Tx)
   * @param values (B, Tx, H)
   * @param lengths (B), each in [1, Tx]
   * @return c (B, H)
   */
  static Tensor weightedSum(Tensor alpha, Tensor values, int[] lengths) {
    int b = values.dim(0);
    int s = values.dim(1);
    int h = values.dim(2);
    float[] ad = alpha.data();
    float[] vd = values.data();
    float[] c = new float[Sizes.product(b, h)]; // (B, H)
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < lengths[i]; j++) {
        int row = (i * s + j) * h;
        float w = ad[i * s + j];
        for (int k = 0; k < h; k++) {
          c[i * h + k] += w * vd[row + k];
        }
      }
    }
    int[] len = lengths.clone();
    return CustomOp.record(c, new int[] {b, h}, (dc, grads) -> {
      float[] dAlpha = grads.wanted(0) ? grads.buffer(0) : null;
      float[] dv = grads.wanted(1) ? grads.buffer(1) : null;
      for (int i = 0; i < b; i++) {
        for (int j = 0; j < len[i]; j++) {
          int row = (i * s + j) * h;
          float w = ad[i * s + j];
          float g = 0f;
          for (int k = 0; k < h; k++) {
            g += dc[i * h + k] * vd[row + k];
            if (dv != null) {
              dv[row + k] += w * dc[i * h + k];
            }
          }
          if (dAlpha != null) {
            dAlpha[i * s + j] += g;
          }
        }
      }
    }, alpha, values);
  }
}
