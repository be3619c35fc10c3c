package org.rnn4j.loss;

import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.GemmShape;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.Tensor;

/**
 * One pass of {@link LinearCrossEntropy} over the rows that count, c at a time: the logits of
 * a chunk are computed, turned into its loss terms and, when gradients are wanted, into dZ_c,
 * which is folded into dA, dW and db before the next chunk reuses the buffer.
 *
 * <pre>
 * for each chunk of c counted rows R (their rows of A: A_c (c, H)):
 *   Z_c  = A_c·Wᵀ + b                       (c, V)   the one (c, V) buffer, reused
 *   ℓ_r  for r in R                          see {@link SoftmaxRow}
 *   dZ_c = (softmax(Z_c) − q)/n              (c, V)   in place of Z_c
 *   dA_R = dZ_c·W                            (c, H)
 *   dW  += dZ_cᵀ·A_c                         (V, H)
 *   db  += Σ_rows dZ_c                       (V)
 * </pre>
 *
 * <p>Rows that do not count (past a sequence's end, at the ignore index) are skipped: they take
 * no product, and their rows of dA stay 0. A chunk of consecutive rows reads A and writes dA in
 * place; other chunks gather their rows of A into a (c, H) buffer first and scatter dA after.
 *
 * <p>The chunk size c (see {@link #chunkRows}):
 *
 * <pre>
 * c = min(n, max(64, ⌊2¹⁸ / V⌋))
 * </pre>
 * A chunk's logits take at most 2¹⁸ floats (1 MB, a core's L2 cache), unless that leaves fewer
 * than 64 rows (V above 4,096): each chunk streams all of Wᵀ for Z_c and all of dW and W for
 * its gradients, 2c flops per weight read, and fewer rows than 64 would leave those products
 * waiting on memory instead of computing. So a chunk holds 640,000 floats (2.6 MB) at V = 10,000
 * and 3.2 million (12.8 MB) at V = 50,000, against the B·T·V floats of whole logits.
 */
final class LogitChunks {
  /** The most floats of one chunk's logits, c·V, unless that leaves fewer than MIN_ROWS rows. */
  static final int CHUNK_FLOATS = 1 << 18;
  /** The fewest rows of a chunk, unless fewer rows count in all. */
  static final int MIN_ROWS = 64;

  private final float[] a; // (N, H)
  private final int h;
  private final Tensor weight; // (V, H)
  private final float[] bias; // (V)
  private final int v;
  private final int[] targets; // (N)
  private final int[] rows; // (n) the rows that count, ascending
  private final float eps;
  private final LossBuffers arrays;

  /**
   * What a pass computed.
   *
   * @param loss L, the mean of ℓ over the rows that count; 0 when none does
   * @param dA (N, H) dL/dA, or null when not wanted or no row counts
   * @param dW (V, H) dL/dW, or null when not wanted or no row counts
   * @param db (V) dL/db, or null when not wanted or no row counts
   */
  record Result(float loss, float[] dA, float[] dW, float[] db) {}

  /** Which gradients the pass prepares: dA, dW, db. */
  record Wanted(boolean a, boolean weight, boolean bias) {
    boolean any() {
      return a || weight || bias;
    }
  }

  /**
   * @param a A (N, H)
   * @param weight W (V, H)
   * @param bias b (V)
   * @param targets (N) class ids, read at the rows that count only
   * @param rows (n) the rows that count, ascending
   * @param eps ε, the label smoothing
   * @param arrays where every float[] of the pass comes from; the chunk's go back at the end of
   *     {@link #run}, the gradients of the {@link Result} are the caller's to give back
   */
  LogitChunks(Tensor a, Tensor weight, Tensor bias, int[] targets, int[] rows, float eps,
      LossBuffers arrays) {
    this.a = a.data();
    this.h = weight.dim(1);
    this.weight = weight;
    this.bias = bias.data();
    this.v = weight.dim(0);
    this.targets = targets;
    this.rows = rows;
    this.eps = eps;
    this.arrays = arrays;
  }

  /**
   * The rows of a chunk (the rule in the class javadoc).
   *
   * @param n the rows that count, ≥ 0
   * @param v V, ≥ 1
   * @return c, ≥ 1
   */
  static int chunkRows(int n, int v) {
    return Math.max(1, Math.min(n, Math.max(MIN_ROWS, CHUNK_FLOATS / v)));
  }

  /**
   * Runs the pass.
   *
   * @param chunk c, the rows of a chunk, ≥ 1
   * @param wanted the gradients to prepare
   * @return the loss and the wanted gradients
   */
  Result run(int chunk, Wanted wanted) {
    int n = rows.length;
    if (n == 0) {
      return new Result(0f, null, null, null);
    }
    int c = Math.min(n, chunk);
    boolean several = c < n;
    // Wᵀ (H, V) and, for dA, W (V, H) packed once for all chunks; one chunk packs per product
    PackedMatrix weightT = weight.frozen() ? weight.packedTranspose()
        : several ? Gemm.pack(weight.data(), 0, h, v, true) : null;
    PackedMatrix weightPacked = wanted.a() && several
        ? Gemm.pack(weight.data(), 0, v, h, false) : null;
    Chunk buffers = new Chunk(c);
    float[] dA = wanted.a() ? arrays.take(a.length) : null; // (N, H)
    float[] dW = wanted.weight() ? arrays.take(Sizes.product(v, h)) : null; // (V, H)
    float[] db = wanted.bias() ? arrays.take(v) : null; // (V)
    float invN = 1f / n;
    double total = 0;
    for (int from = 0; from < n; from += c) {
      int m = Math.min(c, n - from);
      buffers.select(from, m);
      logits(buffers, m, weightT);
      for (int i = 0; i < m; i++) {
        total += SoftmaxRow.loss(buffers.z, i * v, v, targets[rows[from + i]], eps, invN,
            wanted.any());
      }
      if (db != null) {
        columnSums(db, buffers.z, m);
      }
      if (dW != null) { // dW (V, H) += dZ_cᵀ (V, m) · A_c (m, H)
        Gemm.multiply(dW, 0, buffers.z, 0, buffers.a, buffers.aOff,
            new GemmShape(v, h, m, true, false), from > 0);
      }
      if (dA != null) {
        inputGradient(buffers, m, weightPacked, dA);
      }
    }
    buffers.giveBack();
    return new Result((float) (total / n), dA, dW, db);
  }

  /** Z_c (m, V) = A_c·Wᵀ + b. */
  private void logits(Chunk ch, int m, PackedMatrix weightT) {
    if (weightT != null) {
      Gemm.multiply(ch.z, 0, ch.a, ch.aOff, false, m, weightT, false);
    } else {
      Gemm.multiply(ch.z, 0, ch.a, ch.aOff, weight.data(), 0, new GemmShape(m, v, h, false, true),
          false);
    }
    for (int i = 0, off = 0; i < m; i++, off += v) {
      for (int j = 0; j < v; j++) {
        ch.z[off + j] += bias[j];
      }
    }
  }

  /** db (V) += the column sums of dZ_c (m, V). */
  private void columnSums(float[] db, float[] dz, int m) {
    for (int i = 0, off = 0; i < m; i++, off += v) {
      for (int j = 0; j < v; j++) {
        db[j] += dz[off + j];
      }
    }
  }

  /** dA at the chunk's rows = dZ_c (m, V) · W (V, H). */
  private void inputGradient(Chunk ch, int m, PackedMatrix weightPacked, float[] dA) {
    boolean inPlace = ch.a == a;
    float[] out = inPlace ? dA : ch.dA(); // (N, H) or (c, H)
    int outOff = inPlace ? ch.aOff : 0;
    if (weightPacked != null) {
      Gemm.multiply(out, outOff, ch.z, 0, false, m, weightPacked, false);
    } else {
      Gemm.multiply(out, outOff, ch.z, 0, weight.data(), 0, new GemmShape(m, h, v, false, false),
          false);
    }
    if (!inPlace) {
      for (int i = 0; i < m; i++) {
        System.arraycopy(out, i * h, dA, rows[ch.from + i] * h, h);
      }
    }
  }

  /** The buffers of a chunk, taken once per pass and reused by every chunk. */
  private final class Chunk {
    final float[] z; // (c, V) Z_c, then dZ_c
    private final int c;
    private float[] gathered; // (c, H) rows of A that are not consecutive, when needed
    private float[] gatheredDA; // (c, H) their dA before it is scattered, when needed
    float[] a; // A_c: A itself, or the gathered rows
    int aOff; // offset of A_c in a
    int from; // index in rows of the chunk's first row

    Chunk(int c) {
      this.c = c;
      this.z = arrays.take(Sizes.product(c, v));
    }

    /** Points A_c at rows[from, from + m): A in place when they are consecutive. */
    void select(int from, int m) {
      this.from = from;
      int first = rows[from];
      if (rows[from + m - 1] - first == m - 1) {
        a = LogitChunks.this.a;
        aOff = first * h;
        return;
      }
      if (gathered == null) {
        gathered = arrays.take(Sizes.product(c, h));
      }
      for (int i = 0; i < m; i++) {
        System.arraycopy(LogitChunks.this.a, rows[from + i] * h, gathered, i * h, h);
      }
      a = gathered;
      aOff = 0;
    }

    float[] dA() {
      if (gatheredDA == null) {
        gatheredDA = arrays.take(Sizes.product(c, h));
      }
      return gatheredDA;
    }

    /** Gives the chunk's arrays back; the chunk is not used after. */
    void giveBack() {
      arrays.give(z);
      arrays.give(gathered);
      arrays.give(gatheredDA);
    }
  }
}
