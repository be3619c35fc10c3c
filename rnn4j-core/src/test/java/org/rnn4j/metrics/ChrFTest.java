package org.rnn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** chrF against the figures sacrebleu's CHRF (its defaults) prints for the same texts. */
class ChrFTest {
  @Test
  void oneSentenceMatchesSacrebleu() {
    ChrF chrf = new ChrF().add("The relationship between Obama and Netanyahu is not exactly"
        + " friendly.", "The ties between Obama and Netanyahu are not particularly friendly.");
    assertEquals(61.576379378113785, chrf.score().score(), 1e-9);
  }

  @Test
  void aCorpusSumsItsCountsAsSacrebleuDoes() {
    ChrF chrf = new ChrF()
        .add("The relationship between cats and dogs is not exactly friendly.",
            "The relationship between dogs and cats is not exactly friendly.")
        .add("a good bookshop is just a genteel black hole that knows how to read.",
            "A good bookshop is just a genteel Black Hole that knows how to read.");
    assertEquals(84.64214891738334, chrf.score().score(), 1e-9);
    assertEquals(2, chrf.sentences());
  }

  @Test
  void handCountedShortOutputs() {
    // "2021-03-04" against "2021-03-05": 10 characters each; per order n, 10−n+1 grams of which
    // the last one differs (the n-grams holding the final digit: 1 each), so m_n = 10 − n
    // P = R = (1/6) Σ_{n=1..6} (10 − n) / (11 − n); chrF = 100 · P (as P = R)
    double p = 0;
    for (int n = 1; n <= 6; n++) {
      p += (10.0 - n) / (11 - n);
    }
    p /= 6;
    assertEquals(100 * p, new ChrF().add("2021-03-04", "2021-03-05").score().score(), 1e-9);
    assertEquals(100, new ChrF().add("a b", "ab").score().score(), 1e-9, "whitespace removed");
    assertEquals(0, new ChrF().add("", "abc").score().score());
    assertEquals(0, new ChrF().score().score());
    // orders longer than a text do not count: "ab" vs "ab" has only 1- and 2-grams, all matching
    assertEquals(100, new ChrF().add("ab", "ab").score().score(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> new ChrF().add(null, "a"));
  }
}
