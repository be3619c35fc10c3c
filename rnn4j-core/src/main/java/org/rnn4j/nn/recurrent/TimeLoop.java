package org.rnn4j.nn.recurrent;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.rnn4j.kernel.BufferPool;
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
 *                                                    one GEMM, or a gather from E·W_ihᵀ;
 *                                                    without history, rows read in place, or
 *                                                    P⟨s⟩ step by step: {@link StepProjection})
 *            for s: Q = h⟨s−1⟩·W_hhᵀ                 W_hhᵀ packed once per call (into a pooled
 *                                                    buffer), or once for all calls when frozen;
 *                                                    (B, H)·(H, GH), only up to the last row
 *                                                    still real ({@link #activeRows})
 *                   h⟨s⟩, c⟨s⟩ = cell(P⟨s⟩ + b_ih, Q + b_hh, h⟨s−1⟩, c⟨s−1⟩)   biases added in the row pass
 *                   output (b, position of step s) = h⟨s⟩ row b, copied while the row is in cache
 *                   on several threads, each takes a range of rows through both: the rows are
 *                   independent sequences, so when the ranges hold about as many real steps
 *                   each, every thread runs its rows through all the steps at once, else one
 *                   hand-off per step
 * backward:  for s = T−1 … 0: dPre⟨s⟩ = cell'(dh⟨s⟩, dc⟨s⟩);  dh⟨s−1⟩ = direct + dPreHh⟨s⟩·W_hh
 *                   a step of 1–8 MFLOP on several threads: each takes a range of rows through both
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

  /**
   * A step is split across threads by rows (its product and its cells on each thread, one
   * hand-off) from this many flops in its product 2·B·H·GH, or from {@link
   * #PARALLEL_MIN_GATE_VALUES}: about 10 µs of work on one core. Measured on 2 cores of an AMD
   * EPYC with C3 of {@code rnn4j bench} (B 64, H 128, plain RNN: 2.1 MFLOP and 8,192 gate values
   * a step), forward only, in separate processes, twice each: inference 28.2–28.4 thousand
   * sequences/s without the split, 41.9–42.1 thousand with it.
   */
  static final long ROW_SPLIT_MIN_FLOPS = 1_000_000;

  /**
   * The backward step is split by rows only below this many flops in its product: from there
   * the product dPre⟨s⟩·W_hh is split across threads by the product itself, and splitting the
   * whole step by rows instead measured 0.99× on C1 (B 32, H 512, LSTM: 67 MFLOP a step).
   */
  static final long BACKWARD_ROW_SPLIT_MAX_FLOPS = 8_000_000;

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
  private final RowRange backwardRows = (from, to) -> backwardRows(step, from, to, dOut);
  private final IntConsumer rowPart =
      p -> rowWork.run(p * batch() / parts, (p + 1) * batch() / parts);
  private PackedMatrix stepWeight; // W_hhᵀ (H, GH) during forward
  private StepProjection stepProjection; // P step by step during forward, or null
  private int[] stepRows; // (T) activeRows during forward
  private final IntConsumer stepPart = this::stepPart;
  private final IntConsumer sequencePart = this::sequencePart;
  private PackedMatrix stepWeightBack; // W_hh (GH, H) during backward
  private float[] outputs; // (B, T, D·H) the layer's outputs during forward
  private int[] outputRows; // (T, B) where row b of step s goes in outputs, during forward
  private final IntConsumer backwardPart = this::backwardPart;

  /**
   * Whether a step may be split across threads by rows (see {@link #stepParts}); off, the
   * product and the cells of a step are split each on their own, two hand-offs per step. A
   * switch for the tests and for measuring one against the other.
   */
  static volatile boolean rowSplitSteps = true;

  /**
   * Whether a forward pass split by rows may run each thread's rows through all the steps in one
   * hand-off ({@link #sequencePart}) rather than one per step ({@link #stepPart}). A switch for
   * the tests and for measuring one against the other.
   */
  static volatile boolean sequenceSplit = true;

  /**
   * The row ranges of the threads run through all the steps at once when the smallest range's
   * real steps are at least this share of the largest's ({@link #balanced}): a thread that
   * finishes first waits for the others, where splitting each step keeps them all busy.
   */
  static final double SEQUENCE_SPLIT_MIN_BALANCE = 0.9;

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
   * Runs the recurrence, and writes h⟨s⟩ of each real step to the layer's outputs as the cell
   * computes it, on the thread that computes it, while the row is in its cache; padded steps
   * write nothing there.
   *
   * @param h0 initial hidden state (B, H) at offset {@code off}
   * @param c0 initial cell state (B, H) at offset {@code off}, LSTM only (else ignored)
   * @param outputs the layer's outputs (B, T, D·H), this direction's columns written; modified
   * @param outputRows (T, B) the offset in {@code outputs} of row b's output at step s
   */
  void forward(float[] h0, float[] c0, int off, float[] outputs, int[] outputRows) {
    this.outputs = outputs;
    this.outputRows = outputRows;
    int t = u.steps;
    int b = u.batch;
    int h = u.hidden;
    int gh = u.gateWidth;
    if (u.keepsHistory()) {
      projection.forward(u.preIh);
    } else {
      stepProjection = projection.byStep(h);
      u.readProjection(stepProjection != null ? stepProjection.rows(t)
          : projection.forwardInPlace());
    }
    System.arraycopy(h0, off, u.h, 0, b * h);
    if (cell.hasCellState()) {
      System.arraycopy(c0, off, u.c, 0, b * h);
    }
    TransposedWeight weightHhT = TransposedWeight.of(w.weightHh());
    PackedMatrix whhT = weightHhT.matrix(); // (H, GH)
    int[] rows = activeRows(lengths, t);
    parts = stepParts(b, h, gh, Long.MAX_VALUE);
    stepWeight = whhT;
    stepRows = rows;
    if (parts > 1 && sequenceSplit && balanced(lengths, parts)) { // one hand-off in all
      Parallelism.run(parts, sequencePart);
    } else if (parts > 1) { // each thread: its rows of Q, then their cells; one hand-off per step
      for (int s = 0; s < t; s++) {
        step = s;
        Parallelism.run(parts, stepPart);
      }
    } else {
      steps(whhT, rows);
    }
    stepWeight = null;
    this.outputs = null;
    this.outputRows = null;
    weightHhT.release();
    if (stepProjection != null) {
      stepProjection.release();
      stepProjection = null;
    }
  }

  /** The time loop on the calling thread, each step's product and cells split on their own. */
  private void steps(PackedMatrix whhT, int[] rows) {
    for (int s = 0; s < u.steps; s++) {
      if (rows[s] > 0) {
        stepProducts(s, 0, rows[s], whhT);
      }
      step = s;
      forEachRowRange(forwardRows);
    }
  }

  /**
   * How many parts a step is split into by rows: one per thread when every part has at least
   * {@link #MIN_STEP_ROWS} rows, the step is big enough to split ({@link #ROW_SPLIT_MIN_FLOPS})
   * and its product below {@code maxFlops} (the product of a step and its cells then go to the
   * same core, and only h⟨s⟩ crosses between cores); else 1, and the product and the cells are
   * split each on their own when they are big enough.
   */
  private static int stepParts(int batch, int hidden, int gateWidth, long maxFlops) {
    int parts = Math.min(Parallelism.threads(), batch / MIN_STEP_ROWS);
    long flops = 2L * batch * hidden * gateWidth;
    boolean big = flops >= ROW_SPLIT_MIN_FLOPS
        || (long) batch * gateWidth >= PARALLEL_MIN_GATE_VALUES;
    return rowSplitSteps && parts > 1 && big && flops < maxFlops ? parts : 1;
  }

  /** Fewest rows of a step part, so that its product still fills register tiles (4 + 4). */
  static final int MIN_STEP_ROWS = 8;

  /**
   * Part p of step {@link #step}: its share of the rows that still compute, [0, a) with a =
   * {@link #activeRows}, through P⟨s⟩ when it goes step by step, Q = h⟨s−1⟩·W_hhᵀ and their
   * cells, then its share of the rows padded from this step on, whose state is carried.
   * Splitting the active rows, not the batch, keeps both threads busy at the late steps of a
   * batch sorted by length.
   */
  private void stepPart(int p) {
    int b = batch();
    int a = stepRows[step];
    int from = p * a / parts;
    int to = (p + 1) * a / parts;
    if (to > from) {
      stepProducts(step, from, to, stepWeight);
      forwardRows(step, from, to);
    }
    forwardRows(step, a + p * (b - a) / parts, a + (p + 1) * (b - a) / parts);
  }

  /**
   * Rows [from, to) of step s's products: P⟨s⟩ when the input projection goes step by step, and
   * Q = h⟨s−1⟩·W_hhᵀ.
   *
   * @param whhT W_hhᵀ (H, GH), packed
   */
  private void stepProducts(int s, int from, int to, PackedMatrix whhT) {
    if (stepProjection != null) {
      stepProjection.project(s, from, to);
    }
    Gemm.multiply(u.hh, from * u.gateWidth, u.h, u.stateRow(s, from), false, to - from, whhT,
        false);
  }

  /**
   * Part p of the whole forward pass: the p-th range of rows through every step, each step as
   * in {@link #stepPart} but over the range's rows up to the last one still real ({@link
   * #activeRows}). A row's state depends on no other row's, so the threads never wait for each
   * other between steps, and a thread slowed for a while catches up over the sequence.
   */
  private void sequencePart(int p) {
    int b = batch();
    int from = p * b / parts;
    int to = (p + 1) * b / parts;
    for (int s = 0; s < u.steps; s++) {
      int end = Math.min(to, stepRows[s]);
      if (end > from) {
        stepProducts(s, from, end, stepWeight);
      }
      forwardRows(s, from, to);
    }
  }

  /**
   * Whether the batch's rows split into {@code parts} equal ranges (as {@link #sequencePart}
   * splits them) give ranges of about equal work: the fewest real steps in a range at least
   * {@link #SEQUENCE_SPLIT_MIN_BALANCE} of the most. A batch sorted by length is not balanced.
   *
   * @param lengths (B) real lengths
   */
  static boolean balanced(int[] lengths, int parts) {
    long min = Long.MAX_VALUE;
    long max = 0;
    int b = lengths.length;
    for (int p = 0; p < parts; p++) {
      long work = 0;
      for (int r = p * b / parts; r < (p + 1) * b / parts; r++) {
        work += lengths[r];
      }
      min = Math.min(min, work);
      max = Math.max(max, work);
    }
    return min >= SEQUENCE_SPLIT_MIN_BALANCE * max;
  }

  /**
   * For each step s, the rows of Q = h⟨s−1⟩·W_hhᵀ worth computing: 1 + the last row still real
   * at step s (0 when none is). Rows after it are all padded, and a padded row carries its state
   * without reading Q, so a batch sorted by length, longest first, computes no padded row.
   *
   * @param lengths (B) real lengths
   * @param steps T
   * @return (T) row counts, non-increasing
   */
  static int[] activeRows(int[] lengths, int steps) {
    int[] rows = new int[steps];
    int filled = 0; // steps [0, filled) have their count
    for (int r = lengths.length - 1; r >= 0 && filled < steps; r--) {
      for (int s = filled; s < Math.min(lengths[r], steps); s++) {
        rows[s] = r + 1;
      }
      filled = Math.max(filled, Math.min(lengths[r], steps));
    }
    return rows;
  }

  private int batch() {
    return u.batch;
  }

  private void forwardRows(int s, int from, int to) {
    for (int r = from; r < to; r++) {
      if (s < lengths[r]) {
        cell.forward(u, s, r);
        System.arraycopy(u.h, u.stateRow(s + 1, r), outputs, outputRows[s * u.batch + r],
            u.hidden);
      } else { // padded step: carry the state
        System.arraycopy(u.h, u.stateRow(s, r), u.h, u.stateRow(s + 1, r), u.hidden);
        if (cell.hasCellState()) {
          System.arraycopy(u.c, u.cellRow(s, r), u.c, u.cellRow(s + 1, r), u.hidden);
        }
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
    float[] packed = BufferPool.takeToOverwrite(Gemm.packedSize(gh, h));
    stepWeightBack = Gemm.pack(w.weightHh().data(), 0, gh, h, false, packed); // (GH, H)
    this.dOut = dOut;
    int split = stepParts(b, h, gh, BACKWARD_ROW_SPLIT_MAX_FLOPS);
    for (int s = t - 1; s >= 0; s--) {
      step = s;
      if (split > 1) { // each thread: its rows' cells, then their rows of dh⟨s−1⟩
        parts = split;
        Parallelism.run(split, backwardPart);
      } else {
        forEachRowRange(backwardRows);
        backwardProduct(s, 0, b);
      }
      if (g.stateGradientNorms() != null) {
        g.stateGradientNorms()[s] = norm(u.dh);
      }
      swapStateGradients();
    }
    stepWeightBack = null;
    BufferPool.give(packed);
    weightGradients(g);
    return u;
  }

  /** Part p of backward step {@link #step}: its share of the batch rows, cells then product. */
  private void backwardPart(int p) {
    int from = p * batch() / parts;
    int to = (p + 1) * batch() / parts;
    backwardRows(step, from, to, dOut);
    backwardProduct(step, from, to);
  }

  /**
   * Rows [from, to) of dh⟨s−1⟩ += dPreHh⟨s⟩·W_hh, then tiny values of those rows of dh⟨s−1⟩
   * (and of dc⟨s−1⟩, which the cell wrote) flushed to zero.
   */
  private void backwardProduct(int s, int from, int to) {
    int h = u.hidden;
    Gemm.multiply(u.dhPrev, from * h, u.dPreHh, u.gateRow(s, from), false, to - from,
        stepWeightBack, true);
    flushTiny(u.dhPrev, from * h, to * h);
    if (cell.hasCellState()) {
      flushTiny(u.dcPrev, from * h, to * h);
    }
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
        int g = u.gateRow(s, r);
        Arrays.fill(u.dPreIh, g, g + u.gateWidth, 0f);
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
    float[] x = projection.gradientOperand();
    if (x != null && u.dPreHh == u.dPreIh && g.dWeightIh() != null && g.dWeightHh() != null) {
      // dW_ih += dPᵀ·X and dW_hh += dPᵀ·H share dPᵀ (every cell but the GRU's)
      Gemm.multiplyTransposedPair(u.dPreIh, gh, rows, x, w.weightIh().dim(1), g.dWeightIh(),
          u.h, u.hidden, g.dWeightHh(), true);
      projection.backward(u.dPreIh, null, g.dInput());
    } else {
      projection.backward(u.dPreIh, g.dWeightIh(), g.dInput());
      if (g.dWeightHh() != null) {
        Gemm.multiply(g.dWeightHh(), 0, u.dPreHh, 0, u.h, 0,
            new GemmShape(gh, u.hidden, rows, true, false), true);
      }
    }
    if (u.dPreHh == u.dPreIh && g.dBiasIh() != null && g.dBiasHh() != null) {
      // db_ih and db_hh get the same sums (every cell but the GRU's): computed once
      float[] sums = BufferPool.take(gh);
      columnSums(sums, u.dPreIh, rows, gh);
      for (int j = 0; j < gh; j++) {
        g.dBiasIh()[j] += sums[j];
        g.dBiasHh()[j] += sums[j];
      }
      BufferPool.give(sums);
    } else {
      columnSums(g.dBiasIh(), u.dPreIh, rows, gh);
      columnSums(g.dBiasHh(), u.dPreHh, rows, gh);
    }
  }

  /**
   * The bias gradients' sums are split across threads by columns from this many elements of the
   * summed matrix: about 100 µs of work on one core.
   */
  static final int PARALLEL_MIN_SUMMED = 1 << 20;

  /**
   * sums[j] += Σ_row m[row, j] for m (rows, n), rows in order; nothing when {@code sums} is
   * null. Large matrices are split across threads by columns, which leaves the order of each
   * column's sum, and so its bits, as on one thread.
   */
  static void columnSums(float[] sums, float[] m, int rows, int n) {
    if (sums == null) {
      return;
    }
    int parts = (long) rows * n < PARALLEL_MIN_SUMMED ? 1 : Math.min(Parallelism.threads(), n / 64);
    if (parts <= 1) {
      columnSums(sums, m, rows, n, 0, n);
      return;
    }
    Parallelism.run(parts, p -> columnSums(sums, m, rows, n, p * n / parts, (p + 1) * n / parts));
  }

  /** {@link #columnSums(float[], float[], int, int)} over the columns [from, to). */
  private static void columnSums(float[] sums, float[] m, int rows, int n, int from, int to) {
    for (int row = 0; row < rows; row++) {
      int off = row * n;
      for (int j = from; j < to; j++) {
        sums[j] += m[off + j];
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

  /** Sets elements [from, to) of magnitude below {@link #FLUSH_BELOW} to zero. */
  static void flushTiny(float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Math.abs(a[i]) < FLUSH_BELOW) {
        a[i] = 0f;
      }
    }
  }
}
