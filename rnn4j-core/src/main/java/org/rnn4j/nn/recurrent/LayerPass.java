package org.rnn4j.nn.recurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.CustomOp;
import org.rnn4j.tensor.Tensor;

/**
 * One layer (every direction) as a single autograd node whose backward step is
 * backpropagation through time.
 *
 * <p>The node's output packs everything the layer returns into one flat tensor, so that the
 * caller can slice out each part and gradients from every part flow back through this node:
 * <pre>
 * [ outputs (B, T, D·H) | final h (D, B, H) | final c (D, B, H), LSTM only ]
 * </pre>
 * Inputs of the node: x (B, T, I), h0 (D, B, H), c0 (D, B, H) for the LSTM, then per direction
 * W_ih, W_hh, b_ih, b_hh.
 *
 * <p>The reverse direction reads each sequence backwards within its own length: its step s of
 * row b is position {@code lengths[b] − 1 − s}. Inputs are gathered into each direction's step
 * order, time-major, before the loop; outputs and input gradients are scattered back. Padded
 * positions of the outputs are zero.
 */
final class LayerPass {
  private final Cell cell;
  private final int[] lengths; // (B)
  private final int batch; // B
  private final int steps; // T
  private final int inputSize; // I
  private final int hidden; // H
  private final List<DirectionWeights> directions; // D = 1 or 2; index 1 is reverse
  private final double[][] stateGradientNorms; // (D, T) filled by backward, or null

  LayerPass(Cell cell, List<DirectionWeights> directions, int[] lengths, int steps, int inputSize,
      double[][] stateGradientNorms) {
    this.cell = cell;
    this.stateGradientNorms = stateGradientNorms;
    this.directions = directions;
    this.lengths = lengths;
    this.batch = lengths.length;
    this.steps = steps;
    this.inputSize = inputSize;
    this.hidden = directions.get(0).hidden();
  }

  /** Offset of the final hidden states in the packed output. */
  int finalHiddenAt() {
    return batch * steps * directions.size() * hidden;
  }

  /** Offset of the final cell states in the packed output (LSTM). */
  int finalCellAt() {
    return finalHiddenAt() + directions.size() * batch * hidden;
  }

  private int packedSize() {
    return cell.hasCellState() ? finalCellAt() + directions.size() * batch * hidden
        : finalCellAt();
  }

  /**
   * Runs the layer.
   *
   * @param x input (B, T, I)
   * @param h0 initial hidden state (D, B, H)
   * @param c0 initial cell state (D, B, H); ignored (and not an input) unless the cell has one
   * @return the packed output described in the class comment
   */
  Tensor apply(Tensor x, Tensor h0, Tensor c0) {
    List<Tensor> inputs = new ArrayList<>(List.of(x, h0));
    if (cell.hasCellState()) {
      inputs.add(c0);
    }
    int firstWeight = inputs.size();
    directions.forEach(w -> inputs.addAll(List.of(w.tensors())));

    int d = directions.size();
    int bh = batch * hidden;
    boolean keepHistory = CustomOp.willRecord(inputs.toArray(Tensor[]::new));
    float[] packed = new float[packedSize()];
    TimeLoop[] loops = new TimeLoop[d];
    float[][] xs = new float[d][]; // per direction (T, B, I), step order
    for (int dir = 0; dir < d; dir++) {
      xs[dir] = gather(x.data(), inputSize, 0, inputSize, dir == 1);
      loops[dir] =
          new TimeLoop(cell, directions.get(dir), lengths, steps, inputSize, keepHistory);
      loops[dir].forward(xs[dir], h0.data(), cell.hasCellState() ? c0.data() : null, dir * bh);
      Unroll u = loops[dir].u;
      scatterAdd(packed, d * hidden, dir * hidden, u.h, batch * hidden, hidden, dir == 1);
      System.arraycopy(u.h, u.stateRow(steps, 0), packed, finalHiddenAt() + dir * bh, bh);
      if (cell.hasCellState()) {
        System.arraycopy(u.c, u.cellRow(steps, 0), packed, finalCellAt() + dir * bh, bh);
      }
    }
    if (!keepHistory) { // no backward pass will follow: the buffers can serve the next call
      for (int dir = 0; dir < d; dir++) {
        loops[dir].u.release();
        BufferPool.give(xs[dir]);
      }
    }
    return CustomOp.record(packed, new int[] {packed.length},
        (dPacked, grads) -> backward(dPacked, grads, loops, xs, firstWeight),
        inputs.toArray(Tensor[]::new));
  }

  private void backward(
      float[] dPacked, CustomOp.Gradients grads, TimeLoop[] loops, float[][] xs, int firstWeight) {
    int d = directions.size();
    int bh = batch * hidden;
    for (int dir = 0; dir < d; dir++) {
      int wi = firstWeight + 4 * dir;
      TimeLoop.Grads g = new TimeLoop.Grads(
          grads.wanted(0) ? BufferPool.take(Sizes.product(steps, batch, inputSize)) : null,
          grads.wanted(wi) ? grads.buffer(wi) : null,
          grads.wanted(wi + 1) ? grads.buffer(wi + 1) : null,
          grads.wanted(wi + 2) ? grads.buffer(wi + 2) : null,
          grads.wanted(wi + 3) ? grads.buffer(wi + 3) : null,
          stateGradientNorms == null ? null : stateGradientNorms[dir]);
      float[] dOut = gather(dPacked, d * hidden, dir * hidden, hidden, dir == 1);
      int hAt = finalHiddenAt() + dir * bh;
      int cAt = finalCellAt() + dir * bh;
      float[] dhN = Arrays.copyOfRange(dPacked, hAt, hAt + bh);
      float[] dcN = cell.hasCellState() ? Arrays.copyOfRange(dPacked, cAt, cAt + bh) : null;
      Unroll u = loops[dir].backward(xs[dir], dOut, dhN, dcN, g);
      if (g.dx() != null) {
        scatterAdd(grads.buffer(0), inputSize, 0, g.dx(), 0, inputSize, dir == 1);
      }
      addInto(grads, 1, u.dh, dir * bh);
      if (cell.hasCellState()) {
        addInto(grads, 2, u.dc, dir * bh);
      }
      u.release(); // this call's backward pass is done: its buffers serve the next call
      BufferPool.give(xs[dir], dOut, g.dx());
    }
  }

  private static void addInto(CustomOp.Gradients grads, int input, float[] src, int off) {
    if (grads.wanted(input)) {
      float[] dst = grads.buffer(input);
      for (int i = 0; i < src.length; i++) {
        dst[off + i] += src[i];
      }
    }
  }

  /**
   * Gathers a (B, T, width) slab of columns [col, col + n) into step order, time-major (T, B, n):
   * row b of step s takes position s, or lengths[b] − 1 − s when reverse; zero at padded steps.
   */
  private float[] gather(float[] src, int width, int col, int n, boolean reverse) {
    float[] dst = BufferPool.take(Sizes.product(steps, batch, n)); // zeroed
    for (int b = 0; b < batch; b++) {
      for (int s = 0; s < lengths[b]; s++) {
        int pos = reverse ? lengths[b] - 1 - s : s;
        System.arraycopy(src, (b * steps + pos) * width + col, dst, (s * batch + b) * n, n);
      }
    }
    return dst;
  }

  /**
   * The inverse of {@link #gather}: adds the step-order rows of {@code src} (from {@code srcOff},
   * (T, B, n)) into columns [col, col + n) of the (B, T, width) slab {@code dst}.
   */
  private void scatterAdd(
      float[] dst, int width, int col, float[] src, int srcOff, int n, boolean reverse) {
    for (int b = 0; b < batch; b++) {
      for (int s = 0; s < lengths[b]; s++) {
        int pos = reverse ? lengths[b] - 1 - s : s;
        int to = (b * steps + pos) * width + col;
        int from = srcOff + (s * batch + b) * n;
        for (int j = 0; j < n; j++) {
          dst[to + j] += src[from + j];
        }
      }
    }
  }
}
