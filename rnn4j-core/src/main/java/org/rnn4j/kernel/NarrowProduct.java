package org.rnn4j.kernel;

/**
 * Products with few columns, {@code C(m, n) (+)= A(m, k) · Bᵀ} with B stored (n, k) as a Linear
 * layer stores its weight and n ≤ {@link #MAX_N}: a regression head Linear(H, 1), a binary
 * classifier's Linear(H, 2). The blocked kernels would pack B into a panel of NR (32 with 16-float
 * vectors) columns, all but n of them zeros, and compute every one; here each element is a dot
 * product of a row of A with a row of B, read where they lie.
 *
 * <p>Every element is the same lane-blocked dot product on every backend, so the scalar and the
 * vector backend give the same bits:
 *
 * <pre>
 * k16 = k − k mod 16
 * s_l = fma chain over p = l, l + 16, …  &lt; k16 of a_p·b_p, from 0        (l = 0 … 15)
 * s_l = s_l + s_(l+w) for l &lt; w, for w = 8, 4, 2, 1                       (a fixed tree)
 * r = s_0, then r = fma(a_p, b_p, r) for p = k16 … k − 1, in order
 * c = accumulate ? c + r : r
 * </pre>
 *
 * Rows are independent, so a split of the rows across threads never changes a result.
 */
final class NarrowProduct {
  /** The most columns of op(B) computed as dot products. */
  static final int MAX_N = 4;
  /** Independent partial sums of one dot product. */
  static final int LANES = 16;
  /**
   * Smallest product (2·m·n·k flops) whose rows are split across threads: a quarter of {@link
   * BlockedGemm#PARALLEL_MIN_FLOPS}, as for products of few rows, since dot products stream A
   * once and are bound by memory rather than by arithmetic.
   */
  static final long PARALLEL_MIN_FLOPS = BlockedGemm.PARALLEL_MIN_FLOPS / 4;

  /** Dot products whose lane sums are formed together, as independent chains. */
  static final int GROUP = 4;

  private static final ThreadLocal<float[]> LANE_SUMS =
      ThreadLocal.withInitial(() -> new float[GROUP * LANES]);

  private NarrowProduct() {}

  /** Whether a product of this shape runs here: A as stored, B stored (n, k), n ≤ MAX_N. */
  static boolean applies(GemmShape s) {
    return !s.transA() && s.transB() && s.n() <= MAX_N;
  }

  /**
   * {@code C (+)= A · Bᵀ}, split across threads by rows when large enough.
   *
   * @param c (m, n) at cOff; modified
   * @param a (m, k) at aOff
   * @param b (n, k) at bOff
   */
  static void multiply(Backend backend, float[] c, int cOff, float[] a, int aOff, float[] b,
      int bOff, GemmShape s, boolean accumulate) {
    int m = s.m();
    int parts = 2.0 * m * s.n() * s.k() < PARALLEL_MIN_FLOPS ? 1
        : Math.min(Parallelism.threads(), m);
    if (parts == 1) {
      rows(backend, c, cOff, a, aOff, b, bOff, s, accumulate, 0, m);
    } else {
      Parallelism.run(parts, p -> rows(backend, c, cOff, a, aOff, b, bOff, s, accumulate,
          p * m / parts, (p + 1) * m / parts));
    }
  }

  /**
   * Rows [from, to) of C: its elements in row-major order, {@link #GROUP} at a time (the last
   * group repeats its last element).
   */
  private static void rows(Backend backend, float[] c, int cOff, float[] a, int aOff, float[] b,
      int bOff, GemmShape s, boolean accumulate, int from, int to) {
    int n = s.n();
    int k = s.k();
    int k16 = k - k % LANES;
    float[] lanes = LANE_SUMS.get(); // (GROUP, LANES)
    int end = to * n;
    for (int e = from * n; e < end; e += GROUP) {
      int e1 = Math.min(e + 1, end - 1);
      int e2 = Math.min(e + 2, end - 1);
      int e3 = Math.min(e + 3, end - 1);
      backend.laneSums(a, aOff + e / n * k, aOff + e1 / n * k, aOff + e2 / n * k,
          aOff + e3 / n * k, b, bOff + e % n * k, bOff + e1 % n * k, bOff + e2 % n * k,
          bOff + e3 % n * k, k16, lanes);
      for (int q = 0; q < GROUP && e + q < end; q++) {
        int el = e + q;
        float r = finish(lanes, q * LANES, a, aOff + el / n * k, b, bOff + el % n * k, k16, k);
        int at = cOff + el;
        c[at] = accumulate ? c[at] + r : r;
      }
    }
  }

  /** The tree over the lane sums at {@code lanes[o…]}, then the last k mod 16 products. */
  static float finish(float[] lanes, int o, float[] a, int aRow, float[] b, int bRow, int k16,
      int k) {
    float t0 = lanes[o] + lanes[o + 8];
    float t1 = lanes[o + 1] + lanes[o + 9];
    float t2 = lanes[o + 2] + lanes[o + 10];
    float t3 = lanes[o + 3] + lanes[o + 11];
    float t4 = lanes[o + 4] + lanes[o + 12];
    float t5 = lanes[o + 5] + lanes[o + 13];
    float t6 = lanes[o + 6] + lanes[o + 14];
    float t7 = lanes[o + 7] + lanes[o + 15];
    float r = ((t0 + t4) + (t2 + t6)) + ((t1 + t5) + (t3 + t7));
    for (int p = k16; p < k; p++) {
      r = Math.fma(a[aRow + p], b[bRow + p], r);
    }
    return r;
  }

  /**
   * The lane sums s_l (see the class comment) of {@link #GROUP} dot products, in plain Java.
   *
   * @param lanes (GROUP, LANES) written
   */
  static void scalarLaneSums(float[] a, int a0, int a1, int a2, int a3, float[] b, int b0,
      int b1, int b2, int b3, int k16, float[] lanes) {
    int[] aRows = {a0, a1, a2, a3};
    int[] bRows = {b0, b1, b2, b3};
    java.util.Arrays.fill(lanes, 0f);
    for (int q = 0; q < GROUP; q++) {
      for (int p = 0; p < k16; p += LANES) {
        for (int l = 0; l < LANES; l++) {
          int o = q * LANES + l;
          lanes[o] = Math.fma(a[aRows[q] + p + l], b[bRows[q] + p + l], lanes[o]);
        }
      }
    }
  }
}
