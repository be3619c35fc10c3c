package org.rnn4j.decode;

import java.util.Arrays;

/**
 * One result of {@link BeamSearch}: tokens y⟨1⟩ … y⟨m⟩ after the prime, and
 *
 * <pre>
 * logProbability = Σ_t log p(y⟨t⟩ | prime, y⟨&lt;t⟩)    over the m tokens, plus the end token
 *                                                     when finished (natural log, ≤ 0)
 * length         = m + 1 if finished, else m
 * score          = logProbability / length^α           α = lengthPenalty; α = 0 gives Σ log p
 * </pre>
 *
 * @param ids (m) the generated ids, without the prime and without the end token
 * @param logProbability Σ log p of the tokens scored, the end token included when finished
 * @param score the normalised score that ranks hypotheses
 * @param finished whether the hypothesis emitted the end token (else it hit maxTokens)
 */
public record Hypothesis(int[] ids, double logProbability, double score, boolean finished) {

  /** Copies ids, so the record stays unchanged. */
  public Hypothesis {
    ids = ids.clone();
  }

  /** A copy of the generated ids. */
  @Override
  public int[] ids() {
    return ids.clone();
  }

  /** The tokens scored: m + 1 when finished (the end token counts), else m. */
  public int length() {
    return ids.length + (finished ? 1 : 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hypothesis other && Arrays.equals(ids, other.ids)
        && Double.compare(logProbability, other.logProbability) == 0
        && Double.compare(score, other.score) == 0 && finished == other.finished;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids)
        + Double.hashCode(logProbability) * 7 + Double.hashCode(score) * 3 + (finished ? 1 : 0);
  }

  @Override
  public String toString() {
    return "Hypothesis[ids=" + Arrays.toString(ids) + ", logProbability=" + logProbability
        + ", score=" + score + ", finished=" + finished + "]";
  }
}
