package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.BufferPool;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.tensor.Tensor;

/**
 * Wᵀ (K, N) of a layer weight W (N, K), packed for the products of one layer call: the packing a
 * frozen tensor keeps for all calls ({@link Tensor#packedTranspose}), or else a packing into a
 * pool buffer that {@link #release} gives back when the call is done.
 *
 * @param matrix Wᵀ (K, N), packed
 * @param buffer the pool buffer holding it, or null when the tensor keeps the packing
 */
record TransposedWeight(PackedMatrix matrix, float[] buffer) {

  /** Wᵀ of {@code weight} (N, K), packed for this call or, when frozen, as kept. */
  static TransposedWeight of(Tensor weight) {
    if (weight.frozen()) {
      return new TransposedWeight(weight.packedTranspose(), null);
    }
    int n = weight.dim(0);
    int k = weight.dim(1);
    float[] buffer = BufferPool.takeToOverwrite(Gemm.packedSize(k, n));
    return new TransposedWeight(Gemm.pack(weight.data(), 0, k, n, true, buffer), buffer);
  }

  /** Gives the pool buffer back, if any; once, when the call's products are done. */
  void release() {
    BufferPool.give(buffer);
  }
}
