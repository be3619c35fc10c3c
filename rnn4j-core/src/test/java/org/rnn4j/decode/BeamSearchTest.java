package org.rnn4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

/**
 * Beam search on two fake models with exact outputs: the counting model of {@link GeneratorTest}
 * (for the equality with greedy generation), and a tree model whose next-token distribution is a
 * table keyed by the continuation so far.
 */
class BeamSearchTest {
  private static final int END = 0;
  private static final int A = 1;
  private static final int B = 2;
  private static final int START = 3;

  /**
   * Tokens END, A, B and START (fed only as the prime). The state of a row is its continuation
   * as letters ("", "a", "ab", …); its logits are the log-probabilities in the table, and a
   * continuation not in the table must end (p(END) = 1, the others −∞).
   */
  static final class TreeModel implements NextTokenModel<String[]> {
    final Map<String, double[]> table; // continuation → (V) probabilities of END, A, B, START
    final List<Integer> batchSizes = new ArrayList<>(); // B of every forward call

    TreeModel(Map<String, double[]> table) {
      this.table = table;
    }

    @Override
    public String[] initialState(int batch) {
      String[] state = new String[batch];
      Arrays.fill(state, "");
      return state;
    }

    @Override
    public Step<String[]> forward(int[] ids, int[] lengths, String[] state) {
      int b = lengths.length;
      int t = ids.length / b;
      batchSizes.add(b);
      String[] next = state.clone();
      float[] logits = new float[b * t * 4];
      for (int r = 0; r < b; r++) {
        for (int s = 0; s < lengths[r]; s++) {
          int id = ids[r * t + s];
          next[r] += id == A ? "a" : id == B ? "b" : "";
          double[] p = table.getOrDefault(next[r], new double[] {1, 0, 0, 0});
          for (int w = 0; w < 4; w++) {
            logits[(r * t + s) * 4 + w] = (float) Math.log(p[w]);
          }
        }
      }
      return new Step<>(Tensor.of(logits, b, t, 4), next);
    }

    @Override
    public String[] select(String[] state, int[] rows) {
      String[] out = new String[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = state[rows[i]];
      }
      return out;
    }
  }

  /** Greedy takes a (0.6) then ends (0.4): 0.24. The best sequence is b then end: 0.36. */
  private static TreeModel greedyIsSuboptimal() {
    return new TreeModel(Map.of(
        "", new double[] {0, 0.6, 0.4, 0},
        "a", new double[] {0.4, 0.3, 0.3, 0},
        "b", new double[] {0.9, 0.05, 0.05, 0}));
  }

  private static final double LONG = 0.45 * 0.99 * 0.99; // p(b·b·end) ≈ 0.441

  /** a·end has p = 0.495 over 2 tokens; b·b·end has p ≈ 0.441 over 3 tokens. */
  private static TreeModel shortVersusLong() {
    return new TreeModel(Map.of(
        "", new double[] {0, 0.55, 0.45, 0},
        "a", new double[] {0.9, 0.05, 0.05, 0},
        "b", new double[] {0.01, 0, 0.99, 0},
        "bb", new double[] {0.99, 0.005, 0.005, 0}));
  }

  private static List<Hypothesis> search(NextTokenModel<?> model, BeamSearchConfig config,
      int... prime) {
    return new BeamSearch<>(model, config).search(prime);
  }

  @Test
  void beamWidthOneEqualsGreedyGeneration() {
    int[][] primes = {{2, 3}, {1}, {6}, {4, 4, 4}, {5}};
    for (int maxTokens : new int[] {1, 3, 50}) {
      GenerationConfig greedy = GenerationConfig.of(maxTokens, Sampler.greedy()).stoppingAt(6);
      for (int[] prime : primes) {
        int[] expected = new Generator<>(new GeneratorTest.CountingModel(), greedy)
            .generate(prime, new SplittableRandom(0));
        List<Hypothesis> beam = search(new GeneratorTest.CountingModel(),
            BeamSearchConfig.of(1, maxTokens, 6), prime);
        assertEquals(1, beam.size());
        assertArrayEquals(expected, beam.get(0).ids(), "prime " + Arrays.toString(prime)
            + ", maxTokens " + maxTokens);
        // each token (the end token too, when finished) has logit 10 against six zeros
        double logP = 10 - Math.log(Math.exp(10) + 6);
        assertEquals(beam.get(0).length() * logP, beam.get(0).logProbability(), 1e-5);
      }
    }
    Hypothesis cut = search(new GeneratorTest.CountingModel(), BeamSearchConfig.of(1, 3, 6), 1)
        .get(0);
    assertArrayEquals(new int[] {1, 2, 4}, cut.ids(), "sums 1, 2, 4 before the end token 6");
    assertFalse(cut.finished());
    assertTrue(search(new GeneratorTest.CountingModel(), BeamSearchConfig.of(1, 3, 6), 6)
        .get(0).finished(), "prime 6 predicts the end token at once");
  }

  @Test
  void beamWidthTwoFindsTheSequenceGreedyMisses() {
    Hypothesis greedy = search(greedyIsSuboptimal(), BeamSearchConfig.of(1, 10, END), START)
        .get(0);
    assertArrayEquals(new int[] {A}, greedy.ids());
    assertEquals(Math.log(0.24), greedy.logProbability(), 1e-6);
    Hypothesis beam = search(greedyIsSuboptimal(), BeamSearchConfig.of(2, 10, END), START)
        .get(0);
    assertArrayEquals(new int[] {B}, beam.ids());
    assertEquals(Math.log(0.36), beam.logProbability(), 1e-6);
    assertEquals(beam.logProbability(), beam.score(), 0, "α = 0: the score is Σ log p");
    assertTrue(beam.finished());
  }

  @Test
  void finishedHypothesesLeaveTheBeamWithoutTheEndToken() {
    TreeModel model = greedyIsSuboptimal();
    List<Hypothesis> both = search(model, BeamSearchConfig.of(2, 10, END).withBest(2), START);
    assertEquals(2, both.size());
    assertArrayEquals(new int[] {B}, both.get(0).ids());
    assertArrayEquals(new int[] {A}, both.get(1).ids());
    assertEquals(2, both.get(1).length(), "a and the end token");
    // the prime alone, then both live hypotheses in one batch; both end, so no third call
    assertEquals(List.of(1, 2), model.batchSizes);

    TreeModel narrowing = shortVersusLong();
    search(narrowing, BeamSearchConfig.of(2, 10, END), START);
    assertEquals(List.of(1, 2, 1), narrowing.batchSizes, "a·end finished at step 2");

    TreeModel ending = new TreeModel(Map.of());
    Hypothesis empty = search(ending, BeamSearchConfig.of(3, 10, END).withBest(3), START).get(0);
    assertArrayEquals(new int[0], empty.ids());
    assertTrue(empty.finished());
    assertEquals(1, search(ending, BeamSearchConfig.of(3, 10, END).withBest(3), START).size(),
        "forbidden (−∞) tokens are never proposed");
  }

  @Test
  void unfinishedHypothesesAreReturnedOnlyWhenNoneFinished() {
    List<Hypothesis> cut = search(greedyIsSuboptimal(),
        BeamSearchConfig.of(2, 1, END).withBest(2), START);
    assertEquals(2, cut.size());
    assertArrayEquals(new int[] {A}, cut.get(0).ids());
    assertArrayEquals(new int[] {B}, cut.get(1).ids());
    assertFalse(cut.get(0).finished());
    assertEquals(Math.log(0.6), cut.get(0).logProbability(), 1e-6);
    assertEquals(1, cut.get(0).length(), "no end token to count");

    List<Hypothesis> some = search(shortVersusLong(),
        BeamSearchConfig.of(2, 2, END).withBest(2), START);
    assertEquals(1, some.size(), "a·end finished; b·b, cut at 2 tokens, is left out");
    assertArrayEquals(new int[] {A}, some.get(0).ids());
  }

  @Test
  void lengthNormalisationRanksTheLongerHypothesisFirst() {
    BeamSearchConfig config = BeamSearchConfig.of(2, 10, END).withBest(2);
    List<Hypothesis> raw = search(shortVersusLong(), config, START);
    assertArrayEquals(new int[] {A}, raw.get(0).ids(), "0.495 > 0.441");
    assertArrayEquals(new int[] {B, B}, raw.get(1).ids());

    List<Hypothesis> mean = search(shortVersusLong(), config.withLengthPenalty(1), START);
    assertArrayEquals(new int[] {B, B}, mean.get(0).ids(), "log 0.441 / 3 > log 0.495 / 2");
    assertEquals(Math.log(LONG), mean.get(0).logProbability(), 1e-6);
    assertEquals(Math.log(LONG) / 3, mean.get(0).score(), 1e-6);
    assertEquals(Math.log(0.495) / 2, mean.get(1).score(), 1e-6);

    List<Hypothesis> half = search(shortVersusLong(), config.withLengthPenalty(0.5), START);
    assertEquals(Math.log(LONG) / Math.sqrt(3), half.get(0).score(), 1e-6);
    assertArrayEquals(new int[] {B, B}, half.get(0).ids(), "−0.473 > −0.497");
  }

  @Test
  void argumentsAreCheckedWithTheirNames() {
    assertMessage("beamWidth must be ≥ 1, got 0", () -> BeamSearchConfig.of(0, 5, 0));
    assertMessage("maxTokens must be ≥ 1, got 0", () -> BeamSearchConfig.of(2, 0, 0));
    assertMessage("endId must be ≥ 0, got -1", () -> BeamSearchConfig.of(2, 5, -1));
    assertMessage("lengthPenalty must be finite and ≥ 0, got -0.5",
        () -> BeamSearchConfig.of(2, 5, 0).withLengthPenalty(-0.5));
    assertMessage("lengthPenalty must be finite and ≥ 0, got NaN",
        () -> BeamSearchConfig.of(2, 5, 0).withLengthPenalty(Double.NaN));
    assertMessage("best must lie in [1, beamWidth] = [1, 2], got 3",
        () -> BeamSearchConfig.of(2, 5, 0).withBest(3));
    BeamSearch<String[]> search = new BeamSearch<>(greedyIsSuboptimal(),
        BeamSearchConfig.of(2, 5, 0));
    assertMessage("prime must hold at least one id", () -> search.search(new int[0]));
    assertMessage("model and config must be given",
        () -> new BeamSearch<>(greedyIsSuboptimal(), null));
  }

  private static void assertMessage(String expected, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
