package org.rnn4j.kernel;

/**
 * Elementwise exponential, tanh and logistic sigmoid over float arrays, on the Vector API when it
 * is enabled. Each kernel writes {@code out[outOff + i] = f(in[inOff + i])} for i in [0, n),
 * modifies only that range of {@code out}, and allocates nothing; {@code out} may be {@code in}
 * at the same offset (in place).
 *
 * <p>Accuracy, measured against {@link Math#exp} and {@link Math#tanh} in double precision over a
 * dense grid and a million random inputs (see {@code ActivationsTest}), for both backends:
 *
 * <pre>
 * exp(x)      relative error ≤ 2⁻²³ (1.2e-7) for x in [−87.3, 88.7], the range of normal results
 *             (measured 6.1e-8); +∞ above 88.73; below −87.3 a subnormal or 0, absolute error
 *             ≤ 2⁻¹⁴⁸ (3e-45)
 * tanh(x)     absolute error ≤ 2⁻²⁴ (6.0e-8) (measured 3.2e-8); exactly ±1 for |x| ≥ 9.1
 * sigmoid(x)  1 / (1 + e^−x): absolute error ≤ 2⁻²³ (1.2e-7) (measured 8.9e-8); exactly 1 for
 *             x ≥ 17.4, and 0 or subnormal below −88
 * </pre>
 *
 * <p>No input gives NaN except NaN itself, which gives NaN; ±∞ saturate (exp: +∞ and 0).
 *
 * <p>Speed: on JDK 17 x86 the vector kernels compile to the JIT's SVML intrinsics. A quick,
 * noisy check on the 2-core AVX-512 development machine (4096 floats, warmed up, one thread)
 * gave about 0.3, 0.6 and 0.45 ns per float for exp, tanh and sigmoid: roughly 60×, 70× and 15×
 * faster than the scalar loops over {@code Math.exp}, {@code Math.tanh} and
 * {@code 1 / (1 + Math.exp(−x))}. Where the JIT has no vector math intrinsics (JDK 17 off x86)
 * the Vector API computes these lane by lane and may be slower than the scalar kernels.
 *
 * <p>Reproducibility: before the JIT compiles a kernel the Vector API computes lane by lane with
 * {@code StrictMath}, afterwards with the SVML intrinsic; the two differ by up to an ulp (seen:
 * 11 of 1,024 tanh values differ between the first and a warmed-up call). Results are within the
 * bounds above either way, but not bit-identical from the first call of a JVM to later ones.
 */
public final class Activations {
  private Activations() {}

  /**
   * {@code out[i] = e^in[i]}.
   *
   * @param out output (n) at {@code outOff}; modified
   * @param outOff offset of the output in {@code out}
   * @param in input (n) at {@code inOff}; read only
   * @param inOff offset of the input in {@code in}
   * @param n number of elements
   * @throws IllegalArgumentException if n is negative or an array does not hold n elements
   */
  public static void exp(float[] out, int outOff, float[] in, int inOff, int n) {
    check(out, outOff, in, inOff, n);
    Backends.active().exp(out, outOff, in, inOff, n);
  }

  /**
   * {@code out[i] = tanh(in[i])}.
   *
   * @param out output (n) at {@code outOff}; modified
   * @param outOff offset of the output in {@code out}
   * @param in input (n) at {@code inOff}; read only
   * @param inOff offset of the input in {@code in}
   * @param n number of elements
   * @throws IllegalArgumentException if n is negative or an array does not hold n elements
   */
  public static void tanh(float[] out, int outOff, float[] in, int inOff, int n) {
    check(out, outOff, in, inOff, n);
    Backends.active().tanh(out, outOff, in, inOff, n);
  }

  /**
   * {@code out[i] = σ(in[i]) = 1 / (1 + e^−in[i])}.
   *
   * @param out output (n) at {@code outOff}; modified
   * @param outOff offset of the output in {@code out}
   * @param in input (n) at {@code inOff}; read only
   * @param inOff offset of the input in {@code in}
   * @param n number of elements
   * @throws IllegalArgumentException if n is negative or an array does not hold n elements
   */
  public static void sigmoid(float[] out, int outOff, float[] in, int inOff, int n) {
    check(out, outOff, in, inOff, n);
    Backends.active().sigmoid(out, outOff, in, inOff, n);
  }

  private static void check(float[] out, int outOff, float[] in, int inOff, int n) {
    if (out == null || in == null) {
      throw new IllegalArgumentException((out == null ? "out" : "in") + " must not be null");
    }
    if (n < 0) {
      throw new IllegalArgumentException("n must be non-negative: got " + n);
    }
    checkRange("out", out, outOff, n);
    checkRange("in", in, inOff, n);
  }

  private static void checkRange(String name, float[] array, int offset, int n) {
    if (offset < 0 || (long) offset + n > array.length) {
      throw new IllegalArgumentException(
          name + " does not hold n=" + n + " elements from offset " + offset + ": length "
              + array.length);
    }
  }
}
