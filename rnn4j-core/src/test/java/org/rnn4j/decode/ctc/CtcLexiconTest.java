package org.rnn4j.decode.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

/**
 * The word list: what it accepts, and that the constrained beam search returns only accepted
 * outputs and, when wide, exactly the accepted sequences with their exact probabilities.
 * Classes: 0 the blank, 1 and 2 letters, 3 the separator (a space).
 */
class CtcLexiconTest {
  private static final int SPACE = 3;
  private final SplittableRandom rng = new SplittableRandom(17);
  private final CtcLexicon words =
      new CtcLexicon(SPACE, new int[] {1}, new int[] {1, 2}, new int[] {2, 2, 1});

  @Test
  void acceptsWordsSeparatedBySingleSeparators() {
    assertTrue(words.accepts(new int[] {}));
    assertTrue(words.accepts(new int[] {1}));
    assertTrue(words.accepts(new int[] {1, 2, SPACE, 1}));
    assertTrue(words.accepts(new int[] {2, 2, 1, SPACE}), "one trailing separator");
    assertFalse(words.accepts(new int[] {2, 2}), "a prefix of a word, not a word");
    assertFalse(words.accepts(new int[] {SPACE, 1}), "leading separator");
    assertFalse(words.accepts(new int[] {1, SPACE, SPACE, 1}), "two separators");
    assertFalse(words.accepts(new int[] {2, 1}), "not a word");
    assertEquals(CtcLexicon.REJECTED, words.walk(new int[] {1, 1}));
    assertTrue(words.walk(new int[] {2, 2}) != CtcLexicon.REJECTED, "can still become 2 2 1");
  }

  @Test
  void rejectsEmptyWordsAndWordsHoldingTheSeparator() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CtcLexicon(SPACE, new int[] {1}, new int[] {}));
    assertTrue(e.getMessage().contains("words[1] must not be empty"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CtcLexicon(SPACE, new int[] {1, SPACE, 2}));
    assertTrue(e.getMessage().contains("other than the separator 3, got 3"), e.getMessage());
  }

  @Test
  void aWideConstrainedBeamFindsEveryAcceptedSequenceWithItsExactProbability() {
    for (int trial = 0; trial < 40; trial++) {
      int t = 1 + trial % 6;
      Tensor y = Tensor.uniform(rng, -2f, 2f, t, 4).logSoftmax();
      List<Map.Entry<List<Integer>, Double>> accepted = new ArrayList<>();
      for (Map.Entry<List<Integer>, Double> e : AllAlignments.probabilities(y, 0).entrySet()) {
        if (words.accepts(e.getKey().stream().mapToInt(Integer::intValue).toArray())) {
          accepted.add(e);
        }
      }
      List<CtcHypothesis> found = new CtcPrefixBeamSearch(10_000, 0, words).search(y);
      assertEquals(accepted.size(), found.size(), "trial " + trial);
      for (CtcHypothesis h : found) {
        double expected = AllAlignments.probabilities(y, 0)
            .get(AllAlignments.list(h.labels()));
        assertEquals(expected, Math.exp(h.logProbability()), 1e-9 * expected, h.toString());
      }
      double best = accepted.stream().mapToDouble(Map.Entry::getValue).max().orElseThrow();
      assertEquals(best, Math.exp(found.get(0).logProbability()), 1e-9 * best);
    }
  }

  @Test
  void aNarrowConstrainedBeamOnlyEverReturnsAllowedWords() {
    int nonEmpty = 0;
    for (int trial = 0; trial < 200; trial++) {
      int t = 4 + trial % 5;
      Tensor y = Tensor.uniform(rng, -3f, 3f, t, 4).logSoftmax();
      for (int k = 1; k <= 4; k++) {
        for (CtcHypothesis h : new CtcPrefixBeamSearch(k, 0, words).search(y)) {
          assertTrue(words.accepts(h.labels()), h.toString());
          nonEmpty += h.labels().length > 0 ? 1 : 0;
        }
      }
    }
    assertTrue(nonEmpty > 100, "the search returns words, not only the empty output: " + nonEmpty);
  }

  @Test
  void theConstraintChangesTheAnswer() {
    // frames favour 2 2 1, read 2 1, which is not a word; 2 2 1 needs 4 frames (a blank
    // between the 2s), so the best accepted output is the word 1: each frame ∅ or 1, neither
    // ∅ ∅ ∅ nor 1 ∅ 1 (that reads 1 1)
    float lo = (float) Math.log(0.05);
    float hi = (float) Math.log(0.85);
    Tensor y = Tensor.of(new float[] {lo, lo, hi, lo, lo, lo, hi, lo, lo, hi, lo, lo}, 3, 4);
    assertEquals(List.of(2, 1), AllAlignments.list(CtcGreedy.decode(y, 0)));
    assertEquals(List.of(2, 1), AllAlignments.list(
        new CtcPrefixBeamSearch(8, 0).search(y).get(0).labels()));
    CtcHypothesis constrained = new CtcPrefixBeamSearch(8, 0, words).search(y).get(0);
    assertEquals(List.of(1), AllAlignments.list(constrained.labels()));
    double p = 0.1 * 0.1 * 0.9 - 0.05 * 0.05 * 0.05 - 0.05 * 0.05 * 0.85;
    assertEquals(p, Math.exp(constrained.logProbability()), 1e-6);
  }
}
