package org.rnn4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Samplers: the distributions they claim, and draws that follow them. */
class SamplerTest {
  /** χ² quantiles at 0.999 for 1 … 7 degrees of freedom: a fair sampler fails 1 time in 1000. */
  private static final double[] CHI2_999 = {10.83, 13.82, 16.27, 18.47, 20.52, 22.46, 24.32};
  private static final int DRAWS = 20_000;

  private static float[] logitsOf(double... probabilities) {
    float[] z = new float[probabilities.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) Math.log(probabilities[i]);
    }
    return z;
  }

  private static float[] randomLogits(RandomGenerator rng, int v) {
    float[] z = new float[v];
    for (int i = 0; i < v; i++) {
      z[i] = (float) (3 * rng.nextGaussian());
    }
    return z;
  }

  private static double[] distribution(Sampler sampler, float[] z) {
    double[] p = new double[z.length];
    sampler.distribution(p, z, 0, z.length);
    return p;
  }

  @Test
  void greedyPicksTheArgmaxWithTiesToTheLowestId() {
    assertEquals(2, Sampler.greedy().sample(new float[] {0, 1, 5, -2, 4}, null));
    assertEquals(1, Sampler.greedy().sample(new float[] {0, 7, 3, 7}, null));
    assertEquals(0, Sampler.greedy().sample(new float[] {-3}, null));
    assertArrayEquals(new double[] {0, 1, 0, 0}, distribution(Sampler.greedy(),
        new float[] {0, 7, 3, 7}));
  }

  @Test
  void samplesReadTheirRowAtAnOffset() {
    float[] rows = {9, 0, 0, /* row 1: */ 0, 0, 9};
    assertEquals(2, Sampler.greedy().sample(rows, 3, 3, null));
    assertEquals(2, Sampler.temperature(0.01).sample(rows, 3, 3, new SplittableRandom(1)));
    assertEquals(2, Sampler.topK(1).sample(rows, 3, 3, new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class,
        () -> Sampler.greedy().sample(rows, 4, 3, null));
  }

  /**
   * With a fixed seed, 20 000 draws pass Pearson's χ² test against the renormalised distribution
   * at the 0.999 level (the seed fixes the outcome, so the test is deterministic), and no token
   * outside the kept set is ever drawn.
   */
  @Test
  void drawFrequenciesMatchTheRenormalisedDistribution() {
    float[] z = logitsOf(0.05, 0.3, 0.1, 0.25, 0.02, 0.2, 0.08);
    RandomSampler[] samplers = {Sampler.random(), Sampler.temperature(0.7),
        Sampler.temperature(2.5), Sampler.topK(4), Sampler.topP(0.8),
        Sampler.temperature(1.3).withTopK(5).withTopP(0.9)};
    RandomGenerator rng = new SplittableRandom(42);
    for (RandomSampler sampler : samplers) {
      double[] p = distribution(sampler, z);
      assertEquals(1, Arrays.stream(p).sum(), 1e-12, sampler.toString());
      int[] counts = new int[z.length];
      for (int n = 0; n < DRAWS; n++) {
        counts[sampler.sample(z, rng)]++;
      }
      double chi2 = 0;
      int kept = 0;
      for (int i = 0; i < z.length; i++) {
        if (p[i] == 0) {
          assertEquals(0, counts[i], sampler + " drew token " + i + " outside its kept set");
        } else {
          kept++;
          double expected = DRAWS * p[i];
          chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
      }
      assertTrue(chi2 < CHI2_999[kept - 2], sampler + ": χ² = " + chi2 + " with " + (kept - 1)
          + " degrees of freedom, counts " + Arrays.toString(counts));
    }
  }

  @Test
  void topKNeverYieldsATokenOutsideTheKBest() {
    RandomGenerator rng = new SplittableRandom(7);
    for (int k : new int[] {1, 3, 10}) {
      Sampler sampler = Sampler.temperature(3).withTopK(k);
      for (int trial = 0; trial < 200; trial++) {
        float[] z = randomLogits(rng, 50);
        float kth = sortedDescending(z)[k - 1];
        for (int n = 0; n < 20; n++) {
          int id = sampler.sample(z, rng);
          assertTrue(z[id] >= kth, "top-" + k + " drew logit " + z[id] + " below " + kth);
        }
        assertEquals(k, Arrays.stream(distribution(sampler, z)).filter(q -> q > 0).count());
      }
    }
  }

  @Test
  void topKKeepsExactlyKTokensBreakingTiesByTheLowerId() {
    double[] p = distribution(Sampler.topK(2), new float[] {1, 3, 1, 3, 3});
    assertArrayEquals(new double[] {0, 0.5, 0, 0.5, 0}, p, 1e-12);
  }

  @Test
  void topPKeepsExactlyTheNucleus() {
    float[] z = logitsOf(0.1, 0.4, 0.2, 0.3);
    assertArrayEquals(new double[] {0, 0.4 / 0.7, 0, 0.3 / 0.7},
        distribution(Sampler.topP(0.65), z), 1e-6);
    assertArrayEquals(new double[] {0, 1, 0, 0}, distribution(Sampler.topP(0.3), z), 1e-12);
    assertArrayEquals(new double[] {0.1, 0.4, 0.2, 0.3}, distribution(Sampler.topP(1), z), 1e-6);
    RandomGenerator rng = new SplittableRandom(3);
    for (int trial = 0; trial < 300; trial++) {
      float[] logits = randomLogits(rng, 30);
      double p = 0.05 + 0.9 * rng.nextDouble();
      boolean[] expected = nucleus(logits, p);
      double[] q = distribution(Sampler.topP(p), logits);
      for (int i = 0; i < logits.length; i++) {
        assertEquals(expected[i], q[i] > 0, "token " + i + " at p = " + p);
      }
    }
  }

  /** The fewest most probable tokens with mass ≥ p, found by sorting (the reference). */
  private static boolean[] nucleus(float[] z, double p) {
    double max = IntStream.range(0, z.length).mapToDouble(i -> z[i]).max().orElseThrow();
    double[] w = IntStream.range(0, z.length).mapToDouble(i -> Math.exp(z[i] - max)).toArray();
    double total = Arrays.stream(w).sum();
    Integer[] order = IntStream.range(0, z.length).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -w[i])).toArray(Integer[]::new);
    boolean[] kept = new boolean[z.length];
    double mass = 0;
    for (int i : order) {
      kept[i] = true;
      mass += w[i] / total;
      if (mass >= p) {
        break;
      }
    }
    return kept;
  }

  private static float[] sortedDescending(float[] z) {
    float[] s = z.clone();
    Arrays.sort(s);
    for (int i = 0; i < s.length / 2; i++) {
      float t = s[i];
      s[i] = s[s.length - 1 - i];
      s[s.length - 1 - i] = t;
    }
    return s;
  }

  @Test
  void temperatureTowardsZeroApproachesGreedyAndLargeTemperatureUniform() {
    float[] z = {0.3f, 2.0f, 1.9f, -1f, 0f};
    double[] cold = distribution(Sampler.temperature(1e-3), z);
    assertEquals(1, cold[1], 1e-12);
    RandomGenerator rng = new SplittableRandom(5);
    for (int n = 0; n < 1000; n++) {
      assertEquals(1, Sampler.temperature(1e-3).sample(z, rng));
    }
    double[] previousGap = {Double.MAX_VALUE};
    for (double t : new double[] {1, 10, 100, 1e6}) {
      double[] p = distribution(Sampler.temperature(t), z);
      double gap = Arrays.stream(p).map(q -> Math.abs(q - 0.2)).max().orElseThrow();
      assertTrue(gap < previousGap[0], "τ = " + t + " is no closer to uniform");
      previousGap[0] = gap;
    }
    assertTrue(previousGap[0] < 1e-5, "τ = 1e6 is " + previousGap[0] + " from uniform");
  }

  @Test
  void theSameSeedGivesTheSameSequence() {
    float[] z = randomLogits(new SplittableRandom(9), 40);
    for (Sampler sampler : new Sampler[] {Sampler.random(), Sampler.topK(5).withTopP(0.9)}) {
      int[] a = draws(sampler, z, new SplittableRandom(11));
      int[] b = draws(sampler, z, new SplittableRandom(11));
      assertArrayEquals(a, b);
      assertTrue(Arrays.stream(a).distinct().count() > 1, "the draws vary");
    }
  }

  private static int[] draws(Sampler sampler, float[] z, RandomGenerator rng) {
    return IntStream.range(0, 200).map(n -> sampler.sample(z, rng)).toArray();
  }

  @Test
  void hugeLogitsDoNotOverflowAndForbiddenTokensAreNeverDrawn() {
    float ninf = Float.NEGATIVE_INFINITY;
    float[] z = {1e30f, ninf, 1e30f - 1e24f, -1e30f, ninf};
    for (Sampler sampler : new Sampler[] {Sampler.random(), Sampler.topP(0.99),
        Sampler.topK(4)}) {
      double[] p = distribution(sampler, z);
      assertEquals(1, Arrays.stream(p).sum(), 1e-12);
      assertEquals(0, p[1]);
      assertEquals(0, p[4]);
      RandomGenerator rng = new SplittableRandom(2);
      for (int n = 0; n < 500; n++) {
        int id = sampler.sample(z, rng);
        assertTrue(id != 1 && id != 4, "drew a forbidden token");
      }
    }
  }

  @Test
  void badLogitsAreRejected() {
    RandomGenerator rng = new SplittableRandom(1);
    for (Sampler sampler : new Sampler[] {Sampler.greedy(), Sampler.random(), Sampler.topK(1)}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> sampler.sample(new float[] {0, Float.NaN}, rng));
      assertTrue(e.getMessage().contains("token 1"), e.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> sampler.sample(new float[] {Float.NEGATIVE_INFINITY}, rng));
      assertThrows(IllegalArgumentException.class, () -> sampler.sample(new float[0], rng));
    }
  }

  @Test
  void settingsAreValidatedWithTheirNameAndValue() {
    assertMessage(() -> Sampler.temperature(0), "temperature", "0.0");
    assertMessage(() -> Sampler.temperature(-1), "temperature", "-1.0");
    assertMessage(() -> Sampler.temperature(Double.NaN), "temperature", "NaN");
    assertMessage(() -> Sampler.temperature(Double.POSITIVE_INFINITY), "temperature", "Infinity");
    assertMessage(() -> Sampler.topK(0), "topK", "≥ 1", "0");
    assertMessage(() -> Sampler.topP(0), "topP", "(0, 1]", "0.0");
    assertMessage(() -> Sampler.topP(1.5), "topP", "1.5");
    assertMessage(() -> Sampler.topP(Double.NaN), "topP", "NaN");
  }

  private static void assertMessage(Runnable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' lacks '" + part + "'");
    }
  }
}
