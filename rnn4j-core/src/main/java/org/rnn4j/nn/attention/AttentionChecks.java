package org.rnn4j.nn.attention;

import java.util.Arrays;
import org.rnn4j.tensor.Tensor;

/** Argument checks at the attention API boundary; messages give expected and actual shapes. */
final class AttentionChecks {
  private AttentionChecks() {}

  /**
   * Checks encoder states and their lengths.
   *
   * @param keys must be (B, Tx, He) with He = {@code keySize}
   * @param lengths must have B entries, each in [1, Tx]
   */
  static void keys(Tensor keys, int[] lengths, int keySize) {
    if (keys.rank() != 3 || keys.dim(2) != keySize) {
      throw new IllegalArgumentException("keys must have shape (B, Tx, " + keySize + "): got shape "
          + Arrays.toString(keys.shape()));
    }
    int b = keys.dim(0);
    int s = keys.dim(1);
    if (lengths.length != b) {
      throw new IllegalArgumentException("lengths must have one entry per batch row: expected "
          + b + ", got " + lengths.length + " (keys shape " + Arrays.toString(keys.shape()) + ")");
    }
    for (int i = 0; i < b; i++) {
      if (lengths[i] < 1 || lengths[i] > s) {
        throw new IllegalArgumentException("lengths[" + i + "] must be in [1, " + s + "], got "
            + lengths[i] + " (keys shape " + Arrays.toString(keys.shape()) + ")");
      }
    }
  }

  /**
   * Checks a decoder state against prepared keys.
   *
   * @param query must be (B, Hs) with B the keys' batch size and Hs = {@code querySize}
   */
  static void query(Tensor query, Attention.Keys keys, int querySize) {
    int b = keys.keys().dim(0);
    if (query.rank() != 2 || query.dim(0) != b || query.dim(1) != querySize) {
      throw new IllegalArgumentException("query must have shape [" + b + ", " + querySize
          + "] (B, Hs): got shape " + Arrays.toString(query.shape()));
    }
  }

  /**
   * Checks that prepared keys come from an attention of this projection size.
   *
   * @param projectedSize the last dimension this attention's {@code prepare} gives
   */
  static void prepared(Attention.Keys keys, int projectedSize) {
    if (keys.projected().dim(2) != projectedSize) {
      throw new IllegalArgumentException("prepared keys do not fit this attention: projected size"
          + " expected " + projectedSize + ", got shape "
          + Arrays.toString(keys.projected().shape()) + "; prepare them with this attention");
    }
  }

  /** Checks a size given to a constructor or factory. */
  static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
