package org.rnn4j.kernel;

import java.util.Objects;

/**
 * Matrix products for the rest of rnn4j, on the fastest kernels available: the Vector API
 * micro-kernels when module {@code jdk.incubator.vector} is enabled, else plain Java.
 *
 * <pre>
 * C(m, n) = op(A)(m, k) · op(B)(k, n)        or C += … when accumulating
 * op(A) = A (m, k) as stored, or Aᵀ of A stored (k, m)
 * op(B) = B (k, n) as stored, or Bᵀ of B stored (n, k)   (a PyTorch Linear weight W (out, in)
 *                                                          gives x·Wᵀ with transB = true)
 * </pre>
 *
 * <p>Every product packs op(B) into column panels first; when the same B is used many times (a
 * recurrent weight at every time step) pack it once with {@link #pack} and call
 * {@link #multiply(float[], int, float[], int, boolean, int, PackedMatrix, boolean)}. Large
 * products are split across {@link Parallelism#threads()} cores. C must not overlap A or B.
 */
public final class Gemm {
  /** Per-call B packs up to this many floats (16 MB) are kept per thread for reuse. */
  private static final int RETAINED_PACK_FLOATS = 1 << 22;
  private static final ThreadLocal<float[]> PACK_BUFFER =
      ThreadLocal.withInitial(() -> new float[0]);

  private Gemm() {}

  /**
   * The kernels in use, such as {@code "vector-avx512(16 floats)"} or {@code "scalar"}.
   *
   * @return a short name for logs and benchmark records
   */
  public static String backend() {
    return Backends.active().name();
  }

  /**
   * {@code C = op(A)·op(B)}, or {@code C += op(A)·op(B)} when {@code accumulate}.
   *
   * @param c output (m, n) at {@code cOff}; modified
   * @param cOff offset of C in {@code c}
   * @param a A as stored, (m, k) or (k, m) when transposed; read only
   * @param aOff offset of A in {@code a}
   * @param b B as stored, (k, n) or (n, k) when transposed; read only
   * @param bOff offset of B in {@code b}
   * @param s the shape and transposes
   * @param accumulate add into C instead of overwriting it
   * @throws IllegalArgumentException if an array does not hold its matrix from its offset
   */
  public static void multiply(
      float[] c, int cOff, float[] a, int aOff, float[] b, int bOff, GemmShape s,
      boolean accumulate) {
    Objects.requireNonNull(s, "s");
    checkArray("c", c);
    checkArray("a", a);
    checkArray("b", b);
    s.checkBounds(c, cOff, a, aOff, b, bOff);
    if (s.m() == 0 || s.n() == 0) {
      return;
    }
    Backend backend = Backends.active();
    if (NarrowProduct.applies(s)) {
      NarrowProduct.multiply(backend, c, cOff, a, aOff, b, bOff, s, accumulate);
      return;
    }
    int size = packedSize(s.k(), s.n());
    float[] buffer = PACK_BUFFER.get();
    if (buffer.length < size) {
      buffer = new float[size];
      if (size <= RETAINED_PACK_FLOATS) {
        PACK_BUFFER.set(buffer);
      }
    }
    PackedMatrix packed = PackedMatrix.pack(
        backend, buffer, new PackedMatrix.Source(b, bOff, s.k(), s.n(), s.transB()));
    BlockedGemm.multiply(
        new BlockedGemm.Product(c, cOff, a, aOff, s.transA(), s.m(), packed, accumulate));
  }

  /**
   * {@code C1 (+)= Aᵀ·B1} and {@code C2 (+)= Aᵀ·B2} with one A: the results of two calls of
   * {@link #multiply(float[], int, float[], int, float[], int, GemmShape, boolean)}, to the bit,
   * but each block of Aᵀ is packed once for both products instead of once for each. (The weight
   * gradients of a recurrent layer, dW_ih = dPᵀ·X and dW_hh = dPᵀ·H, share dPᵀ.)
   *
   * @param a A (k, m) from offset 0, so that op(A) = Aᵀ is (m, k); read only
   * @param b1 B1 (k, n1) from offset 0, as stored; read only
   * @param c1 C1 (m, n1) from offset 0; modified
   * @param b2 B2 (k, n2) from offset 0, as stored; read only
   * @param c2 C2 (m, n2) from offset 0; modified
   * @param accumulate add into C1 and C2 instead of overwriting them
   * @throws IllegalArgumentException if a size is negative or an array does not hold its matrix
   */
  public static void multiplyTransposedPair(float[] a, int m, int k, float[] b1, int n1,
      float[] c1, float[] b2, int n2, float[] c2, boolean accumulate) {
    GemmShape first = new GemmShape(m, n1, k, true, false);
    GemmShape second = new GemmShape(m, n2, k, true, false);
    checkArray("c1", c1);
    checkArray("c2", c2);
    checkArray("a", a);
    checkArray("b1", b1);
    checkArray("b2", b2);
    first.checkBounds(c1, 0, a, 0, b1, 0);
    second.checkBounds(c2, 0, a, 0, b2, 0);
    Backend backend = Backends.active();
    float[] packed1 = BufferPool.takeToOverwrite(packedSize(k, n1));
    float[] packed2 = BufferPool.takeToOverwrite(packedSize(k, n2));
    try {
      BlockedGemm.multiplyShared(
          new BlockedGemm.Product(c1, 0, a, 0, true, m,
              PackedMatrix.pack(backend, packed1, new PackedMatrix.Source(b1, 0, k, n1, false)),
              accumulate),
          new BlockedGemm.Product(c2, 0, a, 0, true, m,
              PackedMatrix.pack(backend, packed2, new PackedMatrix.Source(b2, 0, k, n2, false)),
              accumulate));
    } finally {
      BufferPool.give(packed1, packed2);
    }
  }

  /**
   * Whether {@code A · Bᵀ}, B stored (n, k), runs as dot products of rows rather than on packed
   * panels: then packing B once gains nothing, and the product should be called unpacked.
   *
   * @param n columns of the product
   */
  public static boolean dotProducts(int n) {
    return n <= NarrowProduct.MAX_N;
  }

  /**
   * Packs op(B) once for many products with {@link #multiply(float[], int, float[], int, boolean,
   * int, PackedMatrix, boolean)}.
   *
   * @param b B as stored, (k, n), or (n, k) when {@code transB}; read only (copied)
   * @param bOff offset of B in {@code b}
   * @param k rows of op(B)
   * @param n columns of op(B)
   * @param transB whether B is stored transposed, (n, k)
   * @return an immutable packed copy of op(B), (k, n)
   * @throws IllegalArgumentException if a size is negative or {@code b} does not hold B
   */
  public static PackedMatrix pack(float[] b, int bOff, int k, int n, boolean transB) {
    checkArray("b", b);
    int size = packedSize(k, n);
    GemmShape.checkLength("B", b, bOff, (long) k * n);
    return PackedMatrix.pack(
        Backends.active(), new float[size], new PackedMatrix.Source(b, bOff, k, n, transB));
  }

  /**
   * Floats that packing a (k, n) op(B) takes on the active backend: the size of the buffer that
   * {@link #pack(float[], int, int, int, boolean, float[])} fills.
   *
   * @throws IllegalArgumentException if a size is negative or the packed matrix would not fit
   *     one array
   */
  public static int packedSize(int k, int n) {
    if (k < 0 || n < 0) {
      throw new IllegalArgumentException(
          "k and n must be non-negative: got k=" + k + ", n=" + n);
    }
    long size = PackedMatrix.size(k, n, Backends.active());
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("B is too large to pack: k=" + k + ", n=" + n);
    }
    return (int) size;
  }

  /**
   * Packs op(B) into a buffer of the caller's, which can then be reused from one packing to the
   * next instead of allocating: the packed matrix reads {@code into} and is valid only until the
   * caller writes to it again.
   *
   * @param into at least {@link #packedSize packedSize(k, n)} floats, every one of which may be
   *     overwritten
   * @return op(B), (k, n), backed by {@code into}
   * @throws IllegalArgumentException if a size is negative, {@code b} does not hold B or
   *     {@code into} is too small
   */
  public static PackedMatrix pack(float[] b, int bOff, int k, int n, boolean transB,
      float[] into) {
    checkArray("b", b);
    checkArray("into", into);
    int size = packedSize(k, n);
    GemmShape.checkLength("B", b, bOff, (long) k * n);
    if (into.length < size) {
      throw new IllegalArgumentException(
          "into holds " + into.length + " floats, packing (" + k + ", " + n + ") takes " + size);
    }
    return PackedMatrix.pack(
        Backends.active(), into, new PackedMatrix.Source(b, bOff, k, n, transB));
  }

  /**
   * {@code C = op(A)·B}, or {@code C += op(A)·B} when {@code accumulate}, with B packed by
   * {@link #pack}; the product runs on the backend that packed B.
   *
   * @param c output (m, b.n()) at {@code cOff}; modified
   * @param cOff offset of C in {@code c}
   * @param a A as stored, (m, b.k()), or (b.k(), m) when {@code transA}; read only
   * @param aOff offset of A in {@code a}
   * @param transA whether A is stored transposed, (k, m)
   * @param m rows of C and of op(A)
   * @param b packed op(B), (k, n)
   * @param accumulate add into C instead of overwriting it
   * @throws IllegalArgumentException if m is negative or an array does not hold its matrix
   */
  public static void multiply(
      float[] c, int cOff, float[] a, int aOff, boolean transA, int m, PackedMatrix b,
      boolean accumulate) {
    checkArray("c", c);
    checkArray("a", a);
    if (b == null) {
      throw new IllegalArgumentException("b must not be null");
    }
    if (m < 0) {
      throw new IllegalArgumentException("m must be non-negative: got " + m);
    }
    GemmShape.checkLength("C", c, cOff, (long) m * b.n());
    GemmShape.checkLength("A", a, aOff, (long) m * b.k());
    BlockedGemm.multiply(new BlockedGemm.Product(c, cOff, a, aOff, transA, m, b, accumulate));
  }

  private static void checkArray(String name, float[] array) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }
}
