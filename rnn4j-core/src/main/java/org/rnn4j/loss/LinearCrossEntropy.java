package org.rnn4j.loss;

import java.util.Arrays;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.nn.Linear;
import org.rnn4j.tensor.CustomOp;
import org.rnn4j.tensor.Tensor;

/**
 * Softmax cross-entropy fused with the output projection before it: the loss of {@link
 * CrossEntropy} on the logits of a {@link Linear} layer, as one autograd node that never holds
 * the logits of more than a chunk of rows. Same options, masking and result as
 * {@code CrossEntropy.loss(a.matmulT(weight).add(bias), targets, lengths, options)}, without its
 * (N, V) arrays: the logits, the softmax and their gradients, each N·V floats (B·T·V for a
 * language model, hundreds of MB for a word vocabulary).
 *
 * <pre>
 * Z = A·Wᵀ + b                         A (N, H), W (V, H), b (V); Z (N, V) is never stored whole
 * p = softmax(Z)                       over the V classes of each row
 * q = (1 − ε)·onehot(y) + ε/V          label smoothing ε
 * ℓ_r = −Σ_j q_j log p_rj              per row r that counts
 * L = (1/n) Σ_r ℓ_r                    n = rows that count; L = 0 when n = 0
 * dZ = (p − q)/n                       for the rows that count, 0 for the others
 * dA = dZ·W (N, H)    dW = dZᵀ·A (V, H)    db = Σ_r dZ_r (V)
 * </pre>
 *
 * <p>The forward pass goes over the rows that count a chunk at a time (see {@link LogitChunks}
 * for the chunk size, about 1 MB of logits, at least 64 rows): it computes the chunk's logits,
 * their log-sum-exp and loss terms and, when a backward pass will follow ({@link
 * CustomOp#willRecord}), dZ of the chunk and its share of dA, dW and db, kept for backward. The
 * backward pass only scales those by the upstream gradient. Without gradients (a {@link
 * org.rnn4j.tensor.NoGrad} scope, or no input requiring them) only the loss is computed. Memory:
 * one chunk's logits (c, V), plus dA (N, H), dW (V, H) and db (V) between the passes when
 * gradients are wanted (for the inputs that require them then); with more than one chunk, the
 * forward pass also packs Wᵀ, and W for dA, once each for all chunks (V·H floats each, as the
 * products of the unfused layer pack them).
 *
 * <p>A frozen weight ({@link Tensor#freeze}) is used through its packed copy ({@link
 * Tensor#packedTranspose}). Each call works on its own arrays, taken from the calling thread's
 * {@link org.rnn4j.kernel.BufferPool}: calls on different threads, even with the same tensors, do
 * not interfere. The kept gradients go back to the pool once the backward pass has used them, so
 * a backward pass can go through a call only once.
 */
public final class LinearCrossEntropy {
  private LinearCrossEntropy() {}

  /**
   * Mean cross-entropy of every row.
   *
   * @param a (N…, H) the inputs of the projection
   * @param weight (V, H) W
   * @param bias (V) b
   * @param targets (N…) class ids in [0, V), or the ignore index
   * @param options ignore index and label smoothing
   * @return a scalar
   * @throws IllegalArgumentException naming the argument and its expected and actual shape or
   *     value, when they do not fit together
   */
  public static Tensor loss(Tensor a, Tensor weight, Tensor bias, int[] targets,
      CrossEntropy.Options options) {
    return loss(a, weight, bias, targets, null, options);
  }

  /**
   * Mean cross-entropy over the real steps of padded sequences.
   *
   * @param a (B, T, H) the inputs of the projection; (N…, H) without lengths
   * @param weight (V, H) W
   * @param bias (V) b
   * @param targets (B, T) class ids in [0, V), or the ignore index
   * @param lengths (B) real length of each sequence, steps t ≥ lengths[b] do not count; or null
   *     for all steps
   * @param options ignore index and label smoothing
   * @return a scalar
   * @throws IllegalArgumentException naming the argument and its expected and actual shape or
   *     value, when they do not fit together
   */
  public static Tensor loss(Tensor a, Tensor weight, Tensor bias, int[] targets, int[] lengths,
      CrossEntropy.Options options) {
    return loss(a, weight, bias, targets, lengths, options, 0, LossBuffers.POOLED);
  }

  /**
   * The loss of a linear layer's logits: {@code head.weight()} and {@code head.bias()} as W and b.
   *
   * @param head the output layer, input size H, output size V
   * @param a (B, T, H) with lengths, (N…, H) without
   * @param targets (N…) class ids in [0, V), or the ignore index
   * @param lengths (B) real length of each sequence, or null for all steps
   * @param options ignore index and label smoothing
   * @return a scalar
   */
  public static Tensor loss(Linear head, Tensor a, int[] targets, int[] lengths,
      CrossEntropy.Options options) {
    return loss(a, head.weight(), head.bias(), targets, lengths, options);
  }

  /**
   * As the public method, with the chunk size and the allocation of every array chosen.
   *
   * @param chunkRows c, the rows of a chunk; 0 for the rule of {@link LogitChunks}
   * @param arrays where every float[] the op itself works in comes from and goes back to
   */
  static Tensor loss(Tensor a, Tensor weight, Tensor bias, int[] targets, int[] lengths,
      CrossEntropy.Options options, int chunkRows, LossBuffers arrays) {
    int n = checkShapes(a, weight, bias, lengths);
    int v = weight.dim(0);
    if (targets.length != n) {
      throw new IllegalArgumentException("targets must have one id per row of a "
          + Arrays.toString(a.shape()) + ": expected " + n + ", got " + targets.length);
    }
    int[] rows = countedRows(a, targets, lengths, options.ignoreIndex(), v);
    LogitChunks.Wanted wanted = CustomOp.willRecord(a, weight, bias)
        ? new LogitChunks.Wanted(a.requiresGrad(), weight.requiresGrad(), bias.requiresGrad())
        : new LogitChunks.Wanted(false, false, false);
    int chunk = chunkRows > 0 ? chunkRows : LogitChunks.chunkRows(rows.length, v);
    LogitChunks.Result r = new LogitChunks(a, weight, bias, targets, rows,
        options.labelSmoothing(), arrays).run(chunk, wanted);
    boolean[] given = {false};
    return CustomOp.record(new float[] {r.loss()}, new int[0], (dOut, grads) -> {
      if (given[0]) {
        throw new IllegalStateException("backward() reached a linear cross-entropy a second"
            + " time; its gradients are given back after the first: compute the loss again");
      }
      given[0] = true;
      addScaled(grads, 0, r.dA(), dOut[0]);
      addScaled(grads, 1, r.dW(), dOut[0]);
      addScaled(grads, 2, r.db(), dOut[0]);
      arrays.give(r.dA());
      arrays.give(r.dW());
      arrays.give(r.db());
    }, a, weight, bias);
  }

  /** grad_i += s·kept; with nothing kept (no row counted) the gradient is only made to exist. */
  private static void addScaled(CustomOp.Gradients grads, int i, float[] kept, float s) {
    if (!grads.wanted(i)) {
      return;
    }
    float[] g = grads.buffer(i);
    if (kept != null) {
      for (int j = 0; j < g.length; j++) {
        g[j] += s * kept[j];
      }
    }
  }

  /** Checks W (V, H), b (V) and A (…, H), (B, T, H) with lengths; returns N, the rows of A. */
  private static int checkShapes(Tensor a, Tensor weight, Tensor bias, int[] lengths) {
    if (weight.rank() != 2 || weight.dim(0) < 1) {
      throw new IllegalArgumentException("weight must be (V, H) with V ≥ 1, got shape "
          + Arrays.toString(weight.shape()));
    }
    int v = weight.dim(0);
    int h = weight.dim(1);
    if (bias.rank() != 1 || bias.dim(0) != v) {
      throw new IllegalArgumentException("bias must be (V) = (" + v + ") for weight "
          + Arrays.toString(weight.shape()) + ", got shape " + Arrays.toString(bias.shape()));
    }
    if (a.rank() < 1 || a.dim(-1) != h) {
      throw new IllegalArgumentException("a must be (N…, H) with H = " + h + " (weight "
          + Arrays.toString(weight.shape()) + "), got shape " + Arrays.toString(a.shape()));
    }
    if (lengths != null && a.rank() != 3) {
      throw new IllegalArgumentException("with lengths, a must be (B, T, H), got shape "
          + Arrays.toString(a.shape()));
    }
    return Sizes.product(Arrays.copyOf(a.shape(), a.rank() - 1));
  }

  /** The rows that count, ascending; checks the lengths and the targets of those rows. */
  private static int[] countedRows(Tensor a, int[] targets, int[] lengths, int ignoreIndex,
      int v) {
    boolean[] counted = Masks.countedTargets(a, lengths, targets, ignoreIndex, v);
    int n = 0;
    for (boolean c : counted) {
      n += c ? 1 : 0;
    }
    int[] rows = new int[n];
    for (int r = 0, i = 0; r < targets.length; r++) {
      if (counted[r]) {
        rows[i++] = r;
      }
    }
    return rows;
  }
}
