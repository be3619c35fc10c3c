package org.rnn4j.metrics;

/**
 * Character error rate over a corpus: the Levenshtein edits that turn each hypothesis into its
 * reference, summed, over the reference characters, summed.
 *
 * <pre>
 * CER = Σ_sentences levenshtein(hyp, ref) / Σ_sentences |ref|      characters = Unicode code points
 * </pre>
 * It is 0 for a perfect match, 1 for an empty hypothesis, and can exceed 1 when the hypotheses
 * are longer than the references. Characters compare exactly, spaces included; normalise case or
 * Unicode form first if they should not count.
 */
public final class CharacterErrorRate {
  private long edits;
  private long referenceCharacters;

  /**
   * Counts one sentence pair.
   *
   * @param hypothesis the system's text
   * @param reference the reference text
   * @return this, to chain calls
   * @throws IllegalArgumentException if either is null
   */
  public CharacterErrorRate add(String hypothesis, String reference) {
    if (hypothesis == null || reference == null) {
      throw new IllegalArgumentException("hypothesis and reference must be given, got "
          + hypothesis + " and " + reference);
    }
    int[] ref = reference.codePoints().toArray();
    edits += EditDistance.levenshtein(hypothesis.codePoints().toArray(), ref);
    referenceCharacters += ref.length;
    return this;
  }

  /** Σ edits, over all pairs added. */
  public long edits() {
    return edits;
  }

  /** Σ |ref|, the reference characters of all pairs added. */
  public long referenceCharacters() {
    return referenceCharacters;
  }

  /** The character error rate, ≥ 0; NaN while no reference character has been added. */
  public double rate() {
    return referenceCharacters == 0 ? Double.NaN : (double) edits / referenceCharacters;
  }
}
