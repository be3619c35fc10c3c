package org.rnn4j.nn.attention;

import java.util.Arrays;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.Tensor;

/**
 * Attention of a decoder state (the query) over encoder states (the keys, which are also the
 * values), masked by the encoder lengths.
 *
 * <pre>
 * query s (B, Hs), keys h (B, Tx, He), lengths (B) → context c (B, He), weights α (B, Tx)
 * e[b,j] = score(s_b, h_bj)
 * α[b,j] = softmax over j &lt; lengths[b] of e[b,j];  α[b,j] = 0 for j ≥ lengths[b]
 * c[b]   = Σ_j α[b,j] h_bj
 * </pre>
 *
 * <p>A decoder attends once per output step over the same keys, so the part of the score that
 * depends only on the keys is computed once by {@link #prepare} and reused by {@link #attend(Tensor,
 * Keys)}. Padded key rows (j ≥ lengths[b]) never change a result and receive zero gradient; they
 * must be finite.
 */
public sealed interface Attention extends Module
    permits AdditiveAttention, MultiplicativeAttention {

  /**
   * Encoder states prepared for attention: the keys, their projection and their lengths. Make
   * them with {@link #prepare} of the attention that will use them.
   *
   * @param keys h (B, Tx, He), also the values
   * @param projected the keys' part of the score (B, Tx, P): W_h h for additive (P = A), W h for
   *     Luong general (P = Hs), h itself for dot (P = He)
   * @param lengths (B), each in [1, Tx]; a copy is kept
   */
  record Keys(Tensor keys, Tensor projected, int[] lengths) {
    /** Copies the lengths and checks that the shapes agree. */
    public Keys {
      lengths = lengths.clone();
      if (projected.rank() != 3 || projected.dim(0) != keys.dim(0)
          || projected.dim(1) != keys.dim(1)) {
        throw new IllegalArgumentException("projected keys must have shape (B, Tx, P) with (B, Tx)"
            + " of keys " + Arrays.toString(keys.shape()) + ": got shape "
            + Arrays.toString(projected.shape()));
      }
    }

    /** The lengths (a copy). */
    @Override
    public int[] lengths() {
      return lengths.clone();
    }

    /** Lengths without a copy, for this package's ops (which do not modify them). */
    int[] lengthsView() {
      return lengths;
    }
  }

  /**
   * The result of one attention step.
   *
   * @param context c (B, He) = Σ_j α_j h_j
   * @param weights α (B, Tx): zero on padding, summing to 1 over each row's real positions
   */
  record Context(Tensor context, Tensor weights) {}

  /**
   * Computes the keys' part of the score once per sequence.
   *
   * @param keys encoder states h (B, Tx, He)
   * @param lengths real lengths (B), each in [1, Tx]
   * @return the prepared keys for {@link #attend(Tensor, Keys)}
   * @throws IllegalArgumentException if a shape or length does not fit
   */
  Keys prepare(Tensor keys, int[] lengths);

  /**
   * One attention step over prepared keys.
   *
   * @param query decoder state s (B, Hs)
   * @param keys made by this attention's {@link #prepare}
   * @return the context (B, He) and weights (B, Tx)
   * @throws IllegalArgumentException if the query's shape does not fit the keys or this attention
   */
  Context attend(Tensor query, Keys keys);

  /**
   * One attention step: {@code attend(query, prepare(keys, lengths))}.
   *
   * @param query decoder state s (B, Hs)
   * @param keys encoder states h (B, Tx, He)
   * @param lengths real lengths (B), each in [1, Tx]
   * @return the context (B, He) and weights (B, Tx)
   * @throws IllegalArgumentException if a shape or length does not fit
   */
  default Context attend(Tensor query, Tensor keys, int[] lengths) {
    return attend(query, prepare(keys, lengths));
  }

  /** Hs, the size of the decoder state. */
  int querySize();

  /** He, the size of an encoder state (and of the context). */
  int keySize();
}
