package org.rnn4j.kernel;

/**
 * Elementwise exponential, tanh and logistic sigmoid over float arrays, and the LSTM cell built
 * around them ({@link #lstmForward}, {@link #lstmBackward}), on the Vector API when it is
 * enabled. Each elementwise kernel writes {@code out[outOff + i] = f(in[inOff + i])} for i in
 * [0, n), modifies only that range of {@code out}, and allocates nothing; {@code out} may be
 * {@code in} at the same offset (in place).
 *
 * <p>Both backends evaluate the same sequence of float operations ({@link ExpPolynomial}: range
 * reduction, a degree-7 polynomial, exponent bits), so the vector and scalar kernels agree to the
 * bit, and so do the first, interpreted call and later JIT-compiled ones. Training therefore
 * repeats exactly from a checkpoint. (The Vector API's own {@code lanewise(EXP)} did not: its SVML
 * intrinsic and its interpreted fallback differed by an ulp in 11 of 1,024 tanh values.)
 *
 * <p>Accuracy, measured against {@link Math#exp} and {@link Math#tanh} in double precision over a
 * dense grid of 2²⁰ points plus a million random inputs (see {@code ActivationsTest}):
 *
 * <pre>
 * exp(x)      relative error ≤ 2⁻²³ (1.2e-7) for x in [−87.3, 88.7], the range of normal results;
 *             +∞ above 88.73; below −87.3 a subnormal or 0, absolute error ≤ 2⁻¹⁴⁸ (3e-45)
 * tanh(x)     absolute error ≤ 2⁻²³ (1.2e-7) (measured 7.6e-8); exactly ±1 for |x| ≥ 9.1
 * sigmoid(x)  1 / (1 + e^−x): absolute error ≤ 2⁻²³ (1.2e-7) (measured 8.9e-8); exactly 1 for
 *             x ≥ 17.4, and 0 or subnormal below −88
 * </pre>
 *
 * <p>No input gives NaN except NaN itself, which gives NaN; ±∞ saturate (exp: +∞ and 0).
 *
 * <p>Speed: a quick check on the 2-core AVX-512 development machine (4,096 floats, warmed up, one
 * thread, another job running) gave 0.34, 0.45 and 0.39 ns per float for exp, tanh and sigmoid:
 * 28×, 56× and 17× faster than scalar loops over {@code Math.exp}, {@code Math.tanh} and
 * {@code 1 / (1 + Math.exp(−x))}.
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

  /**
   * One batch row of an LSTM step, over its n hidden units: the four gates' pre-activations
   * summed, their activations, the new cell and hidden state, and what the backward step needs,
   * for each unit j:
   *
   * <pre>
   * z_k   = ((p_ih[k] + b_ih[k]) + q[k]) + b_hh[k]      gate columns k = j, n + j, 2n + j, 3n + j
   * i = σ(z_j)   f = σ(z_{n+j})   g = tanh(z_{2n+j})   o = σ(z_{3n+j})
   * c'[j] = f·c[j] + i·g                                 two products, then their sum
   * h'[j] = o·tanh(c'[j])
   * saved = [i | f | g | o | tanh c']                    (5n)
   * </pre>
   * with σ and tanh those of {@link #sigmoid} and {@link #tanh}: every backend gives the same bits
   * as those kernels applied one after another.
   *
   * @param preIh p_ih = W_ih·x of the row (4n) at {@code preIhOff}; read only
   * @param hh q = W_hh·h of the row (4n) at {@code hhOff}; read only
   * @param biasIh b_ih (4n) from 0; read only
   * @param biasHh b_hh (4n) from 0; read only
   * @param c the cell state c (n) at {@code cPrevOff}, read, and c' (n) at {@code cOutOff},
   *     written; the two ranges must not overlap
   * @param saved (5n) at {@code savedOff}; written
   * @param h h' (n) at {@code hOff}; written
   * @param n hidden units, H
   * @throws IllegalArgumentException if n is negative or an array does not hold its range
   */
  public static void lstmForward(float[] preIh, int preIhOff, float[] hh, int hhOff,
      float[] biasIh, float[] biasHh, float[] c, int cPrevOff, int cOutOff, float[] saved,
      int savedOff, float[] h, int hOff, int n) {
    checkCount(n);
    checkRange("preIh", preIh, preIhOff, 4 * n);
    checkRange("hh", hh, hhOff, 4 * n);
    checkRange("biasIh", biasIh, 0, 4 * n);
    checkRange("biasHh", biasHh, 0, 4 * n);
    checkRange("c", c, cPrevOff, n);
    checkRange("c", c, cOutOff, n);
    checkRange("saved", saved, savedOff, 5 * n);
    checkRange("h", h, hOff, n);
    Backends.active().lstmForward(preIh, preIhOff, hh, hhOff, biasIh, biasHh, c, cPrevOff,
        cOutOff, saved, savedOff, h, hOff, n);
  }

  /**
   * The backward step of {@link #lstmForward} for one batch row, for each unit j, from the saved
   * row [i | f | g | o | tanh c'] and the gradients dh' = dL/dh'[j], dc' = dL/dc'[j] arriving
   * from later steps and outputs:
   *
   * <pre>
   * dc       = dc' + dh'·o·(1 − tanh²c')                  the cell's whole gradient
   * dz_i     = dc·g·i·(1 − i)        at dPre[j]            dL/d(pre-activation) of gate i
   * dz_f     = dc·c·f·(1 − f)        at dPre[n + j]
   * dz_g     = dc·i·(1 − g²)         at dPre[2n + j]
   * dz_o     = dh'·tanh c'·o·(1 − o) at dPre[3n + j]
   * dcPrev   = dc·f                                         dL/dc of the previous step
   * dhPrev   = 0                                            the caller adds dz·W_hh
   * </pre>
   * each product evaluated left to right, as written, by every backend.
   *
   * @param saved the forward step's saved row (5n) at {@code savedOff}; read only
   * @param c the previous step's cell state (n) at {@code cPrevOff}; read only
   * @param dh dh' (n) at {@code dOff}; read only
   * @param dc dc' (n) at {@code dOff}; read only
   * @param dPre dz (4n) at {@code dPreOff}; written
   * @param dhPrev (n) at {@code dOff}; set to 0
   * @param dcPrev (n) at {@code dOff}; written
   * @param n hidden units, H
   * @throws IllegalArgumentException if n is negative or an array does not hold its range
   */
  public static void lstmBackward(float[] saved, int savedOff, float[] c, int cPrevOff,
      float[] dh, float[] dc, int dOff, float[] dPre, int dPreOff, float[] dhPrev,
      float[] dcPrev, int n) {
    checkCount(n);
    checkRange("saved", saved, savedOff, 5 * n);
    checkRange("c", c, cPrevOff, n);
    checkRange("dh", dh, dOff, n);
    checkRange("dc", dc, dOff, n);
    checkRange("dPre", dPre, dPreOff, 4 * n);
    checkRange("dhPrev", dhPrev, dOff, n);
    checkRange("dcPrev", dcPrev, dOff, n);
    Backends.active().lstmBackward(saved, savedOff, c, cPrevOff, dh, dc, dOff, dPre, dPreOff,
        dhPrev, dcPrev, n);
  }

  private static void check(float[] out, int outOff, float[] in, int inOff, int n) {
    if (out == null || in == null) {
      throw new IllegalArgumentException((out == null ? "out" : "in") + " must not be null");
    }
    checkCount(n);
    checkRange("out", out, outOff, n);
    checkRange("in", in, inOff, n);
  }

  private static void checkCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be non-negative: got " + n);
    }
  }

  private static void checkRange(String name, float[] array, int offset, int n) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (offset < 0 || (long) offset + n > array.length) {
      throw new IllegalArgumentException(
          name + " does not hold n=" + n + " elements from offset " + offset + ": length "
              + array.length);
    }
  }
}
