package org.rnn4j.nn.recurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnn4j.kernel.BufferPool;
import org.rnn4j.tensor.CustomOp;
import org.rnn4j.tensor.Tensor;

/**
 * One layer (every direction) as a single autograd op whose backward step is backpropagation
 * through time.
 *
 * <p>The op's results ({@link CustomOp#recordAll}): the outputs (B, T, D·H), the final h
 * (D, B, H) and, for the LSTM, the final c (D, B, H); gradients from each of them flow back
 * through the one backward step.
 * Inputs of the node: x (B, T, I), or the embedding E (V, E) when a first layer reads token ids
 * ({@link LayerInput}), then h0 (D, B, H), c0 (D, B, H) for the LSTM, then per direction W_ih,
 * W_hh, b_ih, b_hh.
 *
 * <p>The reverse direction reads each sequence backwards within its own length: its step s of
 * row b is position {@code lengths[b] − 1 − s} ({@link StepOrder}). Inputs (or ids) are gathered
 * into each direction's step order, time-major, before the loop; each output row is written to
 * its batch-first place as the cell computes it, and input gradients are scattered back. Padded
 * positions of the outputs are zero.
 */
final class LayerPass {
  private final Cell cell;
  private final int[] lengths; // (B)
  private final int batch; // B
  private final int steps; // T
  private final int hidden; // H
  private final List<DirectionWeights> directions; // D = 1 or 2; index 1 is reverse
  private final StepOrder[] orders; // (D)
  private final double[][] stateGradientNorms; // (D, T) filled by backward, or null

  LayerPass(Cell cell, List<DirectionWeights> directions, int[] lengths, int steps,
      double[][] stateGradientNorms) {
    this.cell = cell;
    this.stateGradientNorms = stateGradientNorms;
    this.directions = directions;
    this.lengths = lengths;
    this.batch = lengths.length;
    this.steps = steps;
    this.hidden = directions.get(0).hidden();
    this.orders = new StepOrder[directions.size()];
    for (int dir = 0; dir < orders.length; dir++) {
      orders[dir] = new StepOrder(lengths, steps, dir == 1);
    }
  }

  /**
   * Runs the layer.
   *
   * @param input x (B, T, I), or ids (B, T) and their embedding
   * @param h0 initial hidden state (D, B, H)
   * @param c0 initial cell state (D, B, H); ignored (and not an input) unless the cell has one
   * @param intermediate whether only the next layer of the same call reads the outputs: without
   *     a graph they then come from the {@link BufferPool}, for the caller to give back
   * @return the outputs (B, T, D·H), the final h (D, B, H) and, with a cell state, the final c
   *     (D, B, H)
   */
  Tensor[] apply(LayerInput input, Tensor h0, Tensor c0, boolean intermediate) {
    List<Tensor> inputs = new ArrayList<>(List.of(input.tensor(), h0));
    if (cell.hasCellState()) {
      inputs.add(c0);
    }
    int firstWeight = inputs.size();
    directions.forEach(w -> inputs.addAll(List.of(w.tensors())));

    int d = directions.size();
    int bh = batch * hidden;
    boolean keepHistory = CustomOp.willRecord(inputs.toArray(Tensor[]::new));
    int outputSize = batch * steps * d * hidden;
    float[] outputs = intermediate && !keepHistory // (B, T, D·H)
        ? BufferPool.take(outputSize) : new float[outputSize];
    float[] finalH = new float[d * bh]; // (D, B, H)
    float[] finalC = cell.hasCellState() ? new float[d * bh] : null; // (D, B, H)
    TimeLoop[] loops = new TimeLoop[d];
    InputProjection[] projections = new InputProjection[d];
    for (int dir = 0; dir < d; dir++) {
      projections[dir] = input.projection(dir, directions.get(dir), orders[dir]);
      loops[dir] = new TimeLoop(cell, directions.get(dir), lengths, steps, projections[dir],
          keepHistory);
      loops[dir].forward(h0.data(), cell.hasCellState() ? c0.data() : null, dir * bh, outputs,
          orders[dir].rowOffsets(d * hidden, dir * hidden));
      Unroll u = loops[dir].u;
      System.arraycopy(u.h, u.stateRow(steps, 0), finalH, dir * bh, bh);
      if (finalC != null) {
        System.arraycopy(u.c, u.cellRow(steps, 0), finalC, dir * bh, bh);
      }
    }
    if (!keepHistory) { // no backward pass will follow: the buffers can serve the next call
      for (int dir = 0; dir < d; dir++) {
        loops[dir].u.release();
        projections[dir].release();
      }
    }
    int[] stateShape = {d, batch, hidden};
    float[][] results = {outputs, finalH, finalC};
    int[][] shapes = {{batch, steps, d * hidden}, stateShape, stateShape};
    int count = finalC == null ? 2 : 3;
    return CustomOp.recordAll(Arrays.copyOf(results, count), Arrays.copyOf(shapes, count),
        (dOuts, grads) -> backward(dOuts, grads, loops, projections, firstWeight),
        inputs.toArray(Tensor[]::new));
  }

  /**
   * Backpropagation through time of every direction.
   *
   * @param dOuts dL/d outputs (B, T, D·H), dL/d final h (D, B, H), dL/d final c (D, B, H); null
   *     where the loss does not depend on one
   */
  private void backward(float[][] dOuts, CustomOp.Gradients grads, TimeLoop[] loops,
      InputProjection[] projections, int firstWeight) {
    int d = directions.size();
    int bh = batch * hidden;
    for (int dir = 0; dir < d; dir++) {
      int wi = firstWeight + 4 * dir;
      TimeLoop.Grads g = new TimeLoop.Grads(
          grads.wanted(0) ? grads.buffer(0) : null,
          grads.wanted(wi) ? grads.buffer(wi) : null,
          grads.wanted(wi + 1) ? grads.buffer(wi + 1) : null,
          grads.wanted(wi + 2) ? grads.buffer(wi + 2) : null,
          grads.wanted(wi + 3) ? grads.buffer(wi + 3) : null,
          stateGradientNorms == null ? null : stateGradientNorms[dir]);
      float[] dOut = orders[dir].gather(dOuts[0], d * hidden, dir * hidden, hidden);
      float[] dhN = part(dOuts[1], dir * bh, bh);
      float[] dcN = cell.hasCellState() ? part(dOuts[2], dir * bh, bh) : null;
      Unroll u = loops[dir].backward(dOut, dhN, dcN, g);
      addInto(grads, 1, u.dh, dir * bh);
      if (cell.hasCellState()) {
        addInto(grads, 2, u.dc, dir * bh);
      }
      u.release(); // this call's backward pass is done: its buffers serve the next call
      projections[dir].release();
      BufferPool.give(dOut);
    }
  }

  /** {@code length} floats of {@code gradient} from {@code from}, zeros when it is null. */
  private static float[] part(float[] gradient, int from, int length) {
    return gradient == null ? new float[length]
        : Arrays.copyOfRange(gradient, from, from + length);
  }

  private static void addInto(CustomOp.Gradients grads, int input, float[] src, int off) {
    if (grads.wanted(input)) {
      float[] dst = grads.buffer(input);
      for (int i = 0; i < src.length; i++) {
        dst[off + i] += src[i];
      }
    }
  }
}
