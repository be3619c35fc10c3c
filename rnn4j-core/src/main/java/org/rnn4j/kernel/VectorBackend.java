package org.rnn4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels, the only rnn4j code that uses {@code jdk.incubator.vector}. Loaded
 * reflectively by {@link Backends}, so rnn4j still runs when the module is not enabled.
 *
 * <p>GEMM micro-kernel: a tile of up to MR = 6 rows × NR = 2 vectors of C lives in 12 vector
 * accumulators; at each step p of the K block the two vectors of row p of the B panel are loaded
 * once and each row's {@code A[i, p]} is broadcast and fused-multiply-added into its pair. With
 * 16-float vectors (AVX-512) that is 12 FMAs per 8 loads; it needs 15 vector registers, so it
 * also fits AVX2's 16. Tails of 1–4 rows use smaller tiles. Each tile leaves its accumulators in a
 * scratch tile that {@code flush} adds to C.
 *
 * <p>Elementwise: {@code lanewise(EXP)} and {@code lanewise(TANH)} compile on JDK 17+ x86 to
 * Intel SVML stubs, measured here at about 0.3 ns (exp) and 0.5 ns (tanh) per float against
 * 15 ns and 32 ns for a scalar {@code Math.exp}/{@code Math.tanh} loop.
 */
final class VectorBackend implements Backend {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int V = S.length();
  private static final int NR = 2 * V;
  private static final int MR = 6;

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

  @Override
  public void multiplyBlock(Block blk) {
    int groupStride = blk.kc * MR;
    for (int q = 0; q < blk.panels; q++) {
      int width = blk.width(q, NR);
      int bBase = blk.bOff + q * blk.bPanelStride;
      int cBase = blk.cOff + q * NR;
      for (int i = 0, g = 0; i < blk.rows; i += MR, g += groupStride) {
        int rows = Math.min(MR, blk.rows - i);
        int cRow = cBase + i * blk.ldc;
        if (rows >= 5) {
          tile6(blk, g, bBase, cRow, rows, width);
        } else if (rows >= 3) {
          tile4(blk, g, bBase, cRow, rows, width);
        } else if (rows == 2) {
          tile2(blk, g, bBase, cRow, width);
        } else {
          tile1(blk, g, bBase, cRow, width);
        }
      }
    }
  }

  private static void tile6(Block blk, int aBase, int bBase, int cRow, int rows, int width) {
    float[] a = blk.aPack;
    float[] b = blk.bPack;
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
    for (int p = 0, ai = aBase, bi = bBase; p < blk.kc; p++, ai += MR, bi += NR) {
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + V);
      FloatVector av = FloatVector.broadcast(S, a[ai]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[ai + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, a[ai + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, a[ai + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, a[ai + 4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, a[ai + 5]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
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

  private static void tile4(Block blk, int aBase, int bBase, int cRow, int rows, int width) {
    float[] a = blk.aPack;
    float[] b = blk.bPack;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    for (int p = 0, ai = aBase, bi = bBase; p < blk.kc; p++, ai += MR, bi += NR) {
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + V);
      FloatVector av = FloatVector.broadcast(S, a[ai]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[ai + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, a[ai + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, a[ai + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
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

  private static void tile2(Block blk, int aBase, int bBase, int cRow, int width) {
    float[] a = blk.aPack;
    float[] b = blk.bPack;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    for (int p = 0, ai = aBase, bi = bBase; p < blk.kc; p++, ai += MR, bi += NR) {
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + V);
      FloatVector av = FloatVector.broadcast(S, a[ai]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[ai + 1]);
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

  private static void tile1(Block blk, int aBase, int bBase, int cRow, int width) {
    float[] a = blk.aPack;
    float[] b = blk.bPack;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    for (int p = 0, ai = aBase, bi = bBase; p < blk.kc; p++, ai += MR, bi += NR) {
      FloatVector av = FloatVector.broadcast(S, a[ai]);
      c00 = av.fma(FloatVector.fromArray(S, b, bi), c00);
      c01 = av.fma(FloatVector.fromArray(S, b, bi + V), c01);
    }
    c00.intoArray(blk.edge, 0);
    c01.intoArray(blk.edge, V);
    flush(blk, cRow, 1, width);
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
  public void exp(float[] out, int outOff, float[] in, int inOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += V) {
      FloatVector.fromArray(S, in, inOff + i).lanewise(VectorOperators.EXP)
          .intoArray(out, outOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = S.indexInRange(i, n);
      FloatVector.fromArray(S, in, inOff + i, m).lanewise(VectorOperators.EXP)
          .intoArray(out, outOff + i, m);
    }
  }

  @Override
  public void tanh(float[] out, int outOff, float[] in, int inOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += V) {
      FloatVector.fromArray(S, in, inOff + i).lanewise(VectorOperators.TANH)
          .intoArray(out, outOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = S.indexInRange(i, n);
      FloatVector.fromArray(S, in, inOff + i, m).lanewise(VectorOperators.TANH)
          .intoArray(out, outOff + i, m);
    }
  }

  @Override
  public void sigmoid(float[] out, int outOff, float[] in, int inOff, int n) {
    int i = 0;
    FloatVector one = FloatVector.broadcast(S, 1f);
    // σ(x) = 1 / (1 + e^−x): e^−x overflows to +∞ for x below −88, giving exactly 0.
    for (int bound = S.loopBound(n); i < bound; i += V) {
      FloatVector x = FloatVector.fromArray(S, in, inOff + i);
      one.div(x.neg().lanewise(VectorOperators.EXP).add(one)).intoArray(out, outOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = S.indexInRange(i, n);
      FloatVector x = FloatVector.fromArray(S, in, inOff + i, m);
      one.div(x.neg().lanewise(VectorOperators.EXP).add(one)).intoArray(out, outOff + i, m);
    }
  }
}
