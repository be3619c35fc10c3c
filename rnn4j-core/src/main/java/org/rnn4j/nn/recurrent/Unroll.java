package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.BufferPool;
import org.rnn4j.kernel.Sizes;

/**
 * The buffers of one direction of one layer unrolled over time: what the forward pass computes
 * and keeps for backpropagation through time, and the backward pass's work space. Everything is
 * time-major, so the rows of one step are contiguous and can be one GEMM operand. Taken from the
 * {@link BufferPool} once per layer call, before the time loop, and given back by {@link #release}
 * when the call is done (after its backward pass, or after the forward pass when none will
 * follow); cells only index into it.
 *
 * <p>Sizes: T steps, B batch rows, H hidden units, G gates, GH = G·H, Z = floats a cell saves per
 * row and step. Row b of step s of a (T, B, X) buffer starts at {@code (s·B + b)·X}. The hidden
 * states have T + 1 slots: slot 0 is the initial state, slot s + 1 the state after step s (they
 * are the layer's outputs). When no backward pass will follow ({@code keepHistory} false), the
 * cell states keep only two slots and the saved activations one step, and the input projection's
 * rows are read where the projection left them ({@link #readProjection}).
 */
final class Unroll {
  final int steps; // T
  final int batch; // B
  final int hidden; // H
  final int gateWidth; // GH
  final int savedWidth; // Z
  private final boolean keepHistory;
  private boolean released;

  float[] preIh; // (T, B, GH) W_ih·x⟨s⟩ for all steps at once, bias not included; see preIhRow
  private int[] preIhRows; // (T, B) where each row of P is in preIh, or null: step order
  final float[] hh; // (B, GH) W_hh·h⟨s−1⟩ of the current step, bias not included
  final float[] biasIh; // (GH) b_ih
  final float[] biasHh; // (GH) b_hh
  final float[] h; // (T + 1, B, H) hidden states
  final float[] c; // (T + 1, B, H) cell states (LSTM); (2, B, H) without history; else empty
  final float[] saved; // (T, B, Z) gate activations for backward; (B, Z) without history
  final float[] pre; // (B, GH) scratch: each row's pre-activations (the RNN and GRU cells)

  // Backward work space, allocated on the first backward call.
  float[] dh; // (B, H) dL/dh⟨s⟩ of the current step, all paths
  float[] dc; // (B, H) dL/dc⟨s⟩ (LSTM)
  float[] dhPrev; // (B, H) dL/dh⟨s−1⟩ being accumulated
  float[] dcPrev; // (B, H) dL/dc⟨s−1⟩ (LSTM)
  float[] dPreIh; // (T, B, GH) dL/d(W_ih·x + b_ih), in the buffer of preIh
  float[] dPreHh; // (T, B, GH) dL/d(W_hh·h + b_hh); the same array as dPreIh unless the cell is a GRU

  Unroll(Cell cell, int steps, int batch, DirectionWeights w, boolean keepHistory) {
    this.steps = steps;
    this.batch = batch;
    this.hidden = w.hidden();
    this.gateWidth = cell.gates() * hidden;
    this.savedWidth = cell.savedPerUnit() * hidden;
    this.keepHistory = keepHistory;
    // Every element of these is written before it is read: the input projection fills every
    // real row of preIh (padded rows are read by nothing; the backward pass zeroes them), the
    // product fills the rows of hh and the cells the rows of pre that a real step reads, every
    // state slot is written (a padded step copies the previous one) and saved rows are read
    // only for real steps. So they are not zeroed.
    this.preIh = keepHistory ? BufferPool.takeToOverwrite(Sizes.product(steps, batch, gateWidth))
        : null; // without history the projection's own rows are read (readProjection)
    this.hh = BufferPool.takeToOverwrite(Sizes.product(batch, gateWidth));
    this.biasIh = w.biasIh().data();
    this.biasHh = w.biasHh().data();
    this.h = BufferPool.takeToOverwrite(Sizes.product(steps + 1, batch, hidden));
    int cellSlots = keepHistory ? steps + 1 : 2;
    this.c = BufferPool.takeToOverwrite(
        cell.hasCellState() ? Sizes.product(cellSlots, batch, hidden) : 0);
    this.saved = BufferPool.takeToOverwrite(
        Sizes.product(keepHistory ? steps : 1, batch, savedWidth));
    this.pre = BufferPool.takeToOverwrite(Sizes.product(batch, gateWidth));
  }

  void allocateBackward(Cell cell) {
    if (!keepHistory) {
      throw new IllegalStateException("this unroll kept no history for a backward pass");
    }
    if (released) {
      throw new IllegalStateException("the backward pass of this recurrent layer call has run"
          + " already and its buffers are reused: run the forward pass again for another");
    }
    int bh = batch * hidden;
    dh = BufferPool.take(bh);
    dc = BufferPool.take(cell.hasCellState() ? bh : 0);
    dhPrev = BufferPool.take(bh);
    dcPrev = BufferPool.take(cell.hasCellState() ? bh : 0);
    // The pre-activations are not read after the forward pass, so their buffer takes the
    // gradients: the cells overwrite every real row, the time loop zeroes the padded ones.
    dPreIh = preIh;
    dPreHh = cell.separateHiddenGradient() ? BufferPool.take(dPreIh.length) : dPreIh;
  }

  /**
   * Gives every buffer back to the {@link BufferPool}; nothing may read this unroll afterwards,
   * and a later {@link #allocateBackward} fails. Once only.
   */
  void release() {
    if (released) {
      return;
    }
    released = true;
    BufferPool.give(preIhRows == null ? preIh : null, hh, h, c, saved, pre, dh, dc, dhPrev, dcPrev,
        dPreHh == dPreIh ? null : dPreHh);
  }

  /** Whether this unroll keeps what a backward pass needs. */
  boolean keepsHistory() {
    return keepHistory;
  }

  /**
   * Reads P from where a projection left it ({@link InputProjection#forwardInPlace}) instead of
   * from a (T, B, GH) copy in step order; for a forward pass without history, which never
   * writes to {@link #preIh}. The projection keeps the array.
   */
  void readProjection(ProjectedRows rows) {
    if (keepHistory) {
      throw new IllegalStateException("a pass with history keeps P in step order");
    }
    preIh = rows.values();
    preIhRows = rows.offsets();
  }

  /** Offset in {@link #preIh} of row b of P = W_ih·x at step s. */
  int preIhRow(int s, int b) {
    return preIhRows == null ? gateRow(s, b) : preIhRows[s * batch + b];
  }

  /** Offset of row b of step s in a (T, B, GH) buffer. */
  int gateRow(int s, int b) {
    return (s * batch + b) * gateWidth;
  }

  /** Offset of row b of hidden-state slot {@code slot}. */
  int stateRow(int slot, int b) {
    return (slot * batch + b) * hidden;
  }

  /** Offset of row b of cell-state slot {@code slot}. */
  int cellRow(int slot, int b) {
    return ((keepHistory ? slot : slot & 1) * batch + b) * hidden;
  }

  /** Offset of row b of step s in the saved activations. */
  int savedRow(int s, int b) {
    return ((keepHistory ? s : 0) * batch + b) * savedWidth;
  }

  /**
   * Fills row b of {@link #pre} with the pre-activations at step s, W_ih·x + b_ih + W_hh·h + b_hh,
   * for gate columns [0, n).
   *
   * @return the offset of row b in {@link #pre}
   */
  int sumPreActivations(int s, int b, int n) {
    int ih = preIhRow(s, b);
    int hr = b * gateWidth;
    for (int j = 0; j < n; j++) {
      pre[hr + j] = preIh[ih + j] + biasIh[j] + hh[hr + j] + biasHh[j];
    }
    return hr;
  }
}
