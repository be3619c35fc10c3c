package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.BufferPool;
import org.rnn4j.kernel.Sizes;

/**
 * The order in which one direction of a layer visits the positions of a padded batch, and the
 * moves between the batch-first layout (B, T, ·) and that step order, time-major (T, B, ·).
 *
 * <pre>
 * step s of row b is position  p = s                  forward direction
 *                              p = lengths[b] − 1 − s reverse direction
 * real when s &lt; lengths[b]; rows of padded steps are zero (floats) or −1 (ids)
 * </pre>
 */
final class StepOrder {
  /** The id of a padded step in {@link #gatherIds}. */
  static final int PADDED = -1;

  private final int[] lengths; // (B)
  private final int steps; // T
  private final boolean reverse;

  /**
   * @param lengths (B) each sequence's real length, in [0, T]
   * @param steps T
   * @param reverse whether this is the reverse direction
   */
  StepOrder(int[] lengths, int steps, boolean reverse) {
    this.lengths = lengths;
    this.steps = steps;
    this.reverse = reverse;
  }

  private int batch() {
    return lengths.length;
  }

  /** The position (time index in the batch-first layout) of row b's step s, s &lt; lengths[b]. */
  private int position(int b, int s) {
    return reverse ? lengths[b] - 1 - s : s;
  }

  /**
   * Columns [col, col + n) of a (B, T, width) slab in step order, time-major (T, B, n), zero at
   * padded steps.
   *
   * @param src (B, T, width)
   * @return (T, B, n), taken from the {@link BufferPool}
   */
  float[] gather(float[] src, int width, int col, int n) {
    int b = batch();
    float[] dst = BufferPool.take(Sizes.product(steps, b, n)); // (T, B, n) zeroed
    for (int r = 0; r < b; r++) {
      for (int s = 0; s < lengths[r]; s++) {
        System.arraycopy(src, (r * steps + position(r, s)) * width + col, dst, (s * b + r) * n, n);
      }
    }
    return dst;
  }

  /**
   * The inverse of {@link #gather}, adding: adds the real step-order rows of {@code src} (from
   * {@code srcOff}, (T, B, n)) into columns [col, col + n) of the (B, T, width) slab {@code dst},
   * for gradients that other paths add to as well.
   */
  void scatterAdd(float[] dst, int width, int col, float[] src, int srcOff, int n) {
    int b = batch();
    for (int r = 0; r < b; r++) {
      for (int s = 0; s < lengths[r]; s++) {
        int to = (r * steps + position(r, s)) * width + col;
        int from = srcOff + (s * b + r) * n;
        for (int j = 0; j < n; j++) {
          dst[to + j] += src[from + j];
        }
      }
    }
  }

  /**
   * Where each step-order row (s, b) of a batch-first (B, T, width) slab starts: {@code (b·T +
   * position)·width}, {@link #PADDED} at padded steps.
   *
   * @return (T, B) offsets
   */
  int[] rowOffsets(int width) {
    return rowOffsets(width, 0);
  }

  /**
   * Where column {@code col} of each step-order row (s, b) of a batch-first (B, T, width) slab
   * is: {@code (b·T + position)·width + col}, {@link #PADDED} at padded steps.
   *
   * @return (T, B) offsets
   */
  int[] rowOffsets(int width, int col) {
    int[] offsets = batchFirstRows();
    for (int i = 0; i < offsets.length; i++) {
      if (offsets[i] != PADDED) {
        offsets[i] = offsets[i] * width + col;
      }
    }
    return offsets;
  }

  /**
   * Token ids (B, T), batch-first, in step order.
   *
   * @param ids (B, T) row-major
   * @return (T, B) the id read at each step, {@link #PADDED} at padded steps
   */
  int[] gatherIds(int[] ids) {
    int[] stepIds = batchFirstRows();
    for (int i = 0; i < stepIds.length; i++) {
      if (stepIds[i] != PADDED) {
        stepIds[i] = ids[stepIds[i]];
      }
    }
    return stepIds;
  }

  /** (T, B) the batch-first index b·T + position of each step-order row, PADDED at padded steps. */
  private int[] batchFirstRows() {
    int b = batch();
    int[] rows = new int[Sizes.product(steps, b)]; // (T, B)
    java.util.Arrays.fill(rows, PADDED);
    for (int r = 0; r < b; r++) {
      for (int s = 0; s < lengths[r]; s++) {
        rows[s * b + r] = r * steps + position(r, s);
      }
    }
    return rows;
  }
}
