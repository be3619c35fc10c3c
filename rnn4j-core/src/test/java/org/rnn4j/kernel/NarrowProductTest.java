package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Products of few columns as dot products: the documented order of sums, on every backend. */
class NarrowProductTest {
  private static final int[] KS = {0, 1, 15, 16, 17, 40, 128, 131};

  @AfterEach
  void restoreDefaults() {
    Backends.forceScalar(false);
    Parallelism.setThreads(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void productsOfUpToFourColumnsOfATransposedBAreDotProducts() {
    assertTrue(NarrowProduct.applies(new GemmShape(5, 4, 7, false, true)));
    assertFalse(NarrowProduct.applies(new GemmShape(5, 5, 7, false, true)), "five columns");
    assertFalse(NarrowProduct.applies(new GemmShape(5, 1, 7, false, false)), "B stored (k, n)");
    assertFalse(NarrowProduct.applies(new GemmShape(5, 1, 7, true, true)), "A transposed");
    assertTrue(Gemm.dotProducts(4));
    assertFalse(Gemm.dotProducts(5));
  }

  /** Gemm gives exactly the sums of the class comment, written out here once more. */
  @Test
  void everyElementIsTheDocumentedLaneBlockedDotProduct() {
    SplittableRandom random = new SplittableRandom(21);
    for (int k : KS) {
      for (int n = 1; n <= NarrowProduct.MAX_N; n++) {
        for (boolean accumulate : new boolean[] {false, true}) {
          int m = 9;
          float[] a = uniform(random, 2 + m * k);
          float[] b = uniform(random, 3 + n * k);
          float[] c = uniform(random, 1 + m * n);
          float[] expected = c.clone();
          for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
              float r = documentedDot(a, 2 + i * k, b, 3 + j * k, k);
              expected[1 + i * n + j] = accumulate ? c[1 + i * n + j] + r : r;
            }
          }
          Gemm.multiply(c, 1, a, 2, b, 3, new GemmShape(m, n, k, false, true), accumulate);
          assertArrayEquals(expected, c, "k=" + k + " n=" + n + " accumulate=" + accumulate);
        }
      }
    }
  }

  @Test
  void closeToTheExactProduct() {
    SplittableRandom random = new SplittableRandom(22);
    int m = 70;
    int n = 3;
    int k = 131;
    float[] a = uniform(random, m * k);
    float[] b = uniform(random, n * k);
    float[] c = new float[m * n];
    Gemm.multiply(c, 0, a, 0, b, 0, new GemmShape(m, n, k, false, true), false);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double exact = 0;
        for (int p = 0; p < k; p++) {
          exact += (double) a[i * k + p] * b[j * k + p];
        }
        assertEquals(exact, c[i * n + j], 1e-5, "(" + i + ", " + j + ")");
      }
    }
  }

  @Test
  void vectorAndScalarBackendsGiveTheSameBits() {
    assumeTrue(!Backends.best().name().equals("scalar"), "Vector API not enabled");
    SplittableRandom random = new SplittableRandom(23);
    for (int k : KS) {
      GemmShape s = new GemmShape(33, 2, k, false, true);
      float[] a = uniform(random, s.m() * k);
      float[] b = uniform(random, 2 * k);
      float[] vector = new float[s.m() * 2];
      Gemm.multiply(vector, 0, a, 0, b, 0, s, false);
      Backends.forceScalar(true);
      float[] scalar = new float[s.m() * 2];
      Gemm.multiply(scalar, 0, a, 0, b, 0, s, false);
      Backends.forceScalar(false);
      assertArrayEquals(vector, scalar, "k=" + k);
    }
  }

  @Test
  void rowsSplitAcrossThreadsGiveTheSameBits() {
    SplittableRandom random = new SplittableRandom(24);
    GemmShape s = new GemmShape(20_000, 1, 128, false, true); // 5 MFLOP: split on 2 threads
    assertTrue(2.0 * s.m() * s.n() * s.k() >= NarrowProduct.PARALLEL_MIN_FLOPS);
    float[] a = uniform(random, s.m() * s.k());
    float[] b = uniform(random, s.k());
    Parallelism.setThreads(1);
    float[] one = new float[s.m()];
    Gemm.multiply(one, 0, a, 0, b, 0, s, false);
    Parallelism.setThreads(2);
    float[] two = new float[s.m()];
    Gemm.multiply(two, 0, a, 0, b, 0, s, false);
    assertArrayEquals(one, two);
  }

  private static float documentedDot(float[] a, int aRow, float[] b, int bRow, int k) {
    int k16 = k - k % 16;
    float[] s = new float[16];
    for (int l = 0; l < 16; l++) {
      for (int p = l; p < k16; p += 16) {
        s[l] = Math.fma(a[aRow + p], b[bRow + p], s[l]);
      }
    }
    for (int w = 8; w >= 1; w /= 2) {
      for (int l = 0; l < w; l++) {
        s[l] = s[l] + s[l + w];
      }
    }
    float r = s[0];
    for (int p = k16; p < k; p++) {
      r = Math.fma(a[aRow + p], b[bRow + p], r);
    }
    return r;
  }

  private static float[] uniform(SplittableRandom random, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextDouble(-1, 1);
    }
    return x;
  }
}
