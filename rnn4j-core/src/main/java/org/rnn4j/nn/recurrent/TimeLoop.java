package org.rnn4j.nn.recurrent;

import java.util.function.IntConsumer;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.GemmShape;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.kernel.Parallelism;

/**
 * One direction of one layer run through time, forward and backward (backpropagation through
 * time), in this direction's step order. Step s of row b is real when {@code s < lengths[b]}; at
 * padded steps the state is carried unchanged and no gradient reaches the weights.
 *
 * <pre>
 * forward:   P = X·W_ihᵀ                             all T·B rows at once ({@link InputProjection}:
 *                                                    one GEMM, or a gather from E·W_ihᵀ)
 *            for s: Q = h⟨s−1⟩·W_hhᵀ                 W_hhᵀ packed once per call, or once for all
 *                                                    calls when frozen; (B, H)·(H, GH)
 *                   h⟨s⟩, c⟨s⟩ = cell(P⟨s⟩ + b_ih, Q + b_hh, h⟨s−1⟩, c⟨s−1⟩)   biases added in the row pass
 *                   on several threads: each takes a range of hidden units, its gate columns of Q
 *                   and then its units' cells (see unitParts)
 * backward:  for s = T−1 … 0: dPre⟨s⟩ = cell'(dh⟨s⟩, dc⟨s⟩);  dh⟨s−1⟩ = direct + dPreHh⟨s⟩·W_hh
 *            dW_ih, d(input) from dPreIh ({@link InputProjection})   dW_hh += dPreHhᵀ·H⟨0..T−1⟩
 * </pre>
 * Gradients below {@link #FLUSH_BELOW} in the backward recurrence are set to zero: products of
 * many small factors would otherwise decay into subnormal floats, which this CPU handles 10–50×
 * slower, and the JVM cannot switch on flush-to-zero.
 */
final class TimeLoop {
  /** Magnitudes below this are flushed to zero in the backward recurrence. */
  static final float FLUSH_BELOW = 1e-30f;

  /**
   * The elementwise pass of a step is split across threads from this many gate values (B·GH):
   * about 10 µs of work on one core, against about 1 µs to hand a part to a spinning worker.
   */
  static final int PARALLEL_MIN_GATE_VALUES = 16_384;

  private final Cell cell;
  private final DirectionWeights w;
  private final int[] lengths; // (B)
  private final InputProjection projection;
  final Unroll u;

  // State of the time loop shared with the row work, so the loop allocates nothing per step.
  private int step;
  private float[] dOut; // (T, B, H) during backward
  private int parts;
  private RowRange rowWork;
  private final RowRange forwardRows = (from, to) -> forwardRows(step, from, to);
  private PackedMatrix whhT; // (H, GH) during forward
  private int[][] unitColumns; // per part: (from, to) gate column pairs of its hidden units
  private final IntConsumer unitPart = p -> forwardUnits(step, p);
  private final RowRange backwardRows = (from, to) -> backwardRows(step, from, to, dOut);
  private final IntConsumer rowPart =
      p -> rowWork.run(p * batch() / parts, (p + 1) * batch() / parts);

  /**
   * @param projection this direction's input projection P = X·W_ihᵀ
   * @param keepHistory keep what a backward pass needs; false for inference
   */
  TimeLoop(Cell cell, DirectionWeights w, int[] lengths, int steps, InputProjection projection,
      boolean keepHistory) {
    this.cell = cell;
    this.w = w;
    this.lengths = lengths;
    this.projection = projection;
    this.u = new Unroll(cell, steps, lengths.length, w, keepHistory);
  }

  /**
   * Runs the recurrence.
   *
   * @param h0 initial hidden state (B, H) at offset {@code off}
   * @param c0 initial cell state (B, H) at offset {@code off}, LSTM only (else ignored)
   */
  void forward(float[] h0, float[] c0, int off) {
    int t = u.steps;
    int b = u.batch;
    int h = u.hidden;
    int gh = u.gateWidth;
    projection.forward(u.preIh);
    System.arraycopy(h0, off, u.h, 0, b * h);
    if (cell.hasCellState()) {
      System.arraycopy(c0, off, u.c, 0, b * h);
    }
    whhT = w.weightHh().frozen() ? w.weightHh().packedTranspose() // (H, GH)
        : Gemm.pack(w.weightHh().data(), 0, h, gh, true);
    int unitParts = unitParts();
    for (int s = 0; s < t; s++) {
      step = s;
      if (unitParts > 1) {
        Parallelism.run(unitParts, unitPart);
      } else {
        Gemm.multiply(u.hh, 0, u.h, u.stateRow(s, 0), false, b, whhT, false);
        forEachRowRange(forwardRows);
      }
    }
    whhT = null;
  }

  /**
   * How many threads share each forward step by hidden units: part p takes units
   * [p·H/P, (p+1)·H/P) and, for them, computes their G gate columns of h⟨s−1⟩·W_hhᵀ and then the
   * cell update of every row. That is one hand-off per step instead of one for the product and
   * one for the cell, and each thread's cell reads the columns it has just written. Parallelism
   * gives part p to the same thread at every step, so a thread's slice of W_hh stays in its
   * core's cache. 1 (the whole step on the caller, each half split as it sees fit) when the
   * product is too small to split or H/P is not a multiple of the panel width.
   */
  private int unitParts() {
    int h = u.hidden;
    int gates = cell.gates();
    int parts = unitParts(u.batch, h, gates, Gemm.panelWidth(whhT));
    if (parts < 2) {
      return 1;
    }
    this.parts = parts;
    unitColumns = new int[parts][2 * gates];
    for (int p = 0; p < parts; p++) {
      for (int g = 0; g < gates; g++) {
        unitColumns[p][2 * g] = g * h + p * h / parts;
        unitColumns[p][2 * g + 1] = g * h + (p + 1) * h / parts;
      }
    }
    return parts;
  }

  /**
   * The number of unit parts for a step of B rows, H units and G gates on {@link
   * Parallelism#threads()} threads, with W_hh packed in panels of {@code panelWidth} columns.
   */
  static int unitParts(int batch, int hidden, int gates, int panelWidth) {
    int parts = Math.min(Parallelism.threads(), hidden);
    if (parts < 2 || !Gemm.splitsAcrossThreads(batch, gates * hidden, hidden)
        || hidden % (parts * panelWidth) != 0) {
      return 1;
    }
    return parts;
  }

  /** Part {@code part} of step s: its units' gate columns of the product, then their cells. */
  private void forwardUnits(int s, int part) {
    int from = part * u.hidden / parts;
    int to = (part + 1) * u.hidden / parts;
    Gemm.multiplyColumns(u.hh, 0, u.h, u.stateRow(s, 0), u.batch, whhT, unitColumns[part], false);
    for (int r = 0; r < u.batch; r++) {
      if (s < lengths[r]) {
        cell.forward(u, s, r, from, to);
      } else { // padded step: carry the state
        carry(s, r, from, to);
      }
    }
  }

  /** Copies hidden units [from, to) of row r's state (and cell state) from slot s to s + 1. */
  private void carry(int s, int r, int from, int to) {
    System.arraycopy(u.h, u.stateRow(s, r) + from, u.h, u.stateRow(s + 1, r) + from, to - from);
    if (cell.hasCellState()) {
      System.arraycopy(u.c, u.cellRow(s, r) + from, u.c, u.cellRow(s + 1, r) + from, to - from);
    }
  }

  private int batch() {
    return u.batch;
  }

  private void forwardRows(int s, int from, int to) {
    for (int r = from; r < to; r++) {
      if (s < lengths[r]) {
        cell.forward(u, s, r, 0, u.hidden);
      } else { // padded step: carry the state
        carry(s, r, 0, u.hidden);
      }
    }
  }

  /** Work on the batch rows [from, to) of the current {@link #step}. */
  @FunctionalInterface
  private interface RowRange {
    void run(int from, int to);
  }

  /**
   * Runs {@code work} over all batch rows, split across threads when a step is big enough. The
   * work objects are made once per loop, so the time loop allocates nothing.
   */
  private void forEachRowRange(RowRange work) {
    int b = u.batch;
    int parts = Math.min(Parallelism.threads(), b);
    if (parts < 2 || b * u.gateWidth < PARALLEL_MIN_GATE_VALUES) {
      work.run(0, b);
      return;
    }
    this.parts = parts;
    this.rowWork = work;
    Parallelism.run(parts, rowPart);
  }

  /** Where the backward pass writes; a null array is a gradient nobody wants. */
  record Grads(
      float[] dInput, // the layer input's gradient, x (B, T, I) or E (V, E), accumulated
      float[] dWeightIh, // (GH, I) accumulated
      float[] dWeightHh, // (GH, H) accumulated
      float[] dBiasIh, // (GH) accumulated
      float[] dBiasHh, // (GH) accumulated
      double[] stateGradientNorms) {} // (T) ‖dL/dh⟨s⟩‖ over the batch, written per step

  /**
   * Backpropagation through time.
   *
   * @param dOut dL/dh⟨s⟩ from the layer's outputs (T, B, H), step order, zero at padded steps
   * @param dhN dL/d(final h) (B, H)
   * @param dcN dL/d(final c) (B, H) (LSTM; else ignored)
   * @param g where to write the input and parameter gradients
   * @return the state gradients at step 0: dL/dh0 in {@code u.dh}, dL/dc0 in {@code u.dc}
   */
  Unroll backward(float[] dOut, float[] dhN, float[] dcN, Grads g) {
    int t = u.steps;
    int b = u.batch;
    int h = u.hidden;
    int gh = u.gateWidth;
    u.allocateBackward(cell);
    System.arraycopy(dhN, 0, u.dh, 0, b * h);
    if (cell.hasCellState()) {
      System.arraycopy(dcN, 0, u.dc, 0, b * h);
    }
    PackedMatrix whh = Gemm.pack(w.weightHh().data(), 0, gh, h, false); // (GH, H)
    this.dOut = dOut;
    for (int s = t - 1; s >= 0; s--) {
      step = s;
      forEachRowRange(backwardRows);
      if (g.stateGradientNorms() != null) {
        g.stateGradientNorms()[s] = norm(u.dh);
      }
      Gemm.multiply(u.dhPrev, 0, u.dPreHh, u.gateRow(s, 0), false, b, whh, true);
      flushTiny(u.dhPrev);
      flushTiny(u.dcPrev);
      swapStateGradients();
    }
    weightGradients(g);
    return u;
  }

  /** Adds this step's output gradient to dh, then runs the cell backward for rows [from, to). */
  private void backwardRows(int s, int from, int to, float[] dOut) {
    int h = u.hidden;
    int outRow = s * u.batch * h;
    for (int i = from * h; i < to * h; i++) {
      u.dh[i] += dOut[outRow + i];
    }
    for (int r = from; r < to; r++) {
      if (s < lengths[r]) {
        cell.backward(u, s, r);
      } else { // padded step: the state was carried, so is its gradient
        System.arraycopy(u.dh, r * h, u.dhPrev, r * h, h);
        if (cell.hasCellState()) {
          System.arraycopy(u.dc, r * h, u.dcPrev, r * h, h);
        }
      }
    }
  }

  private void swapStateGradients() {
    float[] tmp = u.dh;
    u.dh = u.dhPrev;
    u.dhPrev = tmp;
    tmp = u.dc;
    u.dc = u.dcPrev;
    u.dcPrev = tmp;
  }

  private void weightGradients(Grads g) {
    int rows = u.steps * u.batch;
    int gh = u.gateWidth;
    projection.backward(u.dPreIh, g.dWeightIh(), g.dInput());
    if (g.dWeightHh() != null) {
      Gemm.multiply(g.dWeightHh(), 0, u.dPreHh, 0, u.h, 0,
          new GemmShape(gh, u.hidden, rows, true, false), true);
    }
    columnSums(g.dBiasIh(), u.dPreIh, rows, gh);
    columnSums(g.dBiasHh(), u.dPreHh, rows, gh);
  }

  /** sums[j] += Σ_row m[row, j] for m (rows, n); nothing when {@code sums} is null. */
  private static void columnSums(float[] sums, float[] m, int rows, int n) {
    if (sums == null) {
      return;
    }
    for (int row = 0; row < rows; row++) {
      for (int j = 0; j < n; j++) {
        sums[j] += m[row * n + j];
      }
    }
  }

  private static double norm(float[] a) {
    double sq = 0;
    for (float v : a) {
      sq += (double) v * v;
    }
    return Math.sqrt(sq);
  }

  /** Sets elements of magnitude below {@link #FLUSH_BELOW} to zero. */
  static void flushTiny(float[] a) {
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i]) < FLUSH_BELOW) {
        a[i] = 0f;
      }
    }
  }
}
