package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The optimizers' updates give the same bits on both backends, cold and warm, over a range that
 * starts and ends off the vector length, with values from tiny to huge, zeros of both signs,
 * infinities and NaN; they write only their range; bad ranges name the array.
 */
class UpdatesTest {
  private static final int LENGTH = 1_003;
  private static final int FROM = 5;
  private static final int TO = 998;
  /** Runs before the warm one: enough loop iterations for the JIT to compile the kernels. */
  private static final int WARM_UP_RUNS = 300;

  @AfterEach
  void restoreBackend() {
    Backends.forceScalar(false);
  }

  @Test
  void sgdAgreesToTheBitOnBothBackends() {
    for (double lambda : new double[] {0, 1e-2}) {
      float[][] vector = sgdRuns(false, lambda);
      for (int run = 0; run < WARM_UP_RUNS; run++) {
        sgdRuns(false, lambda);
      }
      float[][] warm = sgdRuns(false, lambda);
      float[][] scalar = sgdRuns(true, lambda);
      assertSameBits(scalar, vector, "sgd vector vs scalar, λ " + lambda);
      assertSameBits(scalar, warm, "sgd warm vector vs scalar, λ " + lambda);
    }
  }

  @Test
  void adamAgreesToTheBitOnBothBackends() {
    for (boolean amsgrad : new boolean[] {false, true}) {
      for (double l2 : new double[] {0, 1e-2}) {
        float[][] vector = adamRuns(false, amsgrad, l2);
        for (int run = 0; run < WARM_UP_RUNS; run++) {
          adamRuns(false, amsgrad, l2);
        }
        float[][] warm = adamRuns(false, amsgrad, l2);
        float[][] scalar = adamRuns(true, amsgrad, l2);
        String what = "adam amsgrad " + amsgrad + ", λ " + l2;
        assertSameBits(scalar, vector, what + " vector vs scalar");
        assertSameBits(scalar, warm, what + " warm vector vs scalar");
      }
    }
  }

  @Test
  void sgdIsItsEquationInDoubleRoundedOnce() {
    float[] theta = {1.5f, -2f, 0.25f};
    float[] grad = {0.1f, 3f, -1e-3f};
    float[] expected = new float[3];
    for (int i = 0; i < 3; i++) {
      expected[i] = (float) (theta[i] - 0.05 * (grad[i] + 0.01 * theta[i]));
    }
    Updates.sgd(theta, grad, 0.05, 0.01, 0, 3);
    for (int i = 0; i < 3; i++) {
      assertEquals(expected[i], theta[i], 0f);
    }
  }

  @Test
  void badRangesNameTheArray() {
    float[] a = new float[8];
    float[] shorter = new float[4];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Updates.sgd(a, shorter, 0.1, 0, 0, 8));
    assertTrue(e.getMessage().contains("grad") && e.getMessage().contains("length 4"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Updates.adam(a, a, a, shorter, null,
        new Updates.AdamStep(0.9, 0.999, 1e-8, 0, 1, 1e-3, 1), 2, 6));
    assertTrue(e.getMessage().contains("expAvgSq"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Updates.sgd(a, a, 0.1, 0, 5, 3));
    assertTrue(e.getMessage().contains("[5, 3)"), e.getMessage());
  }

  /** Three SGD steps from the same values on one backend: θ after each, and a guard copy. */
  private static float[][] sgdRuns(boolean scalar, double lambda) {
    Backends.forceScalar(scalar);
    SplittableRandom rng = new SplittableRandom(3);
    float[] theta = values(rng);
    float[] before = theta.clone();
    float[][] out = new float[3][];
    for (int step = 0; step < 3; step++) {
      Updates.sgd(theta, values(rng), 0.1, lambda, FROM, TO);
      out[step] = theta.clone();
    }
    assertOutsideUnchanged(before, theta);
    return out;
  }

  /** Three Adam steps from the same values on one backend: θ, m, v (and v̂) after the last. */
  private static float[][] adamRuns(boolean scalar, boolean amsgrad, double l2) {
    Backends.forceScalar(scalar);
    SplittableRandom rng = new SplittableRandom(4);
    float[] theta = values(rng);
    float[] before = theta.clone();
    float[] m = values(rng);
    float[] v = positive(rng);
    float[] vMax = amsgrad ? positive(rng) : null;
    for (int t = 1; t <= 3; t++) {
      double lr = 1e-3;
      Updates.AdamStep step = new Updates.AdamStep(0.9, 0.999, 1e-8, l2, 1 - lr * 0.01,
          lr / (1 - Math.pow(0.9, t)), Math.sqrt(1 - Math.pow(0.999, t)));
      Updates.adam(theta, values(rng), m, v, vMax, step, FROM, TO);
    }
    assertOutsideUnchanged(before, theta);
    return amsgrad ? new float[][] {theta, m, v, vMax} : new float[][] {theta, m, v};
  }

  /** Normal values at scales from 1e-30 to 1e30, with ±0, ±∞ and NaN among them. */
  private static float[] values(SplittableRandom rng) {
    float[] x = new float[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      x[i] = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(-30, 31)));
    }
    float[] special = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
        Float.MIN_VALUE, -Float.MAX_VALUE};
    for (int s = 0; s < special.length; s++) {
      x[FROM + 17 * s + rng.nextInt(17)] = special[s];
    }
    return x;
  }

  /** Second moments: non-negative, with a zero, a subnormal and +∞ among them. */
  private static float[] positive(SplittableRandom rng) {
    float[] x = values(rng);
    for (int i = 0; i < x.length; i++) {
      x[i] = Float.isNaN(x[i]) ? 0f : Math.abs(x[i]);
    }
    x[TO - 3] = Float.MIN_VALUE;
    return x;
  }

  private static void assertOutsideUnchanged(float[] before, float[] after) {
    for (int i = 0; i < before.length; i++) {
      if (i < FROM || i >= TO) {
        assertEquals(Float.floatToRawIntBits(before[i]), Float.floatToRawIntBits(after[i]),
            "element " + i + " outside [" + FROM + ", " + TO + ")");
      }
    }
  }

  /**
   * Every element the same bits, except that a NaN may meet a NaN of other bits: before the JIT
   * compiles the vector kernels, the Vector API's Java code moves lanes between vector halves
   * through canonical NaNs, where the hardware keeps a NaN's sign.
   */
  private static void assertSameBits(float[][] expected, float[][] actual, String what) {
    int changed = 0;
    for (int a = 0; a < expected.length; a++) {
      for (int i = 0; i < expected[a].length; i++) {
        if (Float.isNaN(expected[a][i]) && Float.isNaN(actual[a][i])) {
          continue;
        }
        assertEquals(Float.floatToRawIntBits(expected[a][i]),
            Float.floatToRawIntBits(actual[a][i]), what + ", array " + a + ", element " + i);
        changed += expected[a][i] != 0 ? 1 : 0;
      }
    }
    assertFalse(changed == 0, what + ": nothing to compare");
  }
}
