package org.rnn4j.loss;

import java.util.Arrays;
import org.rnn4j.tensor.CustomOp;
import org.rnn4j.tensor.Tensor;

/**
 * Softmax cross-entropy fused with its softmax, over logits (N…, V) and integer targets (N…),
 * averaged over the tokens that count: not at an {@code ignoreIndex} target and, with lengths,
 * not past the end of their sequence.
 *
 * <pre>
 * p = softmax(z)                       over the last axis (V classes)
 * q = (1 − ε)·onehot(y) + ε/V          label smoothing ε (PyTorch's definition)
 * ℓ = −Σ_j q_j log p_j                 per counted token
 * L = (1/n) Σ ℓ                        n = number of counted tokens; L = 0 when n = 0
 * dL/dz = (p − q) / n                  for counted tokens, 0 for the others
 * </pre>
 */
public final class CrossEntropy {
  /** PyTorch's default ignore index: no real class id is negative. */
  public static final int DEFAULT_IGNORE_INDEX = -100;

  /**
   * @param ignoreIndex targets equal to this do not count
   * @param labelSmoothing ε in [0, 1)
   */
  public record Options(int ignoreIndex, float labelSmoothing) {
    public static final Options DEFAULT = new Options(DEFAULT_IGNORE_INDEX, 0f);

    /** Checks ε. */
    public Options {
      if (!(labelSmoothing >= 0f && labelSmoothing < 1f)) {
        throw new IllegalArgumentException("labelSmoothing must lie in [0, 1), got " + labelSmoothing);
      }
    }
  }

  private CrossEntropy() {}

  /**
   * Mean cross-entropy of every position.
   *
   * @param logits (N…, V) unnormalised scores
   * @param targets (N…) class ids in [0, V), or the ignore index
   * @param options ignore index and label smoothing
   * @return a scalar
   */
  public static Tensor loss(Tensor logits, int[] targets, Options options) {
    return loss(logits, targets, null, options);
  }

  /**
   * Mean cross-entropy over the real steps of padded sequences.
   *
   * @param logits (B, T, V) unnormalised scores
   * @param targets (B, T) class ids in [0, V), or the ignore index
   * @param lengths (B) real length of each sequence; steps t ≥ lengths[b] do not count
   * @param options ignore index and label smoothing
   * @return a scalar
   */
  public static Tensor loss(Tensor logits, int[] targets, int[] lengths, Options options) {
    int v = logits.dim(-1);
    int rows = v == 0 ? 0 : logits.size() / v;
    if (targets.length != rows) {
      throw new IllegalArgumentException("targets must have one id per position of logits "
          + Arrays.toString(logits.shape()) + ": expected " + rows + ", got " + targets.length);
    }
    boolean[] counted =
        Masks.countedTargets(logits, lengths, targets, options.ignoreIndex(), v);
    return forward(logits, targets.clone(), counted, options.labelSmoothing());
  }

  private static Tensor forward(Tensor logits, int[] targets, boolean[] counted, float eps) {
    int v = logits.dim(-1);
    int rows = counted.length;
    float[] z = logits.data(); // (rows, V)
    float[] p = new float[z.length]; // (rows, V) softmax, kept for backward
    double total = 0;
    int n = 0;
    for (int r = 0; r < rows; r++) {
      if (!counted[r]) {
        continue;
      }
      n++;
      int off = r * v;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < v; j++) {
        max = Math.max(max, z[off + j]);
      }
      double sum = 0;
      for (int j = 0; j < v; j++) {
        double e = Math.exp(z[off + j] - max);
        p[off + j] = (float) e;
        sum += e;
      }
      double logSum = Math.log(sum);
      double meanLogP = 0; // (1/V) Σ_j log p_j, for label smoothing
      for (int j = 0; j < v; j++) {
        p[off + j] = (float) (p[off + j] / sum);
        meanLogP += (z[off + j] - max - logSum) / v;
      }
      double logPy = z[off + targets[r]] - max - logSum;
      total += -(1 - eps) * logPy - eps * meanLogP;
    }
    int count = n;
    float[] loss = {count == 0 ? 0f : (float) (total / count)};
    return CustomOp.record(loss, new int[0], (dOut, grads) -> {
      if (count == 0 || !grads.wanted(0)) {
        return;
      }
      float[] dz = grads.buffer(0);
      float scale = dOut[0] / count;
      for (int r = 0; r < rows; r++) {
        if (!counted[r]) {
          continue;
        }
        int off = r * v;
        for (int j = 0; j < v; j++) {
          float q = eps / v + (j == targets[r] ? 1f - eps : 0f);
          dz[off + j] += scale * (p[off + j] - q);
        }
      }
    }, logits);
  }
}
