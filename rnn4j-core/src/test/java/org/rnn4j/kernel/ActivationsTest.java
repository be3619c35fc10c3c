package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Holds both backends to the error bounds documented on {@link Activations}. */
class ActivationsTest {
  private static final double EXP_RELATIVE = 0x1p-23;
  private static final double EXP_SUBNORMAL_ABSOLUTE = 0x1p-148;
  private static final double TANH_ABSOLUTE = 0x1p-23;
  private static final double SIGMOID_ABSOLUTE = 0x1p-23;
  private static final int RANDOM_COUNT = 1_000_000;

  /** Element-wise kernel under test: out, outOff, in, inOff, n. */
  private interface Kernel {
    void apply(float[] out, int outOff, float[] in, int inOff, int n);
  }

  @AfterEach
  void restoreBackend() {
    Backends.forceScalar(false);
  }

  @ParameterizedTest(name = "scalar={0}")
  @ValueSource(booleans = {false, true})
  void expMeetsItsRelativeBound(boolean scalar) {
    Backends.forceScalar(scalar);
    float[] x = samples(-87.3f, 88.7f);
    float[] y = new float[x.length];
    Activations.exp(y, 0, x, 0, x.length);
    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      double e = Math.exp(x[i]);
      worst = Math.max(worst, Math.abs(y[i] - e) / e);
    }
    assertTrue(worst <= EXP_RELATIVE, "exp relative error " + worst);
  }

  @ParameterizedTest(name = "scalar={0}")
  @ValueSource(booleans = {false, true})
  void expBelowTheNormalRangeIsTinyAndAboveIsInfinite(boolean scalar) {
    Backends.forceScalar(scalar);
    float[] x = samples(-120f, -87.3f);
    float[] y = new float[x.length];
    Activations.exp(y, 0, x, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      assertTrue(Math.abs(y[i] - Math.exp(x[i])) <= EXP_SUBNORMAL_ABSOLUTE, "exp " + x[i]);
    }
    float[] big = {88.73f, 89f, 100f, 1e30f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
    Activations.exp(big, 0, big, 0, big.length);
    for (float v : big) {
      assertEquals(Float.POSITIVE_INFINITY, v);
    }
  }

  @ParameterizedTest(name = "scalar={0}")
  @ValueSource(booleans = {false, true})
  void tanhMeetsItsAbsoluteBoundAndSaturates(boolean scalar) {
    Backends.forceScalar(scalar);
    assertAbsoluteBound(Activations::tanh, Math::tanh, TANH_ABSOLUTE, -20f, 20f);
    float[] x = samples(9.1f, 200f);
    float[] y = new float[x.length];
    Activations.tanh(y, 0, x, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      assertEquals(1f, y[i], "tanh " + x[i]);
    }
  }

  @ParameterizedTest(name = "scalar={0}")
  @ValueSource(booleans = {false, true})
  void sigmoidMeetsItsAbsoluteBoundAndSaturates(boolean scalar) {
    Backends.forceScalar(scalar);
    assertAbsoluteBound(
        Activations::sigmoid, v -> 1 / (1 + Math.exp(-v)), SIGMOID_ABSOLUTE, -120f, 120f);
    float[] x = samples(17.4f, 200f);
    float[] y = new float[x.length];
    Activations.sigmoid(y, 0, x, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      assertEquals(1f, y[i], "sigmoid " + x[i]);
    }
  }

  @ParameterizedTest(name = "scalar={0}")
  @ValueSource(booleans = {false, true})
  void extremeInputsNeverGiveNaNAndNaNPropagates(boolean scalar) {
    Backends.forceScalar(scalar);
    float inf = Float.POSITIVE_INFINITY;
    float[] x = {100f, -100f, 1e30f, -1e30f, inf, -inf, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.MIN_VALUE, -0f, Float.NaN};
    float[][] expected = {
      {inf, 0f, inf, 0f, inf, 0f, inf, 0f, 1f, 1f, Float.NaN}, // exp
      {1f, -1f, 1f, -1f, 1f, -1f, 1f, -1f, Float.MIN_VALUE, -0f, Float.NaN}, // tanh
      {1f, 0f, 1f, 0f, 1f, 0f, 1f, 0f, 0.5f, 0.5f, Float.NaN} // sigmoid
    };
    Kernel[] kernels = {Activations::exp, Activations::tanh, Activations::sigmoid};
    for (int f = 0; f < kernels.length; f++) {
      float[] y = new float[x.length];
      kernels[f].apply(y, 0, x, 0, x.length);
      for (int i = 0; i < x.length; i++) {
        float tolerance = Math.abs(x[i]) == 100f ? 1e-40f : 0f; // exp(−100) may be subnormal
        assertEquals(expected[f][i], y[i], tolerance, "function " + f + " at " + x[i]);
      }
    }
  }

  /**
   * Both backends run the same float operations (ExpPolynomial), so they agree to the bit, and a
   * first (interpreted) call agrees with later, compiled ones: a resumed run repeats the original.
   */
  @Test
  void vectorAndScalarKernelsAgreeToTheBitColdAndWarm() {
    float[] x = samples(-110f, 110f);
    Kernel[] kernels = {Activations::exp, Activations::tanh, Activations::sigmoid};
    for (int f = 0; f < kernels.length; f++) {
      float[][] results = new float[3][x.length];
      Backends.forceScalar(false);
      kernels[f].apply(results[0], 0, x, 0, x.length);
      for (int warm = 0; warm < 20; warm++) {
        kernels[f].apply(results[1], 0, x, 0, x.length);
      }
      Backends.forceScalar(true);
      kernels[f].apply(results[2], 0, x, 0, x.length);
      for (int i = 0; i < x.length; i++) {
        int bits = Float.floatToRawIntBits(results[0][i]);
        assertEquals(bits, Float.floatToRawIntBits(results[1][i]), "cold vs warm f" + f + " " + x[i]);
        assertEquals(bits, Float.floatToRawIntBits(results[2][i]), "vector vs scalar f" + f + " " + x[i]);
      }
    }
  }

  @Test
  void writesOnlyItsRangeAndWorksInPlace() {
    for (boolean scalar : new boolean[] {false, true}) {
      Backends.forceScalar(scalar);
      for (int n = 0; n <= 40; n++) {
        float[] in = new float[n + 5];
        java.util.Arrays.fill(in, 0.5f);
        float[] out = new float[n + 7];
        java.util.Arrays.fill(out, 9f);
        Activations.tanh(out, 3, in, 2, n);
        for (int i = 0; i < out.length; i++) {
          float expected = i >= 3 && i < 3 + n ? (float) Math.tanh(0.5) : 9f;
          assertEquals(expected, out[i], 1e-7f, "n=" + n + " i=" + i);
        }
        Activations.sigmoid(in, 1, in, 1, n);
        assertEquals(0.5f, in[0]);
        assertEquals(n > 0 ? (float) (1 / (1 + Math.exp(-0.5))) : 0.5f, in[1], 1e-7f);
      }
    }
  }

  @Test
  void badArgumentsNameTheArgument() {
    float[] x = new float[4];
    assertMessage("out", () -> Activations.exp(null, 0, x, 0, 1));
    assertMessage("in", () -> Activations.tanh(x, 0, null, 0, 1));
    assertMessage("n", () -> Activations.sigmoid(x, 0, x, 0, -1));
    assertMessage("out", () -> Activations.exp(x, 2, x, 0, 3));
    assertMessage("in", () -> Activations.exp(x, 0, x, -1, 3));
  }

  private static void assertMessage(String argument, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().startsWith(argument + " "), e.getMessage());
  }

  private static void assertAbsoluteBound(
      Kernel kernel, DoubleUnaryOperator exact, double bound, float lo, float hi) {
    float[] x = samples(lo, hi);
    float[] y = new float[x.length];
    kernel.apply(y, 0, x, 0, x.length);
    double worst = 0;
    float at = 0;
    for (int i = 0; i < x.length; i++) {
      double error = Math.abs(y[i] - exact.applyAsDouble(x[i]));
      if (error > worst) {
        worst = error;
        at = x[i];
      }
    }
    assertTrue(worst <= bound, "absolute error " + worst + " at " + at);
  }

  /** A dense grid of 2²⁰ steps over [lo, hi], then RANDOM_COUNT uniform values in it. */
  private static float[] samples(float lo, float hi) {
    int grid = 1 << 20;
    float[] x = new float[grid + RANDOM_COUNT];
    for (int i = 0; i < grid; i++) {
      x[i] = lo + (hi - lo) * i / (grid - 1);
    }
    SplittableRandom random = new SplittableRandom(11);
    for (int i = grid; i < x.length; i++) {
      x[i] = (float) (lo + (hi - lo) * random.nextDouble());
    }
    return x;
  }
}
