package org.rnn4j.metrics;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Corpus chrF, the character n-gram F-score (Popović, 2015), computed as sacrebleu computes it by
 * default (chrF2: character n-grams up to 6, β = 2, whitespace removed, no word n-grams, one
 * reference per sentence). It suits outputs made of characters, where BLEU over words has few
 * words to match: a one-word output that differs in one character scores 0 BLEU but a high chrF.
 * Add the sentence pairs one by one, then ask for the {@link #score}:
 *
 * <pre>
 * h, r = the hypothesis and reference with all whitespace removed, as code points
 * m_n = Σ_sentences Σ_{g ∈ n-grams(h)} min(count_h(g), count_r(g))    matches, n = 1…6
 * t_n = Σ_sentences max(0, |h| − n + 1),  u_n = Σ_sentences max(0, |r| − n + 1)
 * orders that count: t_n &gt; 0 and u_n &gt; 0 (k of them)
 * P = (1/k) Σ m_n / t_n,  R = (1/k) Σ m_n / u_n   over the orders that count (0 when k = 0)
 * chrF = 100 · (1 + β²) · P · R / (β² · P + R),  0 when P + R = 0
 * </pre>
 * Counts are summed over the corpus before the precisions are formed, so corpus chrF is not the
 * mean of sentence chrF. Characters compare exactly (no case folding).
 */
public final class ChrF {
  /** The longest character n-gram, 6. */
  public static final int ORDER = 6;
  /** β, the weight of recall against precision, 2. */
  public static final double BETA = 2;

  private final long[] matches = new long[ORDER]; // (6) m_n
  private final long[] hypothesisGrams = new long[ORDER]; // (6) t_n
  private final long[] referenceGrams = new long[ORDER]; // (6) u_n
  private long sentences;

  /**
   * Counts one sentence pair.
   *
   * @param hypothesis the system's text, possibly empty
   * @param reference the reference text, possibly empty
   * @return this, to chain calls
   * @throws IllegalArgumentException if either is null
   */
  public ChrF add(String hypothesis, String reference) {
    if (hypothesis == null || reference == null) {
      throw new IllegalArgumentException("hypothesis and reference must be given, got "
          + hypothesis + " and " + reference);
    }
    int[] h = withoutWhitespace(hypothesis);
    int[] r = withoutWhitespace(reference);
    for (int n = 1; n <= ORDER; n++) {
      Map<String, Integer> hyp = grams(h, n);
      Map<String, Integer> ref = grams(r, n);
      hypothesisGrams[n - 1] += Math.max(0, h.length - n + 1);
      referenceGrams[n - 1] += Math.max(0, r.length - n + 1);
      for (Map.Entry<String, Integer> g : hyp.entrySet()) {
        matches[n - 1] += Math.min(g.getValue(), ref.getOrDefault(g.getKey(), 0));
      }
    }
    sentences++;
    return this;
  }

  /** The number of sentence pairs added. */
  public long sentences() {
    return sentences;
  }

  /** The corpus score of the pairs added so far; 0 with no pairs. */
  public ChrFScore score() {
    double precision = 0;
    double recall = 0;
    int orders = 0;
    for (int n = 0; n < ORDER; n++) {
      if (hypothesisGrams[n] > 0 && referenceGrams[n] > 0) {
        precision += (double) matches[n] / hypothesisGrams[n];
        recall += (double) matches[n] / referenceGrams[n];
        orders++;
      }
    }
    if (orders > 0) {
      precision /= orders;
      recall /= orders;
    }
    double b2 = BETA * BETA;
    double f = precision + recall == 0 ? 0
        : 100 * (1 + b2) * precision * recall / (b2 * precision + recall);
    return new ChrFScore(f, 100 * precision, 100 * recall);
  }

  private static int[] withoutWhitespace(String text) {
    return text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).toArray();
  }

  /** The character n-grams of a text (code points) with their counts. */
  private static Map<String, Integer> grams(int[] text, int n) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + n <= text.length; i++) {
      out.merge(new String(text, i, n), 1, Integer::sum);
    }
    return out;
  }

  /**
   * A corpus chrF score with its parts, each in [0, 100].
   *
   * @param score chrF2
   * @param precision P, the mean character n-gram precision over the orders that count
   * @param recall R, the mean recall
   */
  public record ChrFScore(double score, double precision, double recall) {
    /** {@code chrF2 = 61.58 (P 64.21, R 60.96; character 6-grams, β = 2, whitespace removed)}. */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "chrF2 = %.2f (P %.2f, R %.2f; character 6-grams,"
          + " β = 2, whitespace removed)", score, precision, recall);
    }
  }
}
