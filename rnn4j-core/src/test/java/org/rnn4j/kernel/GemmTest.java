package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GemmTest {
  private static final int[] SIZES = {1, 3, 17, 63, 65, 129};
  private static final int A_OFF = 3;
  private static final int B_OFF = 5;
  private static final int C_OFF = 7;
  private static final float GUARD = 12345f;

  @AfterEach
  void restoreDefaults() {
    Backends.forceScalar(false);
    Parallelism.setThreads(Runtime.getRuntime().availableProcessors());
    BlockedGemm.setParallelMinFlops(BlockedGemm.PARALLEL_MIN_FLOPS);
    BlockedGemm.setPanelsFirst(false);
  }

  static Stream<Arguments> transposesAndBackends() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (boolean scalar : new boolean[] {false, true}) {
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          cases.add(Arguments.of(transA, transB, scalar));
        }
      }
    }
    return cases.build();
  }

  /**
   * Every (m, n, k) from SIZES, accumulate and overwrite, packed and unpacked, one and two
   * threads (splitting even tiny products), against the reference within a tolerance relative to
   * Σ|a||b| of each element.
   */
  @ParameterizedTest(name = "transA={0} transB={1} scalar={2}")
  @MethodSource("transposesAndBackends")
  void matchesReferenceOnEveryShape(boolean transA, boolean transB, boolean scalar) {
    Backends.forceScalar(scalar);
    BlockedGemm.setParallelMinFlops(0);
    SplittableRandom random = new SplittableRandom(17);
    for (int m : SIZES) {
      for (int n : SIZES) {
        for (int k : SIZES) {
          Case tc = new Case(new GemmShape(m, n, k, transA, transB), random);
          for (boolean accumulate : new boolean[] {false, true}) {
            float[] expected = tc.reference(accumulate);
            for (int threads = 1; threads <= 2; threads++) {
              Parallelism.setThreads(threads);
              tc.assertClose(expected, tc.unpacked(accumulate), accumulate, "unpacked");
              tc.assertClose(expected, tc.packed(accumulate), accumulate, "packed");
            }
          }
        }
      }
    }
  }

  @Test
  void resultsAreBitIdenticalForAnyThreadCount() {
    SplittableRandom random = new SplittableRandom(3);
    Case[] cases = {
      new Case(new GemmShape(300, 517, 700, false, true), random), // above the default threshold
      new Case(new GemmShape(1, 1000, 600, true, false), random), // one row: split by panels
      new Case(new GemmShape(65, 129, 63, true, true), random),
      new Case(new GemmShape(200, 70, BlockedGemm.KC + 300, true, true), random) // 2 K blocks
    };
    for (Case tc : cases) {
      Parallelism.setThreads(1);
      float[] one = tc.packed(true);
      for (int threads = 2; threads <= 3; threads++) {
        Parallelism.setThreads(threads);
        BlockedGemm.setParallelMinFlops(0);
        assertArrayEquals(one, tc.packed(true), tc.shape + " threads=" + threads);
        BlockedGemm.setParallelMinFlops(BlockedGemm.PARALLEL_MIN_FLOPS);
        assertArrayEquals(one, tc.unpacked(true), tc.shape + " threads=" + threads);
      }
    }
  }

  @Test
  void theOrderOfTheTilesLeavesTheBits() {
    SplittableRandom random = new SplittableRandom(4);
    Case[] cases = { // more rows than one row block: across panels unless panel by panel is forced
      new Case(new GemmShape(2 * BlockedGemm.MC + 7, 70, 1000, false, true), random), // ragged
      new Case(new GemmShape(BlockedGemm.MC + 1, 33, 64, true, false), random), // tiles of 4
      new Case(new GemmShape(250, BlockedGemm.KC + 30, 96, true, true), random) // 2 K blocks
    };
    for (Case tc : cases) {
      for (int threads = 1; threads <= 2; threads++) {
        Parallelism.setThreads(threads);
        BlockedGemm.setPanelsFirst(true);
        float[] panelByPanel = tc.packed(true);
        BlockedGemm.setPanelsFirst(false);
        assertArrayEquals(panelByPanel, tc.packed(true), tc.shape + " threads=" + threads);
        assertArrayEquals(panelByPanel, tc.unpacked(true), tc.shape + " threads=" + threads);
      }
    }
  }

  @Test
  void vectorAndScalarBackendsGiveTheSameBits() {
    assumeTrue(!Backends.best().name().equals("scalar"), "Vector API not enabled");
    SplittableRandom random = new SplittableRandom(5);
    for (GemmShape s : new GemmShape[] {
        new GemmShape(129, 65, 300, false, false), new GemmShape(7, 33, 513, true, true),
        new GemmShape(1, 300, 513, false, true), new GemmShape(2, 300, 257, false, true),
        new GemmShape(8, 300, 257, false, true), new GemmShape(13, 161, 300, true, false)}) {
      Case tc = new Case(s, random);
      float[] vector = tc.unpacked(true);
      Backends.forceScalar(true);
      assertArrayEquals(vector, tc.unpacked(true), s.toString());
      Backends.forceScalar(false);
    }
  }

  /**
   * Every row count that a register tile or a row block can leave over (1–20 rows and around one
   * and two row blocks of MC): each tail goes through a different tile, and every tile must give
   * the scalar backend's bits.
   */
  @Test
  void everyTailOfRowsGivesTheScalarBits() {
    assumeTrue(!Backends.best().name().equals("scalar"), "Vector API not enabled");
    SplittableRandom random = new SplittableRandom(11);
    int mc = BlockedGemm.MC;
    IntStream rows = IntStream.concat(IntStream.rangeClosed(1, 20),
        IntStream.of(mc - 1, mc + 1, mc + 2, mc + 5, mc + 7, 2 * mc + 6));
    for (int m : rows.toArray()) {
      for (boolean transA : new boolean[] {false, true}) {
        Case tc = new Case(new GemmShape(m, 65, 33, transA, true), random);
        float[] vector = tc.packed(true);
        tc.assertClose(tc.reference(true), vector, true, "packed");
        Backends.forceScalar(true);
        assertArrayEquals(vector, tc.packed(true), tc.shape.toString());
        Backends.forceScalar(false);
      }
    }
  }

  /**
   * Products spanning several K blocks (KC) and several blocks of column panels, with rows of A
   * read in place (A) or packed (Aᵀ), few rows (one row block, 8 panels per column block) and
   * many: close to the reference, and the scalar backend's bits.
   */
  @Test
  void productsSpanningSeveralBlocksMatchTheReference() {
    SplittableRandom random = new SplittableRandom(13);
    int kc = BlockedGemm.KC;
    int[][] shapes = {{7, 600, 2 * kc + 18}, {64, 1030, kc + 1}, {2 * BlockedGemm.MC + 5, 300,
        2 * kc}, {1, 2100, kc + 3}, {2, 700, kc}};
    for (int[] mnk : shapes) {
      for (boolean transA : new boolean[] {false, true}) {
        Case tc = new Case(new GemmShape(mnk[0], mnk[1], mnk[2], transA, true), random);
        for (boolean accumulate : new boolean[] {false, true}) {
          float[] vector = tc.packed(accumulate);
          tc.assertClose(tc.reference(accumulate), vector, accumulate, "packed");
          if (!Backends.best().name().equals("scalar")) {
            Backends.forceScalar(true);
            assertArrayEquals(vector, tc.packed(accumulate), tc.shape.toString());
            Backends.forceScalar(false);
          }
        }
      }
    }
  }

  /**
   * A pair of products sharing Aᵀ gives each product's own bits, on both backends and any thread
   * count, whether the pair shares its packing (rows enough for every thread, each product one
   * run of panels, several K blocks, a ragged last panel) or falls back to two products (few
   * rows; more panels than one run).
   */
  @Test
  void aPairSharingATransposedGivesEachProductsBits() {
    SplittableRandom random = new SplittableRandom(17);
    int mc = BlockedGemm.MC;
    int kc = BlockedGemm.KC;
    int wide = BlockedGemm.NC_PANELS * Backends.best().panelWidth() + 5;
    int[][] shapes = {{2 * mc + 7, kc + 40, 40, 64}, {mc * 3, 70, 33, 1}, {20, 300, 64, 48},
        {2 * mc, 90, wide, 16}};
    for (int[] s : shapes) {
      int m = s[0];
      int k = s[1];
      GemmShape first = new GemmShape(m, s[2], k, true, false);
      GemmShape second = new GemmShape(m, s[3], k, true, false);
      float[] a = Case.filled(random, k * m);
      float[] b1 = Case.filled(random, k * s[2]);
      float[] b2 = Case.filled(random, k * s[3]);
      float[] c1 = Case.filled(random, m * s[2]);
      float[] c2 = Case.filled(random, m * s[3]);
      for (boolean accumulate : new boolean[] {false, true}) {
        float[] expected1 = c1.clone();
        float[] expected2 = c2.clone();
        Parallelism.setThreads(1);
        Gemm.multiply(expected1, 0, a, 0, b1, 0, first, accumulate);
        Gemm.multiply(expected2, 0, a, 0, b2, 0, second, accumulate);
        for (boolean scalar : new boolean[] {false, true}) {
          for (int threads = 1; threads <= 3; threads++) {
            Backends.forceScalar(scalar);
            Parallelism.setThreads(threads);
            BlockedGemm.setParallelMinFlops(threads > 1 ? 0 : BlockedGemm.PARALLEL_MIN_FLOPS);
            float[] actual1 = c1.clone();
            float[] actual2 = c2.clone();
            Gemm.multiplyTransposedPair(a, m, k, b1, s[2], actual1, b2, s[3], actual2,
                accumulate);
            String what = first + " and " + second + " accumulate=" + accumulate + " scalar="
                + scalar + " threads=" + threads;
            assertArrayEquals(expected1, actual1, what + ": first");
            assertArrayEquals(expected2, actual2, what + ": second");
          }
        }
        Backends.forceScalar(false);
        BlockedGemm.setParallelMinFlops(BlockedGemm.PARALLEL_MIN_FLOPS);
      }
    }
  }

  @Test
  void emptyDimensionsOverwriteWithZerosOrLeaveC() {
    float[] c = {1f, 2f, 3f, 4f};
    Gemm.multiply(c, 0, new float[0], 0, new float[0], 0, GemmShape.of(2, 2, 0), true);
    assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, c);
    Gemm.multiply(c, 0, new float[0], 0, new float[0], 0, GemmShape.of(2, 2, 0), false);
    assertArrayEquals(new float[4], c);
    Gemm.multiply(c, 0, new float[0], 0, new float[6], 0, GemmShape.of(0, 2, 3), false);
    assertArrayEquals(new float[4], c);
    PackedMatrix empty = Gemm.pack(new float[0], 0, 0, 3, true);
    float[] c2 = {9f, 9f, 9f};
    Gemm.multiply(c2, 0, new float[0], 0, false, 1, empty, false);
    assertArrayEquals(new float[3], c2);
  }

  /** Packing into a used buffer overwrites all of it, padding included: the same products. */
  @Test
  void packingIntoAReusedBufferGivesTheSameProducts() {
    SplittableRandom random = new SplittableRandom(17);
    int m = 7;
    int k = 40;
    int n = 37; // a partial last panel, whose padding must be zeroed
    float[] a = new float[m * k];
    float[] b = new float[n * k];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) random.nextDouble(-1, 1);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) random.nextDouble(-1, 1);
    }
    float[] into = new float[Gemm.packedSize(k, n) + 5];
    java.util.Arrays.fill(into, Float.NaN);
    float[] fresh = new float[m * n];
    float[] reused = new float[m * n];
    Gemm.multiply(fresh, 0, a, 0, false, m, Gemm.pack(b, 0, k, n, true), false);
    Gemm.multiply(reused, 0, a, 0, false, m, Gemm.pack(b, 0, k, n, true, into), false);
    assertArrayEquals(fresh, reused);
    IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
        () -> Gemm.pack(b, 0, k, n, true, new float[10]));
    assertTrue(small.getMessage().contains("into holds 10 floats"), small.getMessage());
  }

  @Test
  void packedMatrixHoldsOpB() {
    float[] b = {1, 2, 3, 4, 5, 6}; // (2, 3), or as Bᵀ stored (3, 2)
    PackedMatrix plain = Gemm.pack(b, 0, 2, 3, false);
    PackedMatrix trans = Gemm.pack(b, 0, 2, 3, true);
    assertEquals(2, plain.k());
    assertEquals(3, plain.n());
    assertEquals(6f, plain.get(1, 2));
    assertEquals(4f, plain.get(1, 0));
    assertEquals(3f, trans.get(0, 1)); // op(B)[0, 1] = B[1, 0] with B (3, 2)
    assertEquals(6f, trans.get(1, 2));
    b[5] = -1f;
    assertEquals(6f, plain.get(1, 2), "packing copies B");
  }

  @Test
  void backendIsNamed() {
    String name = Gemm.backend();
    assertTrue(name.equals("scalar") || name.matches("vector-\\w+\\(\\d+ floats\\)"), name);
    Backends.forceScalar(true);
    assertEquals("scalar", Gemm.backend());
  }

  @Test
  void badArgumentsNameTheArgument() {
    float[] x = new float[6];
    GemmShape s = GemmShape.of(2, 3, 1);
    assertMessage("c", () -> Gemm.multiply(null, 0, x, 0, x, 0, s, false));
    assertMessage("a", () -> Gemm.multiply(x, 0, null, 0, x, 0, s, false));
    assertMessage("C", () -> Gemm.multiply(x, 1, x, 0, x, 0, s, false));
    assertMessage("A", () -> Gemm.multiply(x, 0, x, -1, x, 0, s, false));
    assertMessage("B", () -> Gemm.multiply(x, 0, x, 0, new float[2], 0, s, false));
    assertMessage("m", () -> new GemmShape(-1, 1, 1, false, false));
    assertMessage("k", () -> Gemm.pack(x, 0, -2, 3, false));
    assertMessage("B", () -> Gemm.pack(x, 1, 2, 3, false));
    assertMessage("b", () -> Gemm.pack(null, 0, 2, 3, false));
    PackedMatrix p = Gemm.pack(x, 0, 2, 3, false);
    assertMessage("m", () -> Gemm.multiply(x, 0, x, 0, false, -1, p, false));
    assertMessage("A", () -> Gemm.multiply(x, 0, new float[3], 0, false, 2, p, false));
    assertMessage("C", () -> Gemm.multiply(new float[5], 0, x, 0, false, 2, p, false));
    assertMessage("b", () -> Gemm.multiply(x, 0, x, 0, false, 2, null, false));
    assertMessage("threads", () -> Parallelism.setThreads(0));
  }

  private static void assertMessage(String argument, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().matches("(?s).*\\b" + argument + "\\b.*"),
        "message should name " + argument + ": " + e.getMessage());
  }

  /** One product's random operands, stored at non-zero offsets between guard values. */
  private static final class Case {
    final GemmShape shape;
    final float[] a; // A_OFF + (m, k) or (k, m)
    final float[] b; // B_OFF + (k, n) or (n, k)
    final float[] c0; // C_OFF + (m, n) + guard, the initial C

    Case(GemmShape shape, SplittableRandom random) {
      this.shape = shape;
      a = filled(random, A_OFF + shape.m() * shape.k() + 2);
      b = filled(random, B_OFF + shape.k() * shape.n() + 2);
      c0 = filled(random, C_OFF + shape.m() * shape.n() + 2);
    }

    float[] reference(boolean accumulate) {
      float[] c = c0.clone();
      ReferenceGemm.multiply(c, C_OFF, a, A_OFF, b, B_OFF, shape, accumulate);
      return c;
    }

    float[] unpacked(boolean accumulate) {
      float[] c = c0.clone();
      Gemm.multiply(c, C_OFF, a, A_OFF, b, B_OFF, shape, accumulate);
      return c;
    }

    float[] packed(boolean accumulate) {
      float[] c = c0.clone();
      PackedMatrix p = Gemm.pack(b, B_OFF, shape.k(), shape.n(), shape.transB());
      Gemm.multiply(c, C_OFF, a, A_OFF, shape.transA(), shape.m(), p, accumulate);
      return c;
    }

    /** |actual − expected| ≤ (k + 2)·2⁻²³·(Σ_p |a_ip||b_pj| + |c_ij|) each; guards intact. */
    void assertClose(float[] expected, float[] actual, boolean accumulate, String path) {
      int m = shape.m();
      int n = shape.n();
      int k = shape.k();
      double eps = 0x1p-23;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double magnitude = accumulate ? Math.abs(c0[C_OFF + i * n + j]) : 0;
          for (int p = 0; p < k; p++) {
            magnitude += Math.abs(opA(i, p) * opB(p, j));
          }
          int at = C_OFF + i * n + j;
          double error = Math.abs(actual[at] - expected[at]);
          if (error > (k + 2) * eps * magnitude) {
            throw new AssertionError(shape + " " + path + " accumulate=" + accumulate + " threads="
                + Parallelism.threads() + " C[" + i + "," + j + "]: expected " + expected[at]
                + ", got " + actual[at]);
          }
        }
      }
      for (int i = 0; i < c0.length; i++) {
        if ((i < C_OFF || i >= C_OFF + m * n) && actual[i] != c0[i]) {
          throw new AssertionError(shape + " " + path + " wrote outside C at " + i);
        }
      }
    }

    private float opA(int i, int p) {
      return shape.transA() ? a[A_OFF + p * shape.m() + i] : a[A_OFF + i * shape.k() + p];
    }

    private float opB(int p, int j) {
      return shape.transB() ? b[B_OFF + j * shape.k() + p] : b[B_OFF + p * shape.n() + j];
    }

    private static float[] filled(SplittableRandom random, int size) {
      float[] x = new float[size];
      for (int i = 0; i < size; i++) {
        x[i] = (float) (random.nextDouble() * 2 - 1);
      }
      return x;
    }
  }
}
