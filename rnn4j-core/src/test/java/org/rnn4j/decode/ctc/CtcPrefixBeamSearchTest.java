package org.rnn4j.decode.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

/**
 * Prefix beam search against the exact probability of every label sequence, enumerated over
 * all C^T alignments of tiny inputs (T ≤ 5, C ≤ 3; with a lexicon C = 4, T ≤ 6).
 */
class CtcPrefixBeamSearchTest {
  private static final int WIDE = 10_000; // more than the prefixes of any input here: no pruning
  private final SplittableRandom rng = new SplittableRandom(5);

  /** Log-softmax of logits uniform in [−2.5, 2.5): peaked enough that beams and greedy differ. */
  private Tensor logProbs(int t, int c) {
    return Tensor.uniform(rng, -2.5f, 2.5f, t, c).logSoftmax();
  }

  private static double exact(Map<List<Integer>, Double> p, int[] labels) {
    return p.getOrDefault(AllAlignments.list(labels), 0.0);
  }

  @Test
  void aWideBeamFindsEveryLabelSequenceWithItsExactProbability() {
    for (int trial = 0; trial < 60; trial++) {
      int t = 1 + trial % 5;
      int c = 2 + trial % 2;
      int blank = trial % c;
      Tensor y = logProbs(t, c);
      Map<List<Integer>, Double> p = AllAlignments.probabilities(y, blank);
      List<CtcHypothesis> found = new CtcPrefixBeamSearch(WIDE, blank).search(y);
      assertEquals(p.size(), found.size(), "every label sequence, trial " + trial);
      double previous = Double.POSITIVE_INFINITY;
      for (CtcHypothesis h : found) {
        double expected = exact(p, h.labels());
        assertEquals(expected, Math.exp(h.logProbability()), 1e-9 * expected, h.toString());
        assertTrue(h.logProbability() <= previous, "highest first");
        previous = h.logProbability();
      }
      double best = p.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      assertEquals(best, Math.exp(found.get(0).logProbability()), 1e-9 * best,
          "the first is the most probable, trial " + trial);
    }
  }

  @Test
  void aNarrowBeamOnlyUnderestimates() {
    for (int trial = 0; trial < 300; trial++) {
      int t = 3 + trial % 3;
      int blank = trial % 3;
      Tensor y = logProbs(t, 3);
      Map<List<Integer>, Double> p = AllAlignments.probabilities(y, blank);
      for (int k = 1; k <= 3; k++) {
        List<CtcHypothesis> found = new CtcPrefixBeamSearch(k, blank).search(y);
        assertTrue(found.size() >= 1 && found.size() <= k, "1 to k results");
        for (CtcHypothesis h : found) {
          assertTrue(Math.exp(h.logProbability()) <= exact(p, h.labels()) * (1 + 1e-9),
              "pruning only loses probability: " + h + ", exact p " + exact(p, h.labels()));
        }
      }
    }
  }

  @Test
  void aWideBeamIsAtLeastAsProbableAsTheBestPath() {
    int strictlyBetter = 0;
    for (int trial = 0; trial < 300; trial++) {
      int t = 3 + trial % 3;
      int blank = trial % 3;
      Tensor y = logProbs(t, 3);
      Map<List<Integer>, Double> p = AllAlignments.probabilities(y, blank);
      double greedy = exact(p, CtcGreedy.decode(y, blank));
      double beam = exact(p, new CtcPrefixBeamSearch(WIDE, blank).search(y).get(0).labels());
      assertTrue(beam >= greedy * (1 - 1e-9), "trial " + trial);
      strictlyBetter += beam > greedy * (1 + 1e-9) ? 1 : 0;
    }
    assertTrue(strictlyBetter >= 10, "the inputs make the best path miss the best sequence "
        + "often enough to matter, got " + strictlyBetter + " of 300");
  }

  /**
   * Not a guarantee for a narrow beam: here k = 3 prunes, after frame 1, a prefix that (1 2)
   * needs, so (1 2), the best-path result and the most probable sequence, loses the probability
   * of some of its alignments and falls behind (2).
   */
  @Test
  void aNarrowBeamCanLoseToTheBestPath() {
    Tensor y = Tensor.of(new float[] {-1.037204f, -0.965641f, -1.3287176f, -0.90458995f,
        -1.2674141f, -1.1592116f, -2.4335485f, -1.3611923f, -0.42171633f}, 3, 3);
    Map<List<Integer>, Double> p = AllAlignments.probabilities(y, 0);
    int[] greedy = CtcGreedy.decode(y, 0);
    int[] narrow = new CtcPrefixBeamSearch(3, 0).search(y).get(0).labels();
    int[] wide = new CtcPrefixBeamSearch(WIDE, 0).search(y).get(0).labels();
    assertEquals(List.of(1, 2), AllAlignments.list(greedy));
    assertEquals(List.of(2), AllAlignments.list(narrow));
    assertEquals(List.of(1, 2), AllAlignments.list(wide));
    assertTrue(exact(p, narrow) < exact(p, greedy));
  }

  @Test
  void rescoringWithTheBestPathIsAtLeastAsProbableAsTheBestPath() {
    for (int trial = 0; trial < 300; trial++) {
      int t = 3 + trial % 3;
      int blank = trial % 3;
      Tensor y = logProbs(t, 3);
      Map<List<Integer>, Double> p = AllAlignments.probabilities(y, blank);
      double greedy = exact(p, CtcGreedy.decode(y, blank));
      for (int k = 1; k <= 3; k++) {
        List<CtcHypothesis> found = new CtcPrefixBeamSearch(k, blank).searchRescored(y);
        assertTrue(found.size() >= 1 && found.size() <= k + 1, "1 to k + 1 results");
        double previous = Double.POSITIVE_INFINITY;
        for (CtcHypothesis h : found) {
          double expected = exact(p, h.labels());
          assertEquals(expected, Math.exp(h.logProbability()), 1e-9 * expected, "exact: " + h);
          assertTrue(h.logProbability() <= previous, "highest first");
          previous = h.logProbability();
        }
        assertTrue(Math.exp(found.get(0).logProbability()) >= greedy * (1 - 1e-9),
            "trial " + trial + " k " + k);
      }
    }
    Tensor pinned = Tensor.of(new float[] {-1.037204f, -0.965641f, -1.3287176f, -0.90458995f,
        -1.2674141f, -1.1592116f, -2.4335485f, -1.3611923f, -0.42171633f}, 3, 3);
    assertEquals(List.of(1, 2), AllAlignments.list(
        new CtcPrefixBeamSearch(3, 0).searchRescored(pinned).get(0).labels()),
        "the input where the narrow beam alone loses to the best path");
  }

  @Test
  void repeatedLabelsNeedABlankBetweenThem() {
    // two frames certain of class 1: only "1"; with a certain blank in between: "1 1"
    float certain = 0f;
    float never = Float.NEGATIVE_INFINITY;
    Tensor merged = Tensor.of(new float[] {never, certain, never, certain}, 2, 2);
    assertEquals(List.of(1), AllAlignments.list(
        new CtcPrefixBeamSearch(4, 0).search(merged).get(0).labels()));
    Tensor split = Tensor.of(new float[] {never, certain, certain, never, never, certain}, 3, 2);
    List<CtcHypothesis> found = new CtcPrefixBeamSearch(4, 0).search(split);
    assertEquals(List.of(1, 1), AllAlignments.list(found.get(0).labels()));
    assertEquals(0.0, found.get(0).logProbability(), 1e-12);
    assertEquals(1, found.size(), "no other sequence has a probability above 0");
  }

  @Test
  void aBatchIsSearchedSequenceBySequence() {
    Tensor a = logProbs(4, 3);
    Tensor b = logProbs(4, 3);
    float[] y = new float[4 * 2 * 3];
    for (int t = 0; t < 4; t++) {
      System.arraycopy(a.data(), t * 3, y, (t * 2) * 3, 3);
      System.arraycopy(b.data(), t * 3, y, (t * 2 + 1) * 3, 3);
    }
    CtcPrefixBeamSearch search = new CtcPrefixBeamSearch(3, 0);
    List<List<CtcHypothesis>> both = search.search(Tensor.of(y, 4, 2, 3), new int[] {4, 2});
    assertEquals(search.search(a), both.get(0));
    assertEquals(search.search(b.slice(0, 0, 2)), both.get(1));
  }

  @Test
  void noFramesGiveTheEmptySequenceWithProbabilityOne() {
    List<CtcHypothesis> found = new CtcPrefixBeamSearch(2, 0).search(Tensor.zeros(0, 3));
    assertEquals(1, found.size());
    assertEquals(0, found.get(0).labels().length);
    assertEquals(0.0, found.get(0).logProbability());
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CtcPrefixBeamSearch(0, 0));
    assertTrue(e.getMessage().contains("beamWidth must be ≥ 1, got 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CtcPrefixBeamSearch(2, 3).search(Tensor.zeros(2, 3)));
    assertTrue(e.getMessage().contains("blank must lie in [0, 3)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CtcPrefixBeamSearch(2, 0, new CtcLexicon(0, new int[] {1})));
    assertTrue(e.getMessage().contains("must not use the blank 0"), e.getMessage());
    assertFalse(new CtcLexicon(3, new int[] {1, 2}).uses(0));
  }
}
