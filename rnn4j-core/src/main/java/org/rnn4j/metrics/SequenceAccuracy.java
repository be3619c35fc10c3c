package org.rnn4j.metrics;

import java.util.List;

/**
 * Exact match and token accuracy of predicted token sequences against references:
 *
 * <pre>
 * exact match     = #{sentences : hyp = ref} / #sentences          same tokens, same length
 * token accuracy  = Σ_sentences #{i &lt; |ref| : i &lt; |hyp| and hyp[i] = ref[i]} / Σ |ref|
 * </pre>
 *
 * Token accuracy compares position by position over the reference's length: a missing token is
 * wrong, extra tokens after the reference's end are not counted (exact match sees them), and an
 * inserted or dropped token shifts every later position, which then counts as wrong.
 */
public final class SequenceAccuracy {
  private long sentences;
  private long exact;
  private long correctTokens;
  private long referenceTokens;

  /**
   * Counts one sentence pair.
   *
   * @param hypothesis the predicted tokens
   * @param reference the reference tokens
   * @return this, to chain calls
   * @throws IllegalArgumentException if either is null
   */
  public SequenceAccuracy add(List<String> hypothesis, List<String> reference) {
    if (hypothesis == null || reference == null) {
      throw new IllegalArgumentException("hypothesis and reference must be given, got "
          + hypothesis + " and " + reference);
    }
    sentences++;
    exact += hypothesis.equals(reference) ? 1 : 0;
    for (int i = 0; i < Math.min(hypothesis.size(), reference.size()); i++) {
      correctTokens += hypothesis.get(i).equals(reference.get(i)) ? 1 : 0;
    }
    referenceTokens += reference.size();
    return this;
  }

  /** The number of pairs added. */
  public long sentences() {
    return sentences;
  }

  /** The fraction of pairs whose hypothesis equals the reference; NaN before any pair. */
  public double exactMatch() {
    return sentences == 0 ? Double.NaN : (double) exact / sentences;
  }

  /** The fraction of reference positions predicted right; NaN before any reference token. */
  public double tokenAccuracy() {
    return referenceTokens == 0 ? Double.NaN : (double) correctTokens / referenceTokens;
  }
}
