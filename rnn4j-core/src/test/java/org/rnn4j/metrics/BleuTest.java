package org.rnn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Corpus BLEU against hand counts and against sacrebleu 2.6.0. The sacrebleu figures were
 * printed by {@code sacrebleu.corpus_bleu(hyps, [refs], tokenize="none", smooth_method=…)}
 * (its {@code .score}, {@code .counts}, {@code .totals}, {@code .bp}) on the sentences below,
 * run once by hand; the build does not need Python.
 */
class BleuTest {
  private static List<String> tokens(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split(" "));
  }

  private static BleuScore score(List<String> hyps, List<String> refs, Bleu.Smoothing s) {
    Bleu bleu = new Bleu();
    for (int i = 0; i < hyps.size(); i++) {
      bleu.add(tokens(hyps.get(i)), tokens(refs.get(i)));
    }
    return bleu.score(s);
  }

  @Test
  void oneSentenceMatchesHandCounts() {
    // hyp "the cat sat on the mat" against "the cat is on the mat": clipped matches 5/6 unigrams,
    // 3/5 bigrams, 1/4 trigrams, 0/3 4-grams; c = r = 6, so BP = 1.
    List<String> hyp = List.of("the cat sat on the mat");
    List<String> ref = List.of("the cat is on the mat");
    BleuScore none = score(hyp, ref, Bleu.Smoothing.NONE);
    assertEquals(0.0, none.score());
    assertArrayEquals(new long[] {5, 3, 1, 0}, none.matches());
    assertArrayEquals(new long[] {6, 5, 4, 3}, none.totals());
    assertEquals(1.0, none.brevityPenalty());
    // exp: the first order without a match gets 1 / (2 · 3); BLEU = 100 (5/6 · 3/5 · 1/4 · 1/6)^¼
    BleuScore exp = score(hyp, ref, Bleu.Smoothing.EXP);
    assertEquals(100 * Math.pow(5.0 / 6 * 3.0 / 5 * 1.0 / 4 * 1.0 / 6, 0.25), exp.score(), 1e-9);
    assertEquals(37.99178428257963, exp.score(), 1e-9); // sacrebleu
    assertArrayEquals(new double[] {5.0 / 6, 3.0 / 5, 1.0 / 4, 1.0 / 6}, exp.precisions(), 1e-15);
  }

  @Test
  void clippedCountsAreSummedOverTheCorpusAsSacrebleuDoes() {
    List<String> hyps = List.of("the the the the the the the", "a cat sat on the mat today",
        "there is a cat on the mat",
        "he read the book because he was interested in world history", "I am tired .");
    List<String> refs = List.of("the cat is on the mat", "the cat sat on the mat",
        "the cat is on the mat",
        "he was interested in world history because he read the book", "I am very tired .");
    for (Bleu.Smoothing s : Bleu.Smoothing.values()) {
      BleuScore b = score(hyps, refs, s);
      assertEquals(46.10805203975192, b.score(), 1e-9, s.toString()); // sacrebleu, either smoothing
      assertArrayEquals(new long[] {27, 17, 10, 6}, b.matches());
      assertArrayEquals(new long[] {36, 31, 26, 21}, b.totals());
      assertEquals(36, b.hypothesisLength());
      assertEquals(34, b.referenceLength());
      assertEquals(1.0, b.brevityPenalty());
    }
  }

  @Test
  void expSmoothingHalvesEachFurtherOrderWithoutAMatchAndShortOutputIsPenalised() {
    List<String> hyps = List.of("das ist ein haus .", "a b c d e", "the cat the dog");
    List<String> refs = List.of("this is a house .", "a b x d e f g", "the dog the cat ran away");
    BleuScore none = score(hyps, refs, Bleu.Smoothing.NONE);
    BleuScore exp = score(hyps, refs, Bleu.Smoothing.EXP);
    assertEquals(0.0, none.score());
    assertArrayEquals(new long[] {9, 4, 0, 0}, exp.matches());
    assertArrayEquals(new long[] {14, 11, 8, 5}, exp.totals());
    // c = 14 < r = 18: BP = exp(1 − 18/14); p3 = 1/(2·8), p4 = 1/(4·5)
    assertEquals(Math.exp(1 - 18.0 / 14), exp.brevityPenalty(), 1e-15);
    assertEquals(0.7514772930752859, exp.brevityPenalty(), 1e-15); // sacrebleu
    assertEquals(100 * Math.exp(1 - 18.0 / 14)
        * Math.pow(9.0 / 14 * 4.0 / 11 / 16 / 20, 0.25), exp.score(), 1e-9);
    assertEquals(12.354461283032999, exp.score(), 1e-9); // sacrebleu
  }

  @Test
  void aPerfectMatchScoresOneHundred() {
    List<String> refs = List.of("I am very tired .", "he was interested in world history");
    assertEquals(100.0, score(refs, refs, Bleu.Smoothing.NONE).score(), 1e-12);
    assertEquals(100.0, score(refs, refs, Bleu.Smoothing.EXP).score(), 1e-12);
  }

  @Test
  void emptyHypothesesScoreZeroAndCountOnlyAsLength() {
    assertEquals(0.0, score(List.of(""), List.of("the cat"), Bleu.Smoothing.EXP).score());
    assertEquals(0.0, score(List.of(""), List.of("the cat"), Bleu.Smoothing.EXP)
        .brevityPenalty());
    // one empty and one perfect hypothesis: precisions 1, BP = exp(1 − 8/6)
    BleuScore b = score(List.of("", "the cat sat on the mat"),
        List.of("the cat", "the cat sat on the mat"), Bleu.Smoothing.EXP);
    assertEquals(100 * Math.exp(1 - 8.0 / 6), b.score(), 1e-9);
    assertEquals(71.65313105737896, b.score(), 1e-9); // sacrebleu
    assertEquals(0.0, new Bleu().score().score(), "an empty corpus");
  }

  @Test
  void hypothesesShorterThanFourTokensEverywhereScoreZeroEvenSmoothed() {
    // no hypothesis has a 4-gram (t_4 = 0): sacrebleu stops there and gives 0, BP = exp(1 − 12/5)
    BleuScore b = score(List.of("the cat", "on the mat"),
        List.of("the cat sat on the mat", "the dog is on the mat"), Bleu.Smoothing.EXP);
    assertEquals(0.0, b.score());
    assertArrayEquals(new long[] {5, 3, 1, 0}, b.matches());
    assertEquals(0.2465969639416065, b.brevityPenalty(), 1e-15); // sacrebleu
  }

  @Test
  void noMatchAtAllScoresZeroEvenSmoothed() {
    BleuScore b = score(List.of("x y z w"), List.of("a b c d"), Bleu.Smoothing.EXP);
    assertEquals(0.0, b.score());
    assertArrayEquals(new double[4], b.precisions());
  }

  @Test
  void corpusPairsTheListsAndRejectsUnequalLengths() {
    List<List<String>> hyps = List.of(tokens("the cat sat on the mat"));
    assertEquals(37.99178428257963,
        Bleu.corpus(hyps, List.of(tokens("the cat is on the mat"))).score(), 1e-9);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bleu.corpus(hyps, List.of()));
    assertEquals("hypotheses and references must pair up: got 1 hypotheses and 0 references",
        e.getMessage());
  }

  @Test
  void printsLikeSacrebleu() {
    BleuScore b = score(List.of("the cat sat on the mat"), List.of("the cat is on the mat"),
        Bleu.Smoothing.EXP);
    assertEquals("BLEU = 37.99 83.3/60.0/25.0/16.7 (BP = 1.000 ratio = 1.000 hyp_len = 6"
        + " ref_len = 6)", b.toString());
    assertEquals(Arrays.toString(new double[] {5.0 / 6, 0.6, 0.25, 1.0 / 6}),
        Arrays.toString(b.precisions()));
  }
}
