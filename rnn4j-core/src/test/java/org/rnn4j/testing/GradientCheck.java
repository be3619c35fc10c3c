package org.rnn4j.testing;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * Checks analytic gradients against central finite differences.
 *
 * <p>The function's output y is projected on a fixed random vector r, uniform in [−1, 1), so that
 * every output element counts: L = Σ y ⊙ r. The analytic gradient dL/dx comes from
 * {@link Tensor#backward()}; the numeric one is (L(x + ε) − L(x − ε)) / 2ε for each element of
 * each input that requires gradients, with L summed in double. An element passes when
 *
 * <pre>
 * |analytic − numeric| ≤ atol + rtol · max(|analytic|, |numeric|)
 * </pre>
 *
 * <p>Default tolerances: ε = 1e−2, atol = 2e−3, rtol = 1e−2. Why: the ops run in float32, whose
 * rounding (≈ 6e−8 relative) divided by 2ε gives ≈ 1e−4 of noise on losses of order ten; the
 * truncation error of the central difference is ε²/6 · f''' ≈ 2e−5 for the smooth ops. A wrong
 * gradient is off by a sizeable fraction of its value and fails by orders of magnitude. On failure
 * the worst element is reported (input, index, analytic, numeric).
 */
public final class GradientCheck {

  /** Tolerances: step ε, absolute atol, relative rtol. */
  public record Tolerance(double eps, double atol, double rtol) {
    /** ε = 1e−2, atol = 2e−3, rtol = 1e−2. */
    public static final Tolerance DEFAULT = new Tolerance(1e-2, 2e-3, 1e-2);
  }

  private static final long PROJECTION_SEED = 0x5EED;

  private GradientCheck() {}

  /**
   * Asserts that the gradients of {@code f} with respect to every input that requires gradients
   * match finite differences, with the default tolerances.
   *
   * @param name what is checked, for the failure message
   * @param f the function; it must be deterministic (seed any randomness inside it)
   * @param inputs its inputs; only those that require gradients are checked
   * @throws AssertionError naming the worst element when a gradient is off
   */
  public static void check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
    check(name, Tolerance.DEFAULT, f, inputs);
  }

  /** As {@link #check(String, Function, Tensor...)} with the given tolerances. */
  public static void check(
      String name, Tolerance tol, Function<Tensor[], Tensor> f, Tensor... inputs) {
    if (Arrays.stream(inputs).noneMatch(Tensor::requiresGrad)) {
      throw new AssertionError(name + ": no input requires grad, nothing would be checked");
    }
    for (Tensor x : inputs) {
      x.zeroGrad();
    }
    Tensor y = f.apply(inputs);
    float[] r = projection(y.size());
    y.mul(Tensor.of(r, y.shape())).sum().backward();
    Worst worst = new Worst();
    for (int in = 0; in < inputs.length; in++) {
      Tensor x = inputs[in];
      if (!x.requiresGrad()) {
        continue;
      }
      if (!x.hasGrad()) {
        throw new AssertionError(name + ": input " + in + " requires grad but received none");
      }
      float[] analytic = x.grad().data().clone();
      float[] data = x.data();
      for (int i = 0; i < data.length; i++) {
        float saved = data[i];
        data[i] = (float) (saved + tol.eps());
        double plus = projectedLoss(f, inputs, r);
        data[i] = (float) (saved - tol.eps());
        double minus = projectedLoss(f, inputs, r);
        data[i] = saved;
        double numeric = (plus - minus) / (2 * tol.eps());
        worst.offer(in, x.shape(), i, analytic[i], numeric, tol);
      }
    }
    if (worst.ratio > 1) {
      throw new AssertionError(name + ": gradient mismatch; worst " + worst.describe(tol));
    }
  }

  private static double projectedLoss(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] r) {
    try (NoGrad scope = NoGrad.enter()) {
      float[] y = f.apply(inputs).data();
      double loss = 0;
      for (int i = 0; i < y.length; i++) {
        loss += (double) y[i] * r[i];
      }
      return loss;
    }
  }

  private static float[] projection(int n) {
    SplittableRandom rng = new SplittableRandom(PROJECTION_SEED);
    float[] r = new float[n];
    for (int i = 0; i < n; i++) {
      r[i] = (float) (2 * rng.nextDouble() - 1);
    }
    return r;
  }

  /** The element with the largest error relative to its allowance. */
  private static final class Worst {
    double ratio = -1;
    String where = "";
    double analytic;
    double numeric;

    void offer(int input, int[] shape, int flat, double a, double n, Tolerance tol) {
      double allowed = tol.atol() + tol.rtol() * Math.max(Math.abs(a), Math.abs(n));
      double err = Math.abs(a - n);
      double q = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err / allowed;
      if (q > ratio) {
        ratio = q;
        where = "input " + input + " index " + Arrays.toString(unflatten(flat, shape));
        analytic = a;
        numeric = n;
      }
    }

    String describe(Tolerance tol) {
      return String.format(
          "%s: analytic %.6g, numeric %.6g, |diff| %.3g is %.1fx the allowed atol %.1g + rtol %.1g"
              + " (eps %.1g)",
          where, analytic, numeric, Math.abs(analytic - numeric), ratio, tol.atol(), tol.rtol(),
          tol.eps());
    }

    private static int[] unflatten(int flat, int[] shape) {
      int[] idx = new int[shape.length];
      for (int d = shape.length - 1; d >= 0; d--) {
        idx[d] = flat % shape[d];
        flat /= shape[d];
      }
      return idx;
    }
  }
}
