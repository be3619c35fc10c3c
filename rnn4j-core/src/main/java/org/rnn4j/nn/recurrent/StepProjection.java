package org.rnn4j.nn.recurrent;

import java.util.Arrays;
import org.rnn4j.kernel.BufferPool;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.Tensor;

/**
 * The input projection of dense inputs computed one step at a time, just before the step's
 * recurrent product, for a forward pass that no backward pass follows:
 *
 * <pre>
 * X⟨s⟩ = x's rows of step s (B, I)        gathered from x (B, T, I) in the direction's step order
 * P⟨s⟩ = X⟨s⟩·W_ihᵀ (B, GH)               W_ihᵀ packed once per call, or once for all when frozen
 * </pre>
 *
 * Computed for the whole sequence at once, P (T·B, GH) is written to memory and read back a step
 * at a time; for a layer of 512 LSTM units and 3,200 rows that is 26 MB each way, beyond the
 * caches. A step's P (B, GH) stays in the cache of the core that computes it and then reads it,
 * and the product of a few rows runs as fast per flop as the product of all of them (a step's
 * rows take the same micro-kernels; on one core 16 × 512 × 2048 ran at 112.4 GFLOP/s, 3200 × 512
 * × 2048 at 103.7–105.2), so the projection costs its arithmetic and little else.
 * Each row of P⟨s⟩ is the same dot products as in the product over all rows, so the bits do not
 * change. It pays only while W_ih and W_hh stay in the caches between steps ({@link #pays}).
 */
final class StepProjection {
  /**
   * The most floats in W_ih and W_hh together for which the projection is computed step by
   * step: 16 MB, half of the 32 MB L3 cache of the machine the benchmarks ran on, so that both
   * weights stream from L3 at every step rather than from memory. Beyond it, C5's layer (32 MB
   * of weights, 268 MFLOP a step) ran 8.2% and 11.3% slower step by step, alternating pass by
   * pass in one JVM.
   */
  static final long MAX_WEIGHT_FLOATS = 4L << 20;

  /**
   * The fewest flops, 2·B·I·GH, in one step's projection for which it is computed step by step:
   * small products pay a fixed cost per call that the whole-sequence product pays once. This
   * bound (some 70 µs of arithmetic on one core) lies between the two layers measured on 2 cores
   * of an AMD EPYC, alternating pass by pass in one JVM: with the second layer of C1 step by step
   * (67 MFLOP a step), its inference ran 0.1–2.4% faster (median 1.4%, seven runs); with the
   * single layer of C3 (0.5 MFLOP a step), 1.8% and 4.7% slower.
   */
  static final long MIN_STEP_FLOPS = 8_000_000;

  /**
   * {@link #MIN_STEP_FLOPS}, unless a test or a measurement sets it: 0 computes every projection
   * that may go step by step so, {@link Long#MAX_VALUE} none.
   */
  static volatile long minStepFlops = MIN_STEP_FLOPS;

  private final float[] x; // (B, T, I) the layer's input
  private final int[] xRows; // (T, B) each step-order row's offset in x, PADDED at padded steps
  private final int batch; // B
  private final int inputSize; // I
  private final int gateWidth; // GH
  private final TransposedWeight weightT; // W_ihᵀ (I, GH)
  private final float[] stepInput; // (B, I) X⟨s⟩
  final float[] values; // (B, GH) P⟨s⟩

  private StepProjection(float[] x, int[] xRows, int batch, Tensor weightIh) {
    this.x = x;
    this.xRows = xRows;
    this.batch = batch;
    this.inputSize = weightIh.dim(1);
    this.gateWidth = weightIh.dim(0);
    this.weightT = TransposedWeight.of(weightIh);
    this.stepInput = BufferPool.takeToOverwrite(Sizes.product(batch, inputSize));
    this.values = BufferPool.takeToOverwrite(Sizes.product(batch, gateWidth));
  }

  /**
   * @param x the layer's input (B, T, I)
   * @param weightIh W_ih (GH, I)
   * @param order the direction's step order
   */
  static StepProjection of(Tensor x, Tensor weightIh, StepOrder order) {
    return new StepProjection(x.data(), order.rowOffsets(x.dim(2)), x.dim(0), weightIh);
  }

  /**
   * Whether computing the projection step by step pays for a layer: a step's projection big
   * enough ({@link #minStepFlops}), W_ih and W_hh small enough to stay in the caches ({@link
   * #MAX_WEIGHT_FLOATS}), and a product of the blocked kernels rather than dot products.
   *
   * @param batch B
   * @param gateWidth GH
   * @param inputSize I
   * @param hidden H
   */
  static boolean pays(int batch, int gateWidth, int inputSize, int hidden) {
    return !Gemm.dotProducts(gateWidth)
        && 2L * batch * inputSize * gateWidth >= minStepFlops
        && (long) gateWidth * (inputSize + hidden) <= MAX_WEIGHT_FLOATS;
  }

  /** Where row (s, b) of P is: row b of {@link #values} at every step. */
  ProjectedRows rows(int steps) {
    int[] offsets = new int[Sizes.product(steps, batch)]; // (T, B)
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = (i % batch) * gateWidth;
    }
    return new ProjectedRows(values, offsets);
  }

  /**
   * Rows [from, to) of P⟨s⟩ = X⟨s⟩·W_ihᵀ into {@link #values}; the rows of padded steps come out
   * zero, and nothing reads them.
   */
  void project(int s, int from, int to) {
    for (int r = from; r < to; r++) {
      int src = xRows[s * batch + r];
      if (src == StepOrder.PADDED) {
        Arrays.fill(stepInput, r * inputSize, (r + 1) * inputSize, 0f);
      } else {
        System.arraycopy(x, src, stepInput, r * inputSize, inputSize);
      }
    }
    Gemm.multiply(values, from * gateWidth, stepInput, from * inputSize, false, to - from,
        weightT.matrix(), false);
  }

  /** Gives the buffers back to the pool; once, when the pass is done. */
  void release() {
    weightT.release();
    BufferPool.give(stepInput, values);
  }
}
