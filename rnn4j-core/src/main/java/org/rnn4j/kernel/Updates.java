package org.rnn4j.kernel;

/**
 * The elementwise parameter updates of the optimizers, on the Vector API when it is enabled.
 * Each reads and writes the elements [from, to) of its arrays only, so the optimizers can split a
 * parameter into slices across threads.
 *
 * <p>The arithmetic is in double precision and each stored value is rounded once to float (the
 * precision PyTorch's fixtures are computed in, see the optimizers). Both backends evaluate the
 * same double operations in the same order (the vector one a float vector at a time, its two
 * halves widened to doubles and the results narrowed back), and IEEE arithmetic rounds each of
 * them alike, so the two agree to the bit; only a NaN result may carry other bits (another
 * sign) before the JIT has compiled the vector kernel, whose Java fallback moves lanes between
 * vector halves through canonical NaNs.
 */
public final class Updates {
  private Updates() {}

  /**
   * The constants of one Adam step: β₁, β₂, ε, the L2 weight decay λ, the decoupled shrink
   * 1 − lr·wd, the step size lr / (1 − β₁ᵗ) and √(1 − β₂ᵗ).
   */
  public record AdamStep(double beta1, double beta2, double eps, double l2, double shrink,
      double stepSize, double bias2Sqrt) {}

  /**
   * Plain SGD with L2 weight decay: {@code θ ← θ − lr·(g + λ·θ)}.
   *
   * @param theta (≥ to) parameter values; elements [from, to) modified
   * @param grad (≥ to) gradient; read only
   * @param lr learning rate
   * @param lambda weight decay λ
   * @throws IllegalArgumentException if [from, to) is not a range of both arrays
   */
  public static void sgd(float[] theta, float[] grad, double lr, double lambda, int from,
      int to) {
    checkRange("theta", theta, from, to);
    checkRange("grad", grad, from, to);
    Backends.active().sgd(theta, grad, lr, lambda, from, to);
  }

  /**
   * Adam (and AdamW through {@code shrink}), with AMSGrad when {@code maxExpAvgSq} is given:
   *
   * <pre>
   * g ← g + λ·θ
   * m ← β₁·m + (1 − β₁)·g               stored in expAvg
   * v ← β₂·v + (1 − β₂)·g·g             stored in expAvgSq
   * v ← max(v̂, v), v̂ ← v               AMSGrad only
   * θ ← θ·shrink − stepSize·m / (√v / bias2Sqrt + ε)
   * </pre>
   *
   * with m and v in double precision throughout the element's update.
   *
   * @param maxExpAvgSq v̂, or null without AMSGrad
   * @throws IllegalArgumentException if [from, to) is not a range of every array given
   */
  public static void adam(float[] theta, float[] grad, float[] expAvg, float[] expAvgSq,
      float[] maxExpAvgSq, AdamStep step, int from, int to) {
    checkRange("theta", theta, from, to);
    checkRange("grad", grad, from, to);
    checkRange("expAvg", expAvg, from, to);
    checkRange("expAvgSq", expAvgSq, from, to);
    if (maxExpAvgSq != null) {
      checkRange("maxExpAvgSq", maxExpAvgSq, from, to);
    }
    Backends.active().adam(theta, grad, expAvg, expAvgSq, maxExpAvgSq, step, from, to);
  }

  private static void checkRange(String name, float[] array, int from, int to) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (from < 0 || from > to || to > array.length) {
      throw new IllegalArgumentException(name + " does not hold elements [" + from + ", " + to
          + "): length " + array.length);
    }
  }
}
