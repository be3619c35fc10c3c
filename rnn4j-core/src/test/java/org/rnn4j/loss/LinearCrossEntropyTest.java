package org.rnn4j.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.ConcurrentCalls;
import org.rnn4j.testing.GradientCheck;

/**
 * The fused projection and cross-entropy against the composition it replaces, {@code
 * CrossEntropy.loss(a.matmulT(w).add(b), …)}: value and gradients with lengths, ignored targets,
 * label smoothing and chunks of every size; finite differences; what it allocates.
 */
class LinearCrossEntropyTest {
  private static final int IGNORE = CrossEntropy.DEFAULT_IGNORE_INDEX;
  /** Relative to the largest magnitude of the compared array: float rounding, summed over V. */
  private static final double RTOL = 2e-5;

  /**
   * One problem: A (B, T, H) with lengths, or (N, H) without; W (V, H); b (V).
   *
   * @param lengths (B), or null for a 2-D A of N = batch rows
   * @param ignored positions whose target is the ignore index
   * @param chunk rows per chunk, 0 for the rule
   */
  record Case(String name, int batch, int time, int h, int v, int[] lengths, int[] ignored,
      float eps, int chunk) {
    int rows() {
      return batch * time;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("lengths with a zero-length row, ignore, smoothing, chunks of 4",
            3, 7, 5, 11, new int[] {7, 0, 4}, new int[] {2, 15}, 0.1f, 4),
        new Case("lengths, chunk of 1", 2, 5, 3, 6, new int[] {5, 3}, new int[0], 0f, 1),
        new Case("2-D, 13 rows in chunks of 5", 13, 1, 6, 9, null, new int[] {12}, 0.2f, 5),
        new Case("2-D, the chunk rule", 13, 1, 6, 9, null, new int[0], 0f, 0),
        new Case("V = 1", 4, 3, 4, 1, new int[] {3, 1, 0, 2}, new int[0], 0.3f, 2),
        new Case("V = 1, no smoothing", 6, 1, 4, 1, null, new int[] {1}, 0f, 0),
        new Case("V large, chunks of 16", 5, 9, 8, 5000, new int[] {9, 8, 1, 9, 4},
            new int[] {3}, 0.05f, 16),
        new Case("V large, the chunk rule", 5, 9, 8, 5000, new int[] {9, 8, 1, 9, 4},
            new int[0], 0f, 0))
        .map(Arguments::of);
  }

  /** The inputs of one case, all requiring gradients. */
  private record Inputs(Tensor a, Tensor w, Tensor b, int[] targets) {
    static Inputs of(Case c, long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      Tensor a = c.lengths() == null
          ? Tensor.uniform(rng, -2f, 2f, c.rows(), c.h())
          : Tensor.uniform(rng, -2f, 2f, c.batch(), c.time(), c.h());
      Tensor w = Tensor.uniform(rng, -1f, 1f, c.v(), c.h());
      Tensor b = Tensor.uniform(rng, -1f, 1f, c.v());
      int[] targets = rng.ints(c.rows(), 0, c.v()).toArray();
      for (int i : c.ignored()) {
        targets[i] = IGNORE;
      }
      return new Inputs(a.requiresGrad(true), w.requiresGrad(true), b.requiresGrad(true),
          targets);
    }

    CrossEntropy.Options options(Case c) {
      return new CrossEntropy.Options(IGNORE, c.eps());
    }

    Tensor fused(Case c) {
      return LinearCrossEntropy.loss(a, w, b, targets, c.lengths(), options(c), c.chunk(),
          LossBuffers.POOLED);
    }

    Tensor composed(Case c) {
      return CrossEntropy.loss(a.matmulT(w).add(b), targets, c.lengths(), options(c));
    }

    /** The loss and the gradients of A, W and b after backward from {@code loss}. */
    float[][] lossAndGradients(Tensor loss) {
      a.zeroGrad();
      w.zeroGrad();
      b.zeroGrad();
      loss.backward();
      return new float[][] {{loss.item()}, a.grad().data().clone(), w.grad().data().clone(),
          b.grad().data().clone()};
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void equalsLinearThenCrossEntropyInValueAndGradients(Case c) {
    Inputs in = Inputs.of(c, 7);
    float[][] expected = in.lossAndGradients(in.composed(c));
    float[][] actual = in.lossAndGradients(in.fused(c));
    String[] names = {"loss", "dA", "dW", "db"};
    for (int i = 0; i < names.length; i++) {
      assertClose(expected[i], actual[i], c + ": " + names[i]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void withoutGradientsTheLossIsTheSame(Case c) {
    Inputs in = Inputs.of(c, 8);
    float withGradients = in.fused(c).item();
    try (NoGrad scope = NoGrad.enter()) {
      Tensor loss = in.fused(c);
      assertFalse(loss.requiresGrad());
      assertEquals(withGradients, loss.item(), c.toString());
      assertClose(new float[] {in.composed(c).item()}, new float[] {loss.item()}, c.toString());
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(11);
    int[] targets = {1, 2, IGNORE, 4, 0, 1, 3, 0, 2, 4, 1, 1};
    int[] lengths = {4, 3, 0};
    GradientCheck.check("linear cross-entropy, masked, smoothed, chunks of 2",
        x -> LinearCrossEntropy.loss(x[0], x[1], x[2], targets, lengths,
            new CrossEntropy.Options(IGNORE, 0.2f), 2, LossBuffers.POOLED),
        Tensor.uniform(rng, -1f, 1f, 3, 4, 3).requiresGrad(true),
        Tensor.uniform(rng, -1f, 1f, 5, 3).requiresGrad(true),
        Tensor.uniform(rng, -1f, 1f, 5).requiresGrad(true));
    GradientCheck.check("linear cross-entropy, 2-D, the chunk rule",
        x -> LinearCrossEntropy.loss(x[0], x[1], x[2], new int[] {0, 3, 2, 2, 1},
            CrossEntropy.Options.DEFAULT),
        Tensor.uniform(rng, -1f, 1f, 5, 2).requiresGrad(true),
        Tensor.uniform(rng, -1f, 1f, 4, 2).requiresGrad(true),
        Tensor.uniform(rng, -1f, 1f, 4).requiresGrad(true));
  }

  @Test
  void theUpstreamGradientScalesEveryGradient() {
    Case c = new Case("scaled", 3, 7, 5, 11, new int[] {7, 2, 4}, new int[] {2}, 0.1f, 3);
    Inputs in = Inputs.of(c, 9);
    float[][] once = in.lossAndGradients(in.fused(c));
    float[][] thrice = in.lossAndGradients(in.fused(c).mul(3f));
    for (int i = 1; i < once.length; i++) {
      for (int j = 0; j < once[i].length; j++) {
        assertEquals(3f * once[i][j], thrice[i][j], "gradient " + i + " element " + j);
      }
    }
  }

  @Test
  void noArrayHoldsTheLogitsOfAllRows() {
    Case c = new Case("allocations", 4, 50, 8, 300, new int[] {50, 31, 50, 44}, new int[] {5},
        0.1f, 16);
    Inputs in = Inputs.of(c, 10);
    List<Integer> sizes = new ArrayList<>();
    List<Integer> given = new ArrayList<>();
    LossBuffers counting = new LossBuffers() {
      @Override
      public float[] take(int size) {
        sizes.add(size);
        return new float[size];
      }

      @Override
      public void give(float[] buffer) {
        if (buffer != null) {
          given.add(buffer.length);
        }
      }
    };
    Tensor loss = LinearCrossEntropy.loss(in.a(), in.w(), in.b(), in.targets(), c.lengths(),
        in.options(c), c.chunk(), counting);
    loss.backward();
    int n = c.rows();
    // the chunk's logits, dA, dW, db; the rows after a short sequence are gathered: A_c and dA_c
    assertEquals(List.of(16 * 300, n * 8, 300 * 8, 300, 16 * 8, 16 * 8), sizes);
    assertTrue(sizes.stream().allMatch(s -> s <= 16 * 300), "largest " + sizes);
    assertEquals(sizes.stream().sorted().toList(), given.stream().sorted().toList(),
        "every array is given back after the backward pass");

    sizes.clear();
    given.clear();
    try (NoGrad scope = NoGrad.enter()) {
      LinearCrossEntropy.loss(in.a(), in.w(), in.b(), in.targets(), c.lengths(), in.options(c),
          c.chunk(), counting);
    }
    assertEquals(List.of(16 * 300, 16 * 8), sizes, "without gradients: logits and gathered A_c");
    assertEquals(sizes.stream().sorted().toList(), given.stream().sorted().toList(),
        "without gradients, every array is given back by the forward pass");
  }

  @Test
  void chunkRule() {
    assertEquals(3200, LogitChunks.chunkRows(3200, 65), "C1: one chunk of 3,200 · 65 floats");
    assertEquals(262, LogitChunks.chunkRows(3200, 1000), "2^18 floats of logits");
    assertEquals(64, LogitChunks.chunkRows(3200, 10_000), "at least 64 rows");
    assertEquals(64, LogitChunks.chunkRows(3200, 50_000));
    assertEquals(10, LogitChunks.chunkRows(10, 10_000), "no more than the rows that count");
    assertEquals(1, LogitChunks.chunkRows(0, 10));
  }

  @Test
  void nothingCountedGivesZeroLossAndZeroGradients() {
    Case ignored = new Case("all ignored", 2, 3, 4, 5, null, new int[] {0, 1, 2, 3, 4, 5}, 0.1f,
        0);
    Case empty = new Case("all zero lengths", 2, 3, 4, 5, new int[] {0, 0}, new int[0], 0f, 2);
    for (Case c : List.of(ignored, empty)) {
      Inputs in = Inputs.of(c, 12);
      float[][] expected = in.lossAndGradients(in.composed(c));
      float[][] actual = in.lossAndGradients(in.fused(c));
      for (int i = 0; i < actual.length; i++) {
        assertArrayEquals(new float[actual[i].length], actual[i], c + " " + i);
        assertArrayEquals(expected[i], actual[i], c + " " + i);
      }
    }
  }

  @Test
  void aFrozenWeightIsUsedPacked() {
    Case c = new Case("frozen", 3, 6, 5, 300, new int[] {6, 2, 5}, new int[0], 0f, 4);
    Inputs in = Inputs.of(c, 13);
    Tensor frozenW = in.w().detach().copy().freeze();
    Tensor frozenB = in.b().detach().copy().freeze();
    Inputs frozen = new Inputs(in.a(), frozenW, frozenB, in.targets());
    in.a().zeroGrad();
    Tensor expected = CrossEntropy.loss(in.a().matmulT(in.w().detach()).add(in.b().detach()),
        in.targets(), c.lengths(), in.options(c));
    expected.backward();
    float[] expectedDa = in.a().grad().data().clone();
    in.a().zeroGrad();
    Tensor actual = frozen.fused(c);
    actual.backward();
    assertClose(new float[] {expected.item()}, new float[] {actual.item()}, "loss");
    assertClose(expectedDa, in.a().grad().data(), "dA");
    assertFalse(frozenW.hasGrad());
  }

  @Test
  void concurrentCallsOnOneFrozenWeightAgreeWithSerialOnes() throws Exception {
    SplittableRandom rng = new SplittableRandom(14);
    Tensor w = Tensor.uniform(rng, -1f, 1f, 200, 6).freeze();
    Tensor b = Tensor.uniform(rng, -1f, 1f, 200).freeze();
    List<int[]> pool = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pool.add(rng.ints(rng.nextInt(1, 90), 0, 200).toArray());
    }
    ConcurrentCalls.assertSameAsSerial(pool, targets -> {
      Tensor a = Tensor.full(0.01f * targets.length, targets.length, 6);
      return Float.toString(LinearCrossEntropy.loss(a, w, b, targets, null,
          CrossEntropy.Options.DEFAULT, 16, LossBuffers.POOLED).item());
    }, 4, 200);
  }

  @Test
  void rejectsShapesThatDoNotFitNamingTheArgument() {
    Tensor a = Tensor.zeros(2, 3, 4);
    Tensor w = Tensor.zeros(5, 4);
    Tensor b = Tensor.zeros(5);
    CrossEntropy.Options o = CrossEntropy.Options.DEFAULT;
    assertMessage("targets must have one id per row of a [2, 3, 4]: expected 6, got 5",
        () -> LinearCrossEntropy.loss(a, w, b, new int[5], o));
    assertMessage("target at position 4 must lie in [0, 5) or equal the ignore index -100, got 5",
        () -> LinearCrossEntropy.loss(a, w, b, new int[] {0, 1, 2, 3, 5, 0}, o));
    assertMessage("got -1",
        () -> LinearCrossEntropy.loss(a, w, b, new int[] {0, 1, 2, 3, -1, 0}, o));
    // a target past a sequence's end is never read, as in CrossEntropy
    LinearCrossEntropy.loss(a, w, b, new int[] {0, 1, 2, 3, 99, 0}, new int[] {3, 1}, o);
    assertMessage("a must be (N…, H) with H = 4 (weight [5, 4]), got shape [2, 3, 3]",
        () -> LinearCrossEntropy.loss(Tensor.zeros(2, 3, 3), w, b, new int[6], o));
    assertMessage("bias must be (V) = (5) for weight [5, 4], got shape [4]",
        () -> LinearCrossEntropy.loss(a, w, Tensor.zeros(4), new int[6], o));
    assertMessage("weight must be (V, H) with V ≥ 1, got shape [5, 4, 1]",
        () -> LinearCrossEntropy.loss(a, Tensor.zeros(5, 4, 1), b, new int[6], o));
    assertMessage("with lengths, a must be (B, T, H), got shape [6, 4]",
        () -> LinearCrossEntropy.loss(a.reshape(6, 4), w, b, new int[6], new int[] {3, 3}, o));
    assertMessage("lengths must have one entry per sequence: expected 2, got 3",
        () -> LinearCrossEntropy.loss(a, w, b, new int[6], new int[] {3, 3, 3}, o));
  }

  private static void assertMessage(String expected, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  /** |expected − actual| ≤ RTOL · max(1e-3, max |expected|), element by element. */
  static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    double scale = 1e-3;
    for (float x : expected) {
      scale = Math.max(scale, Math.abs(x));
    }
    for (int i = 0; i < expected.length; i++) {
      double diff = Math.abs(expected[i] - actual[i]);
      if (!(diff <= RTOL * scale)) {
        throw new AssertionError(what + ": element " + i + " expected " + expected[i] + ", got "
            + actual[i] + " (|diff| " + diff + " > " + RTOL + " · " + scale + ")");
      }
    }
  }
}
