package org.rnn4j.kernel;

/**
 * The plain scalar GEMM: the definition every fast kernel is tested against. Loop order i-p-j
 * keeps the innermost loop on contiguous memory when B is not transposed.
 */
public final class ReferenceGemm {
  private ReferenceGemm() {}

  /**
   * {@code C = op(A)·op(B)}, or {@code C += op(A)·op(B)} when {@code accumulate}.
   *
   * @param c output (m, n) at {@code cOff}; modified
   * @param cOff offset of C in {@code c}
   * @param a A as stored, (m, k) or (k, m) when transposed, at {@code aOff}
   * @param aOff offset of A in {@code a}
   * @param b B as stored, (k, n) or (n, k) when transposed, at {@code bOff}
   * @param bOff offset of B in {@code b}
   * @param s the shape and transposes
   * @param accumulate add into C instead of overwriting it
   */
  public static void multiply(
      float[] c, int cOff, float[] a, int aOff, float[] b, int bOff, GemmShape s,
      boolean accumulate) {
    s.checkBounds(c, cOff, a, aOff, b, bOff);
    int m = s.m();
    int n = s.n();
    int k = s.k();
    int lda = s.lda();
    int ldb = s.ldb();
    for (int i = 0; i < m; i++) {
      int cRow = cOff + i * n;
      if (!accumulate) {
        java.util.Arrays.fill(c, cRow, cRow + n, 0f);
      }
      for (int p = 0; p < k; p++) {
        float aip = s.transA() ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        if (s.transB()) {
          for (int j = 0; j < n; j++) {
            c[cRow + j] += aip * b[bOff + j * ldb + p];
          }
        } else {
          int bRow = bOff + p * ldb;
          for (int j = 0; j < n; j++) {
            c[cRow + j] += aip * b[bRow + j];
          }
        }
      }
    }
  }
}
