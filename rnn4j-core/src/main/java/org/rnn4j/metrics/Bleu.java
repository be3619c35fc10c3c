package org.rnn4j.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Corpus BLEU (Papineni et al., 2002) computed as sacrebleu computes it on text that is already
 * tokenised (its {@code tokenize='none'}), with one reference per sentence. Add the sentence
 * pairs one by one, then ask for the {@link #score}:
 *
 * <pre>
 * m_n = Σ_sentences Σ_{g ∈ n-grams(hyp)} min(count_hyp(g), count_ref(g))   clipped matches, n = 1…4
 * t_n = Σ_sentences max(0, |hyp| − n + 1)                                   hypothesis n-grams
 * c = Σ |hyp|,  r = Σ |ref|                                                 corpus lengths, tokens
 * BP = 1 if c ≥ r;  exp(1 − r/c) if 0 &lt; c &lt; r;  0 if c = 0 &lt; r        brevity penalty
 * BLEU = 100 · BP · exp(¼ Σ_{n=1..4} log p_n)
 *
 * NONE  p_n = m_n / t_n; BLEU = 0 when some p_n = 0
 * EXP   p_n = m_n / t_n when m_n &gt; 0; the k-th order (k = 1, 2, …, counted from n = 1) with
 *       m_n = 0 gets p_n = 1 / (2^k · t_n)        (NIST mteval-v13a, sacrebleu's default)
 * both  an order with t_n = 0 (every hypothesis shorter than n tokens) has p_n = 0, so BLEU = 0;
 *       no match at all (m_1 = … = m_4 = 0) gives BLEU = 0 with every p_n = 0
 * </pre>
 *
 * <p>Counts are summed over the corpus before the precisions are formed, so corpus BLEU is not the
 * mean of sentence BLEU. Tokens compare as strings, exactly (no case folding).
 */
public final class Bleu {
  /** The longest n-gram, N = 4. */
  public static final int MAX_ORDER = 4;

  /** What to do with n-gram orders that have no match. */
  public enum Smoothing {
    /** No smoothing: an order without a match makes BLEU 0. */
    NONE,
    /** sacrebleu's default 'exp': halve the precision of each further order without a match. */
    EXP
  }

  private final long[] matches = new long[MAX_ORDER]; // (N) m_n, clipped n-gram matches
  private final long[] totals = new long[MAX_ORDER]; // (N) t_n, hypothesis n-grams
  private long hypothesisLength; // c
  private long referenceLength; // r
  private long sentences;

  /**
   * Counts one sentence pair.
   *
   * @param hypothesis the system's tokens, possibly empty
   * @param reference the reference tokens, possibly empty
   * @return this, to chain calls
   * @throws IllegalArgumentException if a list or token is null
   */
  public Bleu add(List<String> hypothesis, List<String> reference) {
    if (hypothesis == null || reference == null
        || hypothesis.stream().anyMatch(Objects::isNull)
        || reference.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("hypothesis and reference must be lists of tokens, got "
          + hypothesis + " and " + reference);
    }
    hypothesisLength += hypothesis.size();
    referenceLength += reference.size();
    sentences++;
    for (int n = 1; n <= MAX_ORDER; n++) {
      Map<List<String>, Integer> ref = ngrams(reference, n);
      for (Map.Entry<List<String>, Integer> g : ngrams(hypothesis, n).entrySet()) {
        matches[n - 1] += Math.min(g.getValue(), ref.getOrDefault(g.getKey(), 0));
      }
      totals[n - 1] += Math.max(0, hypothesis.size() - n + 1);
    }
    return this;
  }

  /** The count of every n-gram of one order in a sentence. */
  private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
    }
    return counts;
  }

  /** The number of sentence pairs added. */
  public long sentences() {
    return sentences;
  }

  /** The corpus BLEU with sacrebleu's default smoothing, {@link Smoothing#EXP}. */
  public BleuScore score() {
    return score(Smoothing.EXP);
  }

  /**
   * The corpus BLEU of the pairs added so far.
   *
   * @param smoothing how orders without a match count
   * @return the score with its parts; 0 for an empty corpus
   */
  public BleuScore score(Smoothing smoothing) {
    double brevity = hypothesisLength >= referenceLength ? 1
        : hypothesisLength == 0 ? 0 : Math.exp(1 - (double) referenceLength / hypothesisLength);
    double[] precisions = new double[MAX_ORDER]; // (N) p_n in [0, 1]
    if (Arrays.stream(matches).allMatch(m -> m == 0)) {
      return new BleuScore(0, precisions, brevity, hypothesisLength, referenceLength, matches,
          totals);
    }
    int unmatched = 0; // k, orders without a match so far
    for (int n = 0; n < MAX_ORDER; n++) {
      if (totals[n] == 0) {
        break; // this and every longer order stay 0, as in sacrebleu
      }
      if (matches[n] > 0) {
        precisions[n] = (double) matches[n] / totals[n];
      } else if (smoothing == Smoothing.EXP) {
        unmatched++;
        precisions[n] = 1 / (Math.pow(2, unmatched) * totals[n]);
      }
    }
    double logMean = 0;
    for (double p : precisions) {
      logMean += p == 0 ? Double.NEGATIVE_INFINITY : Math.log(p) / MAX_ORDER;
    }
    double bleu = logMean == Double.NEGATIVE_INFINITY || brevity == 0 ? 0
        : 100 * brevity * Math.exp(logMean);
    return new BleuScore(bleu, precisions, brevity, hypothesisLength, referenceLength, matches,
        totals);
  }

  /**
   * Corpus BLEU of aligned lists, with sacrebleu's default smoothing.
   *
   * @param hypotheses (N) the system's tokens per sentence
   * @param references (N) the reference tokens per sentence
   * @return the score
   * @throws IllegalArgumentException if the lists differ in length
   */
  public static BleuScore corpus(List<List<String>> hypotheses, List<List<String>> references) {
    if (hypotheses.size() != references.size()) {
      throw new IllegalArgumentException("hypotheses and references must pair up: got "
          + hypotheses.size() + " hypotheses and " + references.size() + " references");
    }
    Bleu bleu = new Bleu();
    for (int i = 0; i < hypotheses.size(); i++) {
      bleu.add(hypotheses.get(i), references.get(i));
    }
    return bleu.score();
  }
}
