package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    float[] x = withEdges(samples(-110f, 110f));
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
        Arrays.fill(in, 0.5f);
        float[] out = new float[n + 7];
        Arrays.fill(out, 9f);
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

  /**
   * The fused LSTM row gives, on both backends and for every width (full vectors and tails), the
   * bits of its definition written out with the elementwise kernels, and writes only its ranges.
   */
  @Test
  void lstmForwardIsItsDefinitionToTheBit() {
    SplittableRandom rng = new SplittableRandom(12);
    for (boolean scalar : new boolean[] {false, true}) {
      for (int n : new int[] {1, 5, 16, 17, 40, 64, 100}) {
        Backends.forceScalar(scalar);
        float[] preIh = randoms(rng, 3 + 4 * n, 4f);
        float[] hh = randoms(rng, 2 + 4 * n, 4f);
        float[] biasIh = randoms(rng, 4 * n, 1f);
        float[] biasHh = randoms(rng, 4 * n, 1f);
        float[] c = randoms(rng, 3 * n + 2, 3f); // c at 1, c' at n + 2
        float[] saved = new float[5 * n + 4];
        Arrays.fill(saved, 7f);
        float[] h = new float[n + 3];
        Arrays.fill(h, 7f);
        float[] cBefore = c.clone();
        Activations.lstmForward(preIh, 3, hh, 2, biasIh, biasHh, c, 1, n + 2, saved, 2, h, 1, n);

        Backends.forceScalar(false); // the definition, with the (vector) elementwise kernels
        float[] z = new float[4 * n];
        for (int k = 0; k < 4 * n; k++) {
          z[k] = preIh[3 + k] + biasIh[k] + hh[2 + k] + biasHh[k];
        }
        float[] gates = new float[4 * n];
        Activations.sigmoid(gates, 0, z, 0, 2 * n);
        Activations.tanh(gates, 2 * n, z, 2 * n, n);
        Activations.sigmoid(gates, 3 * n, z, 3 * n, n);
        float[] cell = new float[n];
        for (int j = 0; j < n; j++) {
          cell[j] = gates[n + j] * cBefore[1 + j] + gates[j] * gates[2 * n + j];
        }
        float[] tanhCell = new float[n];
        Activations.tanh(tanhCell, 0, cell, 0, n);
        String where = (scalar ? "scalar" : "vector") + " n=" + n;
        for (int k = 0; k < 4 * n; k++) {
          assertEquals(Float.floatToRawIntBits(gates[k]), Float.floatToRawIntBits(saved[2 + k]),
              where + " gate " + k);
        }
        for (int j = 0; j < n; j++) {
          assertEquals(tanhCell[j], saved[2 + 4 * n + j], 0f, where + " tanh c' " + j);
          assertEquals(cell[j], c[n + 2 + j], 0f, where + " c' " + j);
          assertEquals(gates[3 * n + j] * tanhCell[j], h[1 + j], 0f, where + " h' " + j);
        }
        assertEquals(7f, saved[0]);
        assertEquals(7f, saved[1]);
        assertEquals(7f, saved[2 + 5 * n]);
        assertEquals(7f, h[0]);
        assertEquals(7f, h[n + 1]);
        for (int i = 0; i < c.length; i++) {
          if (i < n + 2 || i >= 2 * n + 2) {
            assertEquals(cBefore[i], c[i], 0f, where + " c outside c' " + i);
          }
        }
      }
    }
    assertMessage("saved", () -> Activations.lstmForward(new float[8], 0, new float[8], 0,
        new float[8], new float[8], new float[4], 0, 2, new float[9], 0, new float[2], 0, 2));
  }

  /** The fused LSTM backward row gives the bits of its formulas on both backends, any width. */
  @Test
  void lstmBackwardIsItsDefinitionToTheBit() {
    SplittableRandom rng = new SplittableRandom(13);
    for (boolean scalar : new boolean[] {false, true}) {
      Backends.forceScalar(scalar);
      for (int n : new int[] {1, 7, 16, 33, 64, 100}) {
        float[] saved = randoms(rng, 5 * n + 1, 1f);
        float[] c = randoms(rng, n + 2, 2f);
        float[] dh = randoms(rng, n + 3, 1f);
        float[] dc = randoms(rng, n + 3, 1f);
        float[] dPre = new float[4 * n + 2];
        float[] dhPrev = new float[n + 3];
        Arrays.fill(dhPrev, 7f);
        float[] dcPrev = new float[n + 3];
        Arrays.fill(dcPrev, 7f);
        Activations.lstmBackward(saved, 1, c, 2, dh, dc, 3, dPre, 2, dhPrev, dcPrev, n);
        String where = (scalar ? "scalar" : "vector") + " n=" + n;
        for (int j = 0; j < n; j++) {
          float i = saved[1 + j];
          float f = saved[1 + n + j];
          float g = saved[1 + 2 * n + j];
          float o = saved[1 + 3 * n + j];
          float t = saved[1 + 4 * n + j];
          float d = dc[3 + j] + dh[3 + j] * o * (1f - t * t);
          assertEquals(d * g * i * (1f - i), dPre[2 + j], 0f, where + " dz_i " + j);
          assertEquals(d * c[2 + j] * f * (1f - f), dPre[2 + n + j], 0f, where + " dz_f " + j);
          assertEquals(d * i * (1f - g * g), dPre[2 + 2 * n + j], 0f, where + " dz_g " + j);
          assertEquals(dh[3 + j] * t * o * (1f - o), dPre[2 + 3 * n + j], 0f, where + " dz_o");
          assertEquals(d * f, dcPrev[3 + j], 0f, where + " dcPrev " + j);
          assertEquals(0f, dhPrev[3 + j], 0f, where + " dhPrev " + j);
        }
        assertEquals(7f, dhPrev[2]);
        assertEquals(7f, dcPrev[2]);
      }
    }
    assertMessage("dPre", () -> Activations.lstmBackward(new float[10], 0, new float[2], 0,
        new float[2], new float[2], 0, new float[7], 0, new float[2], new float[2], 2));
  }

  private static float[] randoms(SplittableRandom rng, int n, float scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
    }
    return a;
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
  /**
   * {@code x} followed by the values where the kernels clamp or switch form (each bound, the
   * floats beside it and its negation), ±0, ±∞, NaN and the extremes of float, so that they fall
   * in full vectors as well as in the tail.
   */
  private static float[] withEdges(float[] x) {
    List<Float> edges = new ArrayList<>(List.of(0f, -0f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE,
        -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL));
    for (float bound : new float[] {ExpPolynomial.MIN_ARG, ExpPolynomial.MAX_ARG,
        ExpPolynomial.TANH_SATURATION, ExpPolynomial.TANH_NEAR_ONE}) {
      for (float v : new float[] {Math.nextDown(bound), bound, Math.nextUp(bound)}) {
        edges.add(v);
        edges.add(-v);
      }
    }
    float[] all = Arrays.copyOf(x, x.length + 2 * edges.size() + 1);
    for (int i = 0; i < edges.size(); i++) {
      all[x.length + i] = edges.get(i); // in full vectors
      all[all.length - 1 - i] = edges.get(i); // and in the tail, the last one alone
    }
    all[x.length + edges.size()] = 1f;
    return all;
  }

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
