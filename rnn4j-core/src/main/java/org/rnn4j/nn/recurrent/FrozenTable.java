package org.rnn4j.nn.recurrent;

import org.rnn4j.tensor.Tensor;

/**
 * The kept table T = E·W_ihᵀ (V, GH) of one direction of a first layer whose embedding E and
 * W_ih are both frozen: computed on first use, then the same array for every call, from any
 * thread (the double-checked publication of {@link Tensor#packedTranspose}). It belongs to one
 * embedding tensor: a call with another one computes and keeps that one's table instead.
 *
 * <p>Frozen means the values do not change ({@link Tensor#freeze}); a table kept from weights
 * that were then written to would not follow them. Freezing cannot be undone, so a kept table
 * stays valid; a call whose weights are not both frozen never reads it.
 */
final class FrozenTable {
  private final Tensor weightIh; // W_ih (GH, E)
  private volatile Entry entry;

  private record Entry(Tensor embedding, InputTable table) {}

  /**
   * @param weightIh W_ih (GH, E) of this direction
   */
  FrozenTable(Tensor weightIh) {
    this.weightIh = weightIh;
  }

  /**
   * The table of {@code embedding} and this direction's W_ih, computed on the first call.
   *
   * @param embedding E (V, E), frozen
   * @return T (V, GH), kept
   * @throws IllegalStateException if E or W_ih is not frozen
   */
  InputTable get(Tensor embedding) {
    if (!embedding.frozen() || !weightIh.frozen()) {
      throw new IllegalStateException("a table is kept only for a frozen embedding and W_ih");
    }
    Entry e = entry;
    if (e == null || e.embedding() != embedding) {
      synchronized (this) {
        e = entry;
        if (e == null || e.embedding() != embedding) {
          e = new Entry(embedding, InputTable.toKeep(embedding, weightIh));
          entry = e;
        }
      }
    }
    return e.table();
  }

  /** The kept table's values (V, GH), or null before the first call. */
  float[] peek() {
    Entry e = entry;
    return e == null ? null : e.table().values();
  }
}
