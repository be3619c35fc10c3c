package org.rnn4j.kernel;

/**
 * Matrix products for the rest of rnn4j: chooses the fastest kernel available.
 *
 * <p>Until the Vector API kernel lands this delegates to {@link ReferenceGemm}.
 */
public final class Gemm {
  private Gemm() {}

  /**
   * {@code C = op(A)·op(B)}, or {@code C += op(A)·op(B)} when {@code accumulate}.
   *
   * @param c output (m, n) at {@code cOff}; modified
   * @param cOff offset of C in {@code c}
   * @param a A as stored, (m, k) or (k, m) when transposed
   * @param aOff offset of A in {@code a}
   * @param b B as stored, (k, n) or (n, k) when transposed
   * @param bOff offset of B in {@code b}
   * @param s the shape and transposes
   * @param accumulate add into C instead of overwriting it
   */
  public static void multiply(
      float[] c, int cOff, float[] a, int aOff, float[] b, int bOff, GemmShape s,
      boolean accumulate) {
    ReferenceGemm.multiply(c, cOff, a, aOff, b, bOff, s, accumulate);
  }
}
