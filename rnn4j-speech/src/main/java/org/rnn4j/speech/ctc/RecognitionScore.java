package org.rnn4j.speech.ctc;

import org.rnn4j.metrics.EditDistance;

/**
 * Counts of how decoded symbol sequences differ from the references: the symbol error rate
 * (for digits, the digit error rate) and the share of utterances recognised exactly.
 *
 * <pre>
 * error rate = Σ edit distance(hypothesis, reference) / Σ |reference|
 * </pre>
 */
public final class RecognitionScore {
  private long edits;
  private long referenceSymbols;
  private long utterances;
  private long exact;

  /**
   * Adds one utterance.
   *
   * @param hypothesis the decoded class ids
   * @param reference the transcript's class ids
   * @return this
   */
  public RecognitionScore add(int[] hypothesis, int[] reference) {
    int d = EditDistance.levenshtein(hypothesis, reference);
    edits += d;
    referenceSymbols += reference.length;
    utterances++;
    if (d == 0) {
      exact++;
    }
    return this;
  }

  /** Insertions, deletions and substitutions over all utterances. */
  public long edits() {
    return edits;
  }

  /** Symbols in the references. */
  public long referenceSymbols() {
    return referenceSymbols;
  }

  /** Utterances counted. */
  public long utterances() {
    return utterances;
  }

  /** Edits over reference symbols; NaN before any symbol. */
  public double errorRate() {
    return referenceSymbols == 0 ? Double.NaN : (double) edits / referenceSymbols;
  }

  /** The share of utterances decoded exactly; NaN before any. */
  public double utteranceAccuracy() {
    return utterances == 0 ? Double.NaN : (double) exact / utterances;
  }
}
