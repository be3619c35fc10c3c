package org.rnn4j.nn.recurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Inputs of the node: x (B, T, I), or the embedding E (V, E) when a first layer reads token ids
 * ({@link LayerInput}), then h0 (D, B, H), c0 (D, B, H) for the LSTM, then per direction W_ih,
 * W_hh, b_ih, b_hh.
 *
 * <p>The reverse direction reads each sequence backwards within its own length: its step s of
 * row b is position {@code lengths[b] − 1 − s} ({@link StepOrder}). Inputs (or ids) are gathered
 * into each direction's step order, time-major, before the loop; outputs and input gradients are
 * scattered back. Padded positions of the outputs are zero.
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
   * @param input x (B, T, I), or ids (B, T) and their embedding
   * @param h0 initial hidden state (D, B, H)
   * @param c0 initial cell state (D, B, H); ignored (and not an input) unless the cell has one
   * @return the packed output described in the class comment
   */
  Tensor apply(LayerInput input, Tensor h0, Tensor c0) {
    List<Tensor> inputs = new ArrayList<>(List.of(input.tensor(), h0));
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
    InputProjection[] projections = new InputProjection[d];
    for (int dir = 0; dir < d; dir++) {
      projections[dir] = input.projection(dir, directions.get(dir), orders[dir]);
      loops[dir] = new TimeLoop(cell, directions.get(dir), lengths, steps, projections[dir],
          keepHistory);
      loops[dir].forward(h0.data(), cell.hasCellState() ? c0.data() : null, dir * bh);
      Unroll u = loops[dir].u;
      orders[dir].scatter(packed, d * hidden, dir * hidden, u.h, batch * hidden, hidden);
      System.arraycopy(u.h, u.stateRow(steps, 0), packed, finalHiddenAt() + dir * bh, bh);
      if (cell.hasCellState()) {
        System.arraycopy(u.c, u.cellRow(steps, 0), packed, finalCellAt() + dir * bh, bh);
      }
    }
    if (!keepHistory) { // no backward pass will follow: the buffers can serve the next call
      for (int dir = 0; dir < d; dir++) {
        loops[dir].u.release();
        projections[dir].release();
      }
    }
    return CustomOp.record(packed, new int[] {packed.length},
        (dPacked, grads) -> backward(dPacked, grads, loops, projections, firstWeight),
        inputs.toArray(Tensor[]::new));
  }

  private void backward(float[] dPacked, CustomOp.Gradients grads, TimeLoop[] loops,
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
      float[] dOut = orders[dir].gather(dPacked, d * hidden, dir * hidden, hidden);
      int hAt = finalHiddenAt() + dir * bh;
      int cAt = finalCellAt() + dir * bh;
      float[] dhN = Arrays.copyOfRange(dPacked, hAt, hAt + bh);
      float[] dcN = cell.hasCellState() ? Arrays.copyOfRange(dPacked, cAt, cAt + bh) : null;
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

  private static void addInto(CustomOp.Gradients grads, int input, float[] src, int off) {
    if (grads.wanted(input)) {
      float[] dst = grads.buffer(input);
      for (int i = 0; i < src.length; i++) {
        dst[off + i] += src[i];
      }
    }
  }
}
