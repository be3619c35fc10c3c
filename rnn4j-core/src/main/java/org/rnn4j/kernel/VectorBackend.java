package org.rnn4j.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels, the only rnn4j code that uses {@code jdk.incubator.vector}. Loaded
 * reflectively by {@link Backends}, so rnn4j still runs when the module is not enabled.
 *
 * <p>GEMM micro-kernel: a tile of up to MR = 6 rows × NR = 2 vectors of C lives in 12 vector
 * accumulators; at each step p of the K block the two vectors of row p of the B panel are loaded
 * once and each row's {@code A[i, p]} is broadcast and fused-multiply-added into its pair. With
 * 16-float vectors (AVX-512) that is 12 FMAs per 8 loads; it needs 15 vector registers, so it
 * also fits AVX2's 16. (An 8-row tile, 16 accumulators in AVX-512's 32 registers, was 5–15% faster
 * on small products when JDK 17's C2 compiled it well, but in about one run in four C2 boxed its
 * accumulators as heap objects inside the loop, which made it six times slower.) Each row of A is
 * read where it lies, one broadcast per row and step. All the rows of a block pass over one panel
 * while it is in L1, in tiles of six, and of four where six would leave one or two rows over
 * (8 = 4 + 4, 13 = 6 + 4 + 3). A whole tile is written straight to C; a partial one leaves its
 * accumulators in a scratch tile that {@code flush} adds to C. A block of only one or two rows
 * (decoding, where A has one row) takes four or two panels at once, so that it too keeps eight
 * independent FMA chains busy. Every element of C is summed in order of p in every tile, so the
 * tiling never changes a result.
 *
 * <p>Dot products of {@link NarrowProduct}: four at a time, one 16-float accumulator each (a
 * narrower vector falls back to the scalar lanes, since the lanes are fixed at 16).
 *
 * <p>Elementwise: the lane-wise twins of {@link ExpPolynomial}'s scalar code, operation for
 * operation, so both backends agree to the bit (see {@link Activations}).
 */
final class VectorBackend implements Backend {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int V = S.length();
  private static final int NR = 2 * V;
  private static final int MR = 6;
  /** Doubles of the optimizers' updates: half as many lanes as {@link #S}. */
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  /** The upper half of a float vector. */
  private static final VectorMask<Float> UPPER = S.indexInRange(0, D.length()).not();
  /** Moves a float vector's lower half into its upper half. */
  private static final VectorShuffle<Float> LOWER_TO_UPPER =
      VectorShuffle.fromOp(S, lane -> (lane + D.length()) % V);

  @Override
  public String name() {
    String arch = System.getProperty("os.arch", "");
    int bits = S.vectorBitSize();
    String isa = bits + "bit";
    if (arch.equals("amd64") || arch.equals("x86_64")) {
      isa = bits >= 512 ? "avx512" : bits == 256 ? "avx2" : "sse";
    } else if (arch.equals("aarch64")) {
      isa = bits == 128 ? "neon" : "sve" + bits;
    }
    return "vector-" + isa + "(" + V + " floats)";
  }

  @Override
  public int panelWidth() {
    return NR;
  }

  @Override
  public int rowBlock() {
    return MR;
  }

  /**
   * Register tiles of {@link #MR} rows (or 4 where fewer are left) over each panel, in the order
   * the block asks for ({@link Block#acrossPanels}); every element of C gets the same sums either
   * way.
   */
  @Override
  public void multiplyBlock(Block blk) {
    if (blk.rows <= 2) {
      fewRows(blk, blk.aOff, blk.cOff, blk.rows);
    } else if (blk.acrossPanels) {
      for (int i = 0; i < blk.rows; ) {
        int rows = tileRows(blk.rows - i);
        for (int q = 0; q < blk.panels; q++) {
          tile(blk, i, q, rows);
        }
        i += rows;
      }
    } else {
      for (int q = 0; q < blk.panels; q++) {
        for (int i = 0; i < blk.rows; ) {
          int rows = tileRows(blk.rows - i);
          tile(blk, i, q, rows);
          i += rows;
        }
      }
    }
  }

  /** Rows of the next tile with {@code left} rows left: 6, or 4 so that no tail of 1–2 is left. */
  private static int tileRows(int left) {
    return left >= 9 || left == 5 || left == 6 ? Math.min(MR, left) : Math.min(4, left);
  }

  /** The tile of {@code rows} rows from row i of the block against panel q. */
  private static void tile(Block blk, int i, int q, int rows) {
    int aRow = blk.aOff + i * blk.lda;
    int bBase = blk.bOff + q * blk.bPanelStride;
    int cRow = blk.cOff + q * NR + i * blk.ldc;
    int width = blk.width(q, NR);
    if (rows >= 5) {
      tile6(blk, aRow, bBase, cRow, rows, width);
    } else {
      tile4(blk, aRow, bBase, cRow, rows, width);
    }
  }

  /**
   * A block of one or two rows (decoding, where A has one row): a tile of one panel would have
   * only two or four independent FMA chains and wait on their latency, so full panels go four at
   * a time (one row) or two at a time (two rows) through {@link #wide1} and {@link #wide2}, eight
   * chains each.
   *
   * @param aRow the first row of A
   * @param cRow the first row's first column in C
   */
  private static void fewRows(Block blk, int aRow, int cRow, int rows) {
    int fullPanels = blk.lastWidth == NR ? blk.panels : blk.panels - 1;
    int step = rows == 1 ? 4 : 2;
    int q = 0;
    for (; q + step <= fullPanels; q += step) {
      int bBase = blk.bOff + q * blk.bPanelStride;
      if (rows == 1) {
        wide1(blk, aRow, bBase, cRow + q * NR);
      } else {
        wide2(blk, aRow, bBase, cRow + q * NR);
      }
    }
    for (; q < blk.panels; q++) {
      int bBase = blk.bOff + q * blk.bPanelStride;
      if (rows == 1) {
        tile1(blk, aRow, bBase, cRow + q * NR, blk.width(q, NR));
      } else {
        tile2(blk, aRow, bBase, cRow + q * NR, blk.width(q, NR));
      }
    }
  }

  /**
   * Five or six rows of A from {@code aRow} (a fifth row is read twice, its sums discarded)
   * against one panel.
   */
  private static void tile6(Block blk, int aRow, int bBase, int cRow, int rows, int width) {
    float[] a = blk.a;
    float[] b = blk.bPack;
    int a0 = aRow;
    int a1 = a0 + blk.lda;
    int a2 = a1 + blk.lda;
    int a3 = a2 + blk.lda;
    int a4 = a3 + blk.lda;
    int a5 = rows == MR ? a4 + blk.lda : a4;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    FloatVector c40 = c00;
    FloatVector c41 = c00;
    FloatVector c50 = c00;
    FloatVector c51 = c00;
    for (int p = 0; p < blk.kc; p++) { // indices linear in p: the JIT hoists bounds checks
      int bi = bBase + p * NR;
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + V);
      FloatVector av = FloatVector.broadcast(S, a[a0 + p]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[a1 + p]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, a[a2 + p]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, a[a3 + p]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, a[a4 + p]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, a[a5 + p]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
    }
    if (rows == MR && width == NR) { // a whole tile: straight to C, C + tile as flush adds
      float[] c = blk.c;
      int ld = blk.ldc;
      if (blk.add) {
        c00 = FloatVector.fromArray(S, c, cRow).add(c00);
        c01 = FloatVector.fromArray(S, c, cRow + V).add(c01);
        c10 = FloatVector.fromArray(S, c, cRow + ld).add(c10);
        c11 = FloatVector.fromArray(S, c, cRow + ld + V).add(c11);
        c20 = FloatVector.fromArray(S, c, cRow + 2 * ld).add(c20);
        c21 = FloatVector.fromArray(S, c, cRow + 2 * ld + V).add(c21);
        c30 = FloatVector.fromArray(S, c, cRow + 3 * ld).add(c30);
        c31 = FloatVector.fromArray(S, c, cRow + 3 * ld + V).add(c31);
        c40 = FloatVector.fromArray(S, c, cRow + 4 * ld).add(c40);
        c41 = FloatVector.fromArray(S, c, cRow + 4 * ld + V).add(c41);
        c50 = FloatVector.fromArray(S, c, cRow + 5 * ld).add(c50);
        c51 = FloatVector.fromArray(S, c, cRow + 5 * ld + V).add(c51);
      }
      c00.intoArray(c, cRow);
      c01.intoArray(c, cRow + V);
      c10.intoArray(c, cRow + ld);
      c11.intoArray(c, cRow + ld + V);
      c20.intoArray(c, cRow + 2 * ld);
      c21.intoArray(c, cRow + 2 * ld + V);
      c30.intoArray(c, cRow + 3 * ld);
      c31.intoArray(c, cRow + 3 * ld + V);
      c40.intoArray(c, cRow + 4 * ld);
      c41.intoArray(c, cRow + 4 * ld + V);
      c50.intoArray(c, cRow + 5 * ld);
      c51.intoArray(c, cRow + 5 * ld + V);
      return;
    }
    float[] t = blk.edge;
    c00.intoArray(t, 0);
    c01.intoArray(t, V);
    c10.intoArray(t, NR);
    c11.intoArray(t, NR + V);
    c20.intoArray(t, 2 * NR);
    c21.intoArray(t, 2 * NR + V);
    c30.intoArray(t, 3 * NR);
    c31.intoArray(t, 3 * NR + V);
    c40.intoArray(t, 4 * NR);
    c41.intoArray(t, 4 * NR + V);
    c50.intoArray(t, 5 * NR);
    c51.intoArray(t, 5 * NR + V);
    flush(blk, cRow, rows, width);
  }

  /** Three or four rows of A from {@code aRow} against one panel; see {@link #tile6}. */
  private static void tile4(Block blk, int aRow, int bBase, int cRow, int rows, int width) {
    float[] a = blk.a;
    float[] b = blk.bPack;
    int a0 = aRow;
    int a1 = a0 + blk.lda;
    int a2 = a1 + blk.lda;
    int a3 = rows == 4 ? a2 + blk.lda : a2;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    for (int p = 0; p < blk.kc; p++) {
      int bi = bBase + p * NR;
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + V);
      FloatVector av = FloatVector.broadcast(S, a[a0 + p]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[a1 + p]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, a[a2 + p]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, a[a3 + p]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
    }
    if (rows == 4 && width == NR) { // a whole tile: straight to C, as in tile6
      float[] c = blk.c;
      int ld = blk.ldc;
      if (blk.add) {
        c00 = FloatVector.fromArray(S, c, cRow).add(c00);
        c01 = FloatVector.fromArray(S, c, cRow + V).add(c01);
        c10 = FloatVector.fromArray(S, c, cRow + ld).add(c10);
        c11 = FloatVector.fromArray(S, c, cRow + ld + V).add(c11);
        c20 = FloatVector.fromArray(S, c, cRow + 2 * ld).add(c20);
        c21 = FloatVector.fromArray(S, c, cRow + 2 * ld + V).add(c21);
        c30 = FloatVector.fromArray(S, c, cRow + 3 * ld).add(c30);
        c31 = FloatVector.fromArray(S, c, cRow + 3 * ld + V).add(c31);
      }
      c00.intoArray(c, cRow);
      c01.intoArray(c, cRow + V);
      c10.intoArray(c, cRow + ld);
      c11.intoArray(c, cRow + ld + V);
      c20.intoArray(c, cRow + 2 * ld);
      c21.intoArray(c, cRow + 2 * ld + V);
      c30.intoArray(c, cRow + 3 * ld);
      c31.intoArray(c, cRow + 3 * ld + V);
      return;
    }
    float[] t = blk.edge;
    c00.intoArray(t, 0);
    c01.intoArray(t, V);
    c10.intoArray(t, NR);
    c11.intoArray(t, NR + V);
    c20.intoArray(t, 2 * NR);
    c21.intoArray(t, 2 * NR + V);
    c30.intoArray(t, 3 * NR);
    c31.intoArray(t, 3 * NR + V);
    flush(blk, cRow, rows, width);
  }

  private static void tile2(Block blk, int aRow, int bBase, int cRow, int width) {
    float[] a = blk.a;
    float[] b = blk.bPack;
    int a1 = aRow + blk.lda;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    for (int p = 0; p < blk.kc; p++) {
      int bi = bBase + p * NR;
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + V);
      FloatVector av = FloatVector.broadcast(S, a[aRow + p]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[a1 + p]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
    }
    float[] t = blk.edge;
    c00.intoArray(t, 0);
    c01.intoArray(t, V);
    c10.intoArray(t, NR);
    c11.intoArray(t, NR + V);
    flush(blk, cRow, 2, width);
  }

  private static void tile1(Block blk, int aRow, int bBase, int cRow, int width) {
    float[] a = blk.a;
    float[] b = blk.bPack;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    for (int p = 0; p < blk.kc; p++) {
      int bi = bBase + p * NR;
      FloatVector av = FloatVector.broadcast(S, a[aRow + p]);
      c00 = av.fma(FloatVector.fromArray(S, b, bi), c00);
      c01 = av.fma(FloatVector.fromArray(S, b, bi + V), c01);
    }
    c00.intoArray(blk.edge, 0);
    c01.intoArray(blk.edge, V);
    flush(blk, cRow, 1, width);
  }

  /**
   * One row against four full panels (8 accumulators), each element still summed in order of p,
   * as in every tile.
   */
  private static void wide1(Block blk, int aRow, int bBase, int cRow) {
    float[] a = blk.a;
    float[] b = blk.bPack;
    int b1 = bBase + blk.bPanelStride; // each panel's own base, linear in p: see wide2
    int b2 = b1 + blk.bPanelStride;
    int b3 = b2 + blk.bPanelStride;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    for (int p = 0; p < blk.kc; p++) {
      int o = p * NR;
      FloatVector av = FloatVector.broadcast(S, a[aRow + p]);
      c00 = av.fma(FloatVector.fromArray(S, b, bBase + o), c00);
      c01 = av.fma(FloatVector.fromArray(S, b, bBase + o + V), c01);
      c10 = av.fma(FloatVector.fromArray(S, b, b1 + o), c10);
      c11 = av.fma(FloatVector.fromArray(S, b, b1 + o + V), c11);
      c20 = av.fma(FloatVector.fromArray(S, b, b2 + o), c20);
      c21 = av.fma(FloatVector.fromArray(S, b, b2 + o + V), c21);
      c30 = av.fma(FloatVector.fromArray(S, b, b3 + o), c30);
      c31 = av.fma(FloatVector.fromArray(S, b, b3 + o + V), c31);
    }
    float[] c = blk.c; // straight to C: four whole panels of one row
    if (blk.add) {
      c00 = FloatVector.fromArray(S, c, cRow).add(c00);
      c01 = FloatVector.fromArray(S, c, cRow + V).add(c01);
      c10 = FloatVector.fromArray(S, c, cRow + NR).add(c10);
      c11 = FloatVector.fromArray(S, c, cRow + NR + V).add(c11);
      c20 = FloatVector.fromArray(S, c, cRow + 2 * NR).add(c20);
      c21 = FloatVector.fromArray(S, c, cRow + 2 * NR + V).add(c21);
      c30 = FloatVector.fromArray(S, c, cRow + 3 * NR).add(c30);
      c31 = FloatVector.fromArray(S, c, cRow + 3 * NR + V).add(c31);
    }
    c00.intoArray(c, cRow);
    c01.intoArray(c, cRow + V);
    c10.intoArray(c, cRow + NR);
    c11.intoArray(c, cRow + NR + V);
    c20.intoArray(c, cRow + 2 * NR);
    c21.intoArray(c, cRow + 2 * NR + V);
    c30.intoArray(c, cRow + 3 * NR);
    c31.intoArray(c, cRow + 3 * NR + V);
  }

  /** Two rows against two full panels (8 accumulators); see {@link #wide1}. */
  private static void wide2(Block blk, int aRow, int bBase, int cRow) {
    float[] a = blk.a;
    int a1 = aRow + blk.lda;
    float[] b = blk.bPack;
    int s1 = blk.bPanelStride;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    FloatVector c02 = c00;
    FloatVector c03 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c12 = c00;
    FloatVector c13 = c00;
    int bBase1 = bBase + s1; // the second panel's base: b1 + p·NR, unlike bi + s1, lets C2
                             // drop the bounds checks of its loads from the loop
    for (int p = 0; p < blk.kc; p++) {
      int bi = bBase + p * NR;
      int bj = bBase1 + p * NR;
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + V);
      FloatVector b2 = FloatVector.fromArray(S, b, bj);
      FloatVector b3 = FloatVector.fromArray(S, b, bj + V);
      FloatVector av = FloatVector.broadcast(S, a[aRow + p]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      c02 = av.fma(b2, c02);
      c03 = av.fma(b3, c03);
      av = FloatVector.broadcast(S, a[a1 + p]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      c12 = av.fma(b2, c12);
      c13 = av.fma(b3, c13);
    }
    float[] c = blk.c; // straight to C: two whole panels of two rows
    int c1 = cRow + blk.ldc;
    if (blk.add) {
      c00 = FloatVector.fromArray(S, c, cRow).add(c00);
      c01 = FloatVector.fromArray(S, c, cRow + V).add(c01);
      c02 = FloatVector.fromArray(S, c, cRow + NR).add(c02);
      c03 = FloatVector.fromArray(S, c, cRow + NR + V).add(c03);
      c10 = FloatVector.fromArray(S, c, c1).add(c10);
      c11 = FloatVector.fromArray(S, c, c1 + V).add(c11);
      c12 = FloatVector.fromArray(S, c, c1 + NR).add(c12);
      c13 = FloatVector.fromArray(S, c, c1 + NR + V).add(c13);
    }
    c00.intoArray(c, cRow);
    c01.intoArray(c, cRow + V);
    c02.intoArray(c, cRow + NR);
    c03.intoArray(c, cRow + NR + V);
    c10.intoArray(c, c1);
    c11.intoArray(c, c1 + V);
    c12.intoArray(c, c1 + NR);
    c13.intoArray(c, c1 + NR + V);
  }

  /**
   * Writes a tile from {@code blk.edge} (MR, NR) to C: {@code C = tile} or {@code C = C + tile},
   * the first {@code rows} rows and {@code width} columns. Accumulators reach it through memory,
   * never as arguments: a vector passed to a method the JIT declines to inline is boxed, which
   * made some shapes 10x slower.
   */
  private static void flush(Block blk, int cRow, int rows, int width) {
    float[] c = blk.c;
    float[] t = blk.edge;
    for (int r = 0, ci = cRow, ti = 0; r < rows; r++, ci += blk.ldc, ti += NR) {
      if (width == NR) {
        FloatVector lo = FloatVector.fromArray(S, t, ti);
        FloatVector hi = FloatVector.fromArray(S, t, ti + V);
        if (blk.add) {
          lo = FloatVector.fromArray(S, c, ci).add(lo);
          hi = FloatVector.fromArray(S, c, ci + V).add(hi);
        }
        lo.intoArray(c, ci);
        hi.intoArray(c, ci + V);
      } else {
        for (int j = 0; j < width; j++) {
          c[ci + j] = blk.add ? c[ci + j] + t[ti + j] : t[ti + j];
        }
      }
    }
  }

  @Override
  public void laneSums(float[] a, int a0, int a1, int a2, int a3, float[] b, int b0, int b1,
      int b2, int b3, int k16, float[] lanes) {
    if (V != NarrowProduct.LANES) { // the lanes are those of a 16-float vector
      NarrowProduct.scalarLaneSums(a, a0, a1, a2, a3, b, b0, b1, b2, b3, k16, lanes);
      return;
    }
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    for (int p = 0; p < k16; p += V) {
      s0 = FloatVector.fromArray(S, a, a0 + p).fma(FloatVector.fromArray(S, b, b0 + p), s0);
      s1 = FloatVector.fromArray(S, a, a1 + p).fma(FloatVector.fromArray(S, b, b1 + p), s1);
      s2 = FloatVector.fromArray(S, a, a2 + p).fma(FloatVector.fromArray(S, b, b2 + p), s2);
      s3 = FloatVector.fromArray(S, a, a3 + p).fma(FloatVector.fromArray(S, b, b3 + p), s3);
    }
    s0.intoArray(lanes, 0);
    s1.intoArray(lanes, V);
    s2.intoArray(lanes, 2 * V);
    s3.intoArray(lanes, 3 * V);
  }

  @Override
  public void exp(float[] out, int outOff, float[] in, int inOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += V) {
      exp(FloatVector.fromArray(S, in, inOff + i)).intoArray(out, outOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = S.indexInRange(i, n);
      exp(FloatVector.fromArray(S, in, inOff + i, m)).intoArray(out, outOff + i, m);
    }
  }

  @Override
  public void tanh(float[] out, int outOff, float[] in, int inOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += V) {
      tanh(FloatVector.fromArray(S, in, inOff + i)).intoArray(out, outOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = S.indexInRange(i, n);
      tanh(FloatVector.fromArray(S, in, inOff + i, m)).intoArray(out, outOff + i, m);
    }
  }

  @Override
  public void sigmoid(float[] out, int outOff, float[] in, int inOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += V) {
      sigmoid(FloatVector.fromArray(S, in, inOff + i)).intoArray(out, outOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = S.indexInRange(i, n);
      sigmoid(FloatVector.fromArray(S, in, inOff + i, m)).intoArray(out, outOff + i, m);
    }
  }

  /**
   * The same float operations as {@link ScalarBackend#lstmForward} in the same order, as passes
   * over the row, each a loop of its own: the pre-activations of all four gates into {@code
   * saved}, their activations in place, then the cell. (Fused into fewer loops, the JIT ran out
   * of its inlining budget, left vector loads as calls and allocated every vector: 2× slower.)
   * The units past the last full vector go through the scalar twin.
   */
  @Override
  public void lstmForward(float[] preIh, int preIhOff, float[] hh, int hhOff, float[] biasIh,
      float[] biasHh, float[] c, int cPrevOff, int cOutOff, float[] saved, int savedOff,
      float[] h, int hOff, int n) {
    int full = S.loopBound(n);
    for (int k = 0; k < 4; k++) { // i, f, g, o: gate k's columns, and its part of the saved row
      preActivations(preIh, preIhOff + k * n, hh, hhOff + k * n, biasIh, biasHh, k * n, saved,
          savedOff + k * n, full);
    }
    sigmoid(saved, savedOff, saved, savedOff, full); // i
    sigmoid(saved, savedOff + n, saved, savedOff + n, full); // f
    tanh(saved, savedOff + 2 * n, saved, savedOff + 2 * n, full); // g
    sigmoid(saved, savedOff + 3 * n, saved, savedOff + 3 * n, full); // o
    lstmCell(c, cPrevOff, cOutOff, saved, savedOff, h, hOff, n, full);
    if (full < n) {
      Backends.SCALAR.lstmTail(preIh, preIhOff, hh, hhOff, biasIh, biasHh, c,
          cPrevOff, cOutOff, saved, savedOff, h, hOff, n, full);
    }
  }

  /**
   * The same float operations as {@link ScalarBackend#lstmBackward}, in the same order, 16 units
   * at a time; the units past the last full vector go through the scalar twin.
   */
  @Override
  public void lstmBackward(float[] saved, int savedOff, float[] c, int cPrevOff, float[] dh,
      float[] dc, int dOff, float[] dPre, int dPreOff, float[] dhPrev, float[] dcPrev, int n) {
    int full = S.loopBound(n);
    FloatVector one = FloatVector.broadcast(S, 1f);
    for (int j = 0; j < full; j += V) {
      FloatVector i = FloatVector.fromArray(S, saved, savedOff + j);
      FloatVector f = FloatVector.fromArray(S, saved, savedOff + n + j);
      FloatVector g = FloatVector.fromArray(S, saved, savedOff + 2 * n + j);
      FloatVector o = FloatVector.fromArray(S, saved, savedOff + 3 * n + j);
      FloatVector tanhCell = FloatVector.fromArray(S, saved, savedOff + 4 * n + j);
      FloatVector dhj = FloatVector.fromArray(S, dh, dOff + j);
      FloatVector dcj = FloatVector.fromArray(S, dc, dOff + j)
          .add(dhj.mul(o).mul(one.sub(tanhCell.mul(tanhCell))));
      dcj.mul(g).mul(i).mul(one.sub(i)).intoArray(dPre, dPreOff + j);
      dcj.mul(FloatVector.fromArray(S, c, cPrevOff + j)).mul(f).mul(one.sub(f))
          .intoArray(dPre, dPreOff + n + j);
      dcj.mul(i).mul(one.sub(g.mul(g))).intoArray(dPre, dPreOff + 2 * n + j);
      dhj.mul(tanhCell).mul(o).mul(one.sub(o)).intoArray(dPre, dPreOff + 3 * n + j);
      dcj.mul(f).intoArray(dcPrev, dOff + j);
      FloatVector.zero(S).intoArray(dhPrev, dOff + j);
    }
    if (full < n) {
      Backends.SCALAR.lstmBackwardTail(saved, savedOff, c, cPrevOff, dh, dc,
          dOff, dPre, dPreOff, dhPrev, dcPrev, n, full);
    }
  }

  /** z[j] = ((p[j] + bIh[bOff + j]) + q[j]) + bHh[bOff + j] for j in [0, m), m a multiple of V. */
  private static void preActivations(float[] p, int pOff, float[] q, int qOff, float[] bIh,
      float[] bHh, int bOff, float[] z, int zOff, int m) {
    for (int j = 0; j < m; j += V) {
      FloatVector.fromArray(S, p, pOff + j).add(FloatVector.fromArray(S, bIh, bOff + j))
          .add(FloatVector.fromArray(S, q, qOff + j)).add(FloatVector.fromArray(S, bHh, bOff + j))
          .intoArray(z, zOff + j);
    }
  }

  /** Units [0, m), m a multiple of V, from the activated gates in saved: c', tanh c', h'. */
  private static void lstmCell(float[] c, int cPrevOff, int cOutOff, float[] saved, int savedOff,
      float[] h, int hOff, int n, int m) {
    for (int j = 0; j < m; j += V) {
      FloatVector i = FloatVector.fromArray(S, saved, savedOff + j);
      FloatVector f = FloatVector.fromArray(S, saved, savedOff + n + j);
      FloatVector g = FloatVector.fromArray(S, saved, savedOff + 2 * n + j);
      FloatVector o = FloatVector.fromArray(S, saved, savedOff + 3 * n + j);
      FloatVector cell = f.mul(FloatVector.fromArray(S, c, cPrevOff + j)).add(i.mul(g));
      FloatVector tanhCell = tanh(cell);
      tanhCell.intoArray(saved, savedOff + 4 * n + j);
      cell.intoArray(c, cOutOff + j);
      o.mul(tanhCell).intoArray(h, hOff + j);
    }
  }

  private static FloatVector sigmoid(FloatVector x) {
    FloatVector one = FloatVector.broadcast(S, 1f);
    return one.div(one.add(exp(x.neg())));
  }

  // The lane-wise twins of ExpPolynomial: the same float operations in the same order.

  private static FloatVector shifted(FloatVector y) {
    return y.fma(FloatVector.broadcast(S, ExpPolynomial.LOG2E),
        FloatVector.broadcast(S, ExpPolynomial.ROUND));
  }

  private static IntVector integer(FloatVector shifted) {
    return ((IntVector) shifted.reinterpretAsInts()).sub(ExpPolynomial.ROUND_BITS);
  }

  private static FloatVector expm1Reduced(FloatVector y, FloatVector k) {
    FloatVector r = k.fma(FloatVector.broadcast(S, -ExpPolynomial.LN2_HI), y);
    r = k.fma(FloatVector.broadcast(S, -ExpPolynomial.LN2_LO), r);
    FloatVector p = FloatVector.broadcast(S, ExpPolynomial.C7)
        .fma(r, FloatVector.broadcast(S, ExpPolynomial.C6));
    p = p.fma(r, FloatVector.broadcast(S, ExpPolynomial.C5));
    p = p.fma(r, FloatVector.broadcast(S, ExpPolynomial.C4));
    p = p.fma(r, FloatVector.broadcast(S, ExpPolynomial.C3));
    p = p.fma(r, FloatVector.broadcast(S, ExpPolynomial.C2));
    return r.mul(r).fma(p, r);
  }

  /** 2^n lane-wise from integral floats n in [−126, 127]. */
  private static FloatVector pow2(IntVector n) {
    return n.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
  }

  /**
   * {@code Math.max(x, lo)} lane-wise as a compare and a blend: a NaN lane compares false and
   * stays NaN, as in {@code Math.max}. The Vector API's own max orders −0 below +0 and passes
   * NaN on as Java does, which took six instructions on AVX-512 (a sign mask, two blends, the max,
   * a NaN compare and a masked move); against a bound that is neither zero nor NaN, two give
   * the same lanes.
   *
   * @param lo the bound, neither zero nor NaN
   */
  private static FloatVector atLeast(FloatVector x, float lo) {
    return x.blend(FloatVector.broadcast(S, lo), x.lt(lo));
  }

  /** {@code Math.min(x, hi)} lane-wise, as {@link #atLeast} gives the max. */
  private static FloatVector atMost(FloatVector x, float hi) {
    return x.blend(FloatVector.broadcast(S, hi), x.compare(VectorOperators.GT, hi));
  }

  private static FloatVector exp(FloatVector x) {
    FloatVector y = atMost(atLeast(x, ExpPolynomial.MIN_ARG), ExpPolynomial.MAX_ARG);
    FloatVector shifted = shifted(y);
    FloatVector q = expm1Reduced(y, shifted.sub(ExpPolynomial.ROUND));
    IntVector n = integer(shifted);
    IntVector n1 = n.lanewise(VectorOperators.ASHR, 1);
    return q.add(1f).mul(pow2(n1)).mul(pow2(n.sub(n1)));
  }

  private static FloatVector tanh(FloatVector x) {
    FloatVector y = atMost(x.abs(), ExpPolynomial.TANH_SATURATION).mul(2f);
    FloatVector shifted = shifted(y);
    FloatVector q = expm1Reduced(y, shifted.sub(ExpPolynomial.ROUND));
    FloatVector scale = pow2(integer(shifted));
    FloatVector m = scale.fma(q, scale.sub(1f));
    FloatVector small = m.div(m.add(2f));
    FloatVector large = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(m.add(2f)));
    FloatVector t = small.blend(large, x.abs().compare(VectorOperators.GE,
        ExpPolynomial.TANH_NEAR_ONE));
    return t.blend(t.neg(), x.lt(0f));
  }

  /**
   * The double operations of {@link ScalarBackend#sgd}, in its order, one float vector (two of
   * doubles: its lower and upper half) at a time. The conversions are written out, not called:
   * see {@link #adam}.
   */
  @Override
  public void sgd(float[] theta, float[] grad, double lr, double lambda, int from, int to) {
    int end = from + S.loopBound(to - from);
    DoubleVector lrV = DoubleVector.broadcast(D, lr);
    DoubleVector lambdaV = DoubleVector.broadcast(D, lambda);
    for (int i = from; i < end; i += V) {
      FloatVector theta32 = FloatVector.fromArray(S, theta, i);
      FloatVector grad32 = FloatVector.fromArray(S, grad, i);
      DoubleVector t0 = (DoubleVector) theta32.convertShape(VectorOperators.F2D, D, 0);
      DoubleVector t1 = (DoubleVector) theta32.convertShape(VectorOperators.F2D, D, 1);
      DoubleVector g0 = ((DoubleVector) grad32.convertShape(VectorOperators.F2D, D, 0))
          .add(lambdaV.mul(t0));
      DoubleVector g1 = ((DoubleVector) grad32.convertShape(VectorOperators.F2D, D, 1))
          .add(lambdaV.mul(t1));
      FloatVector lower =
          (FloatVector) t0.sub(lrV.mul(g0)).convertShape(VectorOperators.D2F, S, 0);
      FloatVector upper =
          (FloatVector) t1.sub(lrV.mul(g1)).convertShape(VectorOperators.D2F, S, 0);
      lower.blend(upper.rearrange(LOWER_TO_UPPER), UPPER).intoArray(theta, i);
    }
    Backends.SCALAR.sgd(theta, grad, lr, lambda, end, to);
  }

  /**
   * The double operations of {@link ScalarBackend#adam}, in its order, one float vector (two of
   * doubles: its lower and upper half) at a time.
   *
   * <p>Floats are read and written as vectors of {@link #S} only, never as float vectors as
   * narrow as the doubles (which JDK 17 converts more directly): once a second float species has
   * run anywhere in the JVM, the JIT's type profiles of the Vector API's shared methods hold two
   * vector classes, and the kernels it compiles after that box their vectors instead of keeping
   * them in registers. An optimizer step runs before the kernels that only inference calls are
   * compiled; with a narrow float species here, C1's inference pass allocated 29 MB once training
   * had run (its LSTM cells and product tiles boxing vectors) against 9 MB without training.
   * The conversions are written out rather than called: a helper method taking or returning
   * vectors, once compiled on its own, was no longer inlined, and the vectors crossing the call
   * were boxed (5–7× slower).
   */
  @Override
  public void adam(float[] theta, float[] grad, float[] expAvg, float[] expAvgSq,
      float[] maxExpAvgSq, Updates.AdamStep s, int from, int to) {
    int end = from + S.loopBound(to - from);
    DoubleVector beta1 = DoubleVector.broadcast(D, s.beta1());
    DoubleVector beta2 = DoubleVector.broadcast(D, s.beta2());
    DoubleVector keep1 = DoubleVector.broadcast(D, 1 - s.beta1());
    DoubleVector keep2 = DoubleVector.broadcast(D, 1 - s.beta2());
    DoubleVector l2 = DoubleVector.broadcast(D, s.l2());
    DoubleVector shrink = DoubleVector.broadcast(D, s.shrink());
    DoubleVector stepSize = DoubleVector.broadcast(D, s.stepSize());
    DoubleVector bias2Sqrt = DoubleVector.broadcast(D, s.bias2Sqrt());
    DoubleVector eps = DoubleVector.broadcast(D, s.eps());
    for (int i = from; i < end; i += V) {
      FloatVector theta32 = FloatVector.fromArray(S, theta, i);
      FloatVector grad32 = FloatVector.fromArray(S, grad, i);
      FloatVector m32 = FloatVector.fromArray(S, expAvg, i);
      FloatVector v32 = FloatVector.fromArray(S, expAvgSq, i);
      DoubleVector t0 = (DoubleVector) theta32.convertShape(VectorOperators.F2D, D, 0);
      DoubleVector t1 = (DoubleVector) theta32.convertShape(VectorOperators.F2D, D, 1);
      DoubleVector g0 = ((DoubleVector) grad32.convertShape(VectorOperators.F2D, D, 0))
          .add(l2.mul(t0));
      DoubleVector g1 = ((DoubleVector) grad32.convertShape(VectorOperators.F2D, D, 1))
          .add(l2.mul(t1));
      DoubleVector m0 = beta1.mul((DoubleVector) m32.convertShape(VectorOperators.F2D, D, 0))
          .add(keep1.mul(g0));
      DoubleVector m1 = beta1.mul((DoubleVector) m32.convertShape(VectorOperators.F2D, D, 1))
          .add(keep1.mul(g1));
      DoubleVector v0 = beta2.mul((DoubleVector) v32.convertShape(VectorOperators.F2D, D, 0))
          .add(keep2.mul(g0).mul(g0));
      DoubleVector v1 = beta2.mul((DoubleVector) v32.convertShape(VectorOperators.F2D, D, 1))
          .add(keep2.mul(g1).mul(g1));
      FloatVector lower = (FloatVector) m0.convertShape(VectorOperators.D2F, S, 0);
      FloatVector upper = (FloatVector) m1.convertShape(VectorOperators.D2F, S, 0);
      lower.blend(upper.rearrange(LOWER_TO_UPPER), UPPER).intoArray(expAvg, i);
      lower = (FloatVector) v0.convertShape(VectorOperators.D2F, S, 0);
      upper = (FloatVector) v1.convertShape(VectorOperators.D2F, S, 0);
      lower.blend(upper.rearrange(LOWER_TO_UPPER), UPPER).intoArray(expAvgSq, i);
      if (maxExpAvgSq != null) {
        FloatVector max32 = FloatVector.fromArray(S, maxExpAvgSq, i);
        v0 = ((DoubleVector) max32.convertShape(VectorOperators.F2D, D, 0))
            .lanewise(VectorOperators.MAX, v0);
        v1 = ((DoubleVector) max32.convertShape(VectorOperators.F2D, D, 1))
            .lanewise(VectorOperators.MAX, v1);
        lower = (FloatVector) v0.convertShape(VectorOperators.D2F, S, 0);
        upper = (FloatVector) v1.convertShape(VectorOperators.D2F, S, 0);
        lower.blend(upper.rearrange(LOWER_TO_UPPER), UPPER).intoArray(maxExpAvgSq, i);
      }
      lower = (FloatVector) t0.mul(shrink)
          .sub(stepSize.mul(m0).div(v0.sqrt().div(bias2Sqrt).add(eps)))
          .convertShape(VectorOperators.D2F, S, 0);
      upper = (FloatVector) t1.mul(shrink)
          .sub(stepSize.mul(m1).div(v1.sqrt().div(bias2Sqrt).add(eps)))
          .convertShape(VectorOperators.D2F, S, 0);
      lower.blend(upper.rearrange(LOWER_TO_UPPER), UPPER).intoArray(theta, i);
    }
    Backends.SCALAR.adam(theta, grad, expAvg, expAvgSq, maxExpAvgSq, s, end, to);
  }
}
