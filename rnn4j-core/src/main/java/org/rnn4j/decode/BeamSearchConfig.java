package org.rnn4j.decode;

/**
 * How {@link BeamSearch} searches, stops and ranks.
 *
 * @param beamWidth k, the most hypotheses kept per step, ≥ 1 (1 is greedy decoding)
 * @param maxTokens the most tokens generated per hypothesis, the end token included, ≥ 1
 * @param endId the token that finishes a hypothesis (usually {@code <eos>}), ≥ 0; it is not
 *     included in the returned ids
 * @param lengthPenalty α ≥ 0, finite: hypotheses are ranked by Σ log p / length^α; 0 ranks by
 *     total log-probability
 * @param best n, how many hypotheses to return, in [1, k]
 */
public record BeamSearchConfig(
    int beamWidth, int maxTokens, int endId, double lengthPenalty, int best) {
  /** No length normalisation. */
  public static final double DEFAULT_LENGTH_PENALTY = 0;

  /** Return only the best hypothesis. */
  public static final int DEFAULT_BEST = 1;

  /** Checks every setting, naming it with the expected range and the value given. */
  public BeamSearchConfig {
    if (beamWidth < 1) {
      throw new IllegalArgumentException("beamWidth must be ≥ 1, got " + beamWidth);
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be ≥ 1, got " + maxTokens);
    }
    if (endId < 0) {
      throw new IllegalArgumentException("endId must be ≥ 0, got " + endId);
    }
    if (!(lengthPenalty >= 0) || Double.isInfinite(lengthPenalty)) {
      throw new IllegalArgumentException(
          "lengthPenalty must be finite and ≥ 0, got " + lengthPenalty);
    }
    if (best < 1 || best > beamWidth) {
      throw new IllegalArgumentException("best must lie in [1, beamWidth] = [1, " + beamWidth
          + "], got " + best);
    }
  }

  /**
   * Beam search returning the single best hypothesis, without length normalisation.
   *
   * @param beamWidth k ≥ 1
   * @param maxTokens ≥ 1
   * @param endId the end token, ≥ 0
   * @return the config
   * @throws IllegalArgumentException if a setting is out of range
   */
  public static BeamSearchConfig of(int beamWidth, int maxTokens, int endId) {
    return new BeamSearchConfig(
        beamWidth, maxTokens, endId, DEFAULT_LENGTH_PENALTY, DEFAULT_BEST);
  }

  /**
   * This config with length normalisation Σ log p / length^α.
   *
   * @param alpha α, finite and ≥ 0
   * @return the new config
   * @throws IllegalArgumentException if α is negative or not finite
   */
  public BeamSearchConfig withLengthPenalty(double alpha) {
    return new BeamSearchConfig(beamWidth, maxTokens, endId, alpha, best);
  }

  /**
   * This config returning the n best hypotheses.
   *
   * @param n in [1, beamWidth]
   * @return the new config
   * @throws IllegalArgumentException if n is outside [1, beamWidth]
   */
  public BeamSearchConfig withBest(int n) {
    return new BeamSearchConfig(beamWidth, maxTokens, endId, lengthPenalty, n);
  }
}
