package org.rnn4j.kernel;

/**
 * The shape of one matrix product {@code C = op(A) · op(B)} on row-major, contiguous matrices.
 *
 * <pre>
 * op(A): (m, k)   stored as A (m, k), or as A (k, m) when transA
 * op(B): (k, n)   stored as B (k, n), or as B (n, k) when transB
 * C:     (m, n)
 * </pre>
 *
 * @param m rows of C and of op(A)
 * @param n columns of C and of op(B)
 * @param k the shared (contracted) dimension
 * @param transA whether A is stored transposed, (k, m)
 * @param transB whether B is stored transposed, (n, k)
 */
public record GemmShape(int m, int n, int k, boolean transA, boolean transB) {

  /** Checks that every dimension is non-negative. */
  public GemmShape {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException(
          "GEMM dimensions must be non-negative: got m=" + m + ", n=" + n + ", k=" + k);
    }
  }

  /** The plain product C = A · B. */
  public static GemmShape of(int m, int n, int k) {
    return new GemmShape(m, n, k, false, false);
  }

  /** Row stride of A as stored: k, or m when transposed. */
  public int lda() {
    return transA ? m : k;
  }

  /** Row stride of B as stored: n, or k when transposed. */
  public int ldb() {
    return transB ? k : n;
  }

  /** Floating-point operations of the product, 2·m·n·k. */
  public double flops() {
    return 2.0 * m * n * k;
  }

  /** Throws unless the arrays hold the matrices this shape needs from the given offsets. */
  void checkBounds(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff) {
    checkLength("C", c, cOff, (long) m * n);
    checkLength("A", a, aOff, (long) m * k);
    checkLength("B", b, bOff, (long) k * n);
  }

  static void checkLength(String name, float[] array, int offset, long needed) {
    if (offset < 0 || offset + needed > array.length) {
      throw new IllegalArgumentException(
          "matrix " + name + " does not fit its array: needs " + needed + " floats from offset "
              + offset + ", array length " + array.length);
    }
  }
}
