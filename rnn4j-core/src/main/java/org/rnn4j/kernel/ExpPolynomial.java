package org.rnn4j.kernel;

/**
 * The exponential as a fixed sequence of float operations (multiply, fused multiply-add, add,
 * divide, min/max, exponent bits), so that the scalar kernel here and the Vector API kernel, which
 * performs the same operations lane by lane, give bit-identical results, whether the JIT has
 * compiled them or not. Library exponentials (SVML intrinsics, {@code StrictMath}) do not promise
 * that, and a run resumed from a checkpoint must repeat the original run exactly.
 *
 * <pre>
 * y = clamp(x, −104, 88.8)                          beyond: e^x underflows to 0 or overflows to ∞
 * k = round(y·log₂e)                                 (y·log₂e + 1.5·2²³) − 1.5·2²³, one fma;
 *                                                    the integer k is in the low bits of the sum
 * r = y − k·ln2                                      Cody–Waite: ln2 = LN2_HI + LN2_LO, |r| ≤ ln2/2
 * q = r + r²·(1/2! + r/3! + … + r⁵/7!)               e^r − 1, Taylor, truncation ≤ r⁸/8! ≈ 5e−9
 * e^x    = 2^k·(1 + q)                               2^k applied as 2^⌊k/2⌋·2^(k−⌊k/2⌋): each normal
 * e^x − 1 = 2^k·q + (2^k − 1)                        exact for k = 0: accurate near 0 (for tanh)
 * </pre>
 */
final class ExpPolynomial {
  static final float MIN_ARG = -104f;
  static final float MAX_ARG = 88.8f;
  static final float LOG2E = 1.44269504f;
  static final float ROUND = 12582912f; // 1.5·2²³: adding and subtracting it rounds to an integer
  static final float LN2_HI = 0.693359375f; // 355/512, exact in few bits: k·LN2_HI is exact
  static final float LN2_LO = -2.12194440e-4f;
  static final float C2 = 1f / 2;
  static final float C3 = 1f / 6;
  static final float C4 = 1f / 24;
  static final float C5 = 1f / 120;
  static final float C6 = 1f / 720;
  static final float C7 = 1f / 5040;
  /** tanh(x) rounds to ±1 in float for |x| ≥ this. */
  static final float TANH_SATURATION = 9.1f;
  /** From here on tanh uses 1 − 2/(m + 2), which rounds better near 1 than m/(m + 2). */
  static final float TANH_NEAR_ONE = 0.625f;

  private ExpPolynomial() {}

  /** Bits of ROUND: the bits of y·log₂e + ROUND minus these are the integer k. */
  static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);

  /** y·log₂e + ROUND, rounded once: k = this − ROUND, and its low bits hold k as an integer. */
  static float shifted(float y) {
    return Math.fma(y, LOG2E, ROUND);
  }

  /** e^r − 1 for the reduced argument r = y − k·ln2. */
  static float expm1Reduced(float y, float k) {
    float r = Math.fma(k, -LN2_HI, y);
    r = Math.fma(k, -LN2_LO, r);
    float p = Math.fma(C7, r, C6);
    p = Math.fma(p, r, C5);
    p = Math.fma(p, r, C4);
    p = Math.fma(p, r, C3);
    p = Math.fma(p, r, C2);
    return Math.fma(r * r, p, r);
  }

  /** 2^n for n in [−126, 127], from the exponent bits. */
  static float pow2(int n) {
    return Float.intBitsToFloat((n + 127) << 23);
  }

  static float exp(float x) {
    float y = Math.min(Math.max(x, MIN_ARG), MAX_ARG);
    float shifted = shifted(y);
    float q = expm1Reduced(y, shifted - ROUND);
    int n = Float.floatToRawIntBits(shifted) - ROUND_BITS;
    int n1 = n >> 1;
    return (1f + q) * pow2(n1) * pow2(n - n1);
  }

  /**
   * tanh(x) = sign(x)·m/(m + 2) with m = e^{2|x|} − 1, written 1 − 2/(m + 2) from |x| ≥ 0.625 on,
   * where the result nears 1 and the subtraction from 1 rounds once.
   */
  static float tanh(float x) {
    float y = 2f * Math.min(Math.abs(x), TANH_SATURATION);
    float shifted = shifted(y);
    float q = expm1Reduced(y, shifted - ROUND);
    float scale = pow2(Float.floatToRawIntBits(shifted) - ROUND_BITS); // k ≤ 27 here
    float m = Math.fma(scale, q, scale - 1f);
    float small = m / (m + 2f);
    float large = 1f - 2f / (m + 2f);
    float t = Math.abs(x) >= TANH_NEAR_ONE ? large : small;
    return x < 0f ? -t : t;
  }

  /** σ(x) = 1 / (1 + e^−x). */
  static float sigmoid(float x) {
    return 1f / (1f + exp(-x));
  }
}
