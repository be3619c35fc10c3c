package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.BufferPool;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.Tensor;

/**
 * The table T = E·W_ihᵀ (V, GH) of one direction of a first layer that reads token ids: row v is
 * the input projection of token v, so the projection of a batch is a gather of rows. Made for one
 * call (a pool buffer, given back by {@link #release}) or kept for frozen weights (see {@link
 * FrozenTable}; never given back).
 */
final class InputTable {
  private final float[] values; // (V, GH)
  private final boolean kept;

  private InputTable(float[] values, boolean kept) {
    this.values = values;
    this.kept = kept;
  }

  /** T computed for one call, in a buffer from the {@link BufferPool}. */
  static InputTable forCall(Tensor embedding, Tensor weightIh) {
    float[] t = BufferPool.take(Sizes.product(embedding.dim(0), weightIh.dim(0))); // (V, GH)
    compute(t, embedding, weightIh);
    return new InputTable(t, false);
  }

  /** T computed once to be kept, in a new array. */
  static InputTable toKeep(Tensor embedding, Tensor weightIh) {
    float[] t = new float[Sizes.product(embedding.dim(0), weightIh.dim(0))]; // (V, GH)
    compute(t, embedding, weightIh);
    return new InputTable(t, true);
  }

  /** T = E·W_ihᵀ: E (V, E) times W_ihᵀ (E, GH), as a dense layer projects its rows. */
  private static void compute(float[] t, Tensor embedding, Tensor weightIh) {
    DenseProjection.project(t, embedding.data(), embedding.dim(0), weightIh);
  }

  /** T (V, GH), row-major; read only. */
  float[] values() {
    return values;
  }

  /** Gives a per-call table back to the pool; a kept table stays. Once, when the call is done. */
  void release() {
    if (!kept) {
      BufferPool.give(values);
    }
  }
}
