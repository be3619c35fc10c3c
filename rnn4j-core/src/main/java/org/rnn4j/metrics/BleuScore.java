package org.rnn4j.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * A corpus BLEU score and its parts (see {@link Bleu} for the formulas).
 *
 * @param score BLEU in [0, 100]
 * @param precisions (4) p_1 … p_4 in [0, 1], smoothed as asked
 * @param brevityPenalty BP in [0, 1]
 * @param hypothesisLength c, hypothesis tokens in the corpus
 * @param referenceLength r, reference tokens in the corpus
 * @param matches (4) m_1 … m_4, clipped n-gram matches
 * @param totals (4) t_1 … t_4, hypothesis n-grams
 */
public record BleuScore(double score, double[] precisions, double brevityPenalty,
    long hypothesisLength, long referenceLength, long[] matches, long[] totals) {

  /** Copies the arrays, so the record stays unchanged. */
  public BleuScore {
    precisions = precisions.clone();
    matches = matches.clone();
    totals = totals.clone();
  }

  /** A copy of p_1 … p_4. */
  @Override
  public double[] precisions() {
    return precisions.clone();
  }

  /** A copy of m_1 … m_4. */
  @Override
  public long[] matches() {
    return matches.clone();
  }

  /** A copy of t_1 … t_4. */
  @Override
  public long[] totals() {
    return totals.clone();
  }

  /** c / r, the hypothesis length over the reference length (NaN for an empty reference). */
  public double lengthRatio() {
    return referenceLength == 0 ? Double.NaN : (double) hypothesisLength / referenceLength;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BleuScore s && Double.compare(score, s.score) == 0
        && Arrays.equals(precisions, s.precisions)
        && Double.compare(brevityPenalty, s.brevityPenalty) == 0
        && hypothesisLength == s.hypothesisLength && referenceLength == s.referenceLength
        && Arrays.equals(matches, s.matches) && Arrays.equals(totals, s.totals);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(score) * 31 + Arrays.hashCode(matches) * 7 + Arrays.hashCode(totals);
  }

  /** As sacrebleu prints it: {@code BLEU = 23.45 55.1/30.2/18.0/11.2 (BP = 0.950 …)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "BLEU = %.2f %.1f/%.1f/%.1f/%.1f (BP = %.3f ratio = %.3f"
            + " hyp_len = %d ref_len = %d)", score, 100 * precisions[0], 100 * precisions[1],
        100 * precisions[2], 100 * precisions[3], brevityPenalty, lengthRatio(),
        hypothesisLength, referenceLength);
  }
}
