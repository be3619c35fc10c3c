package org.rnn4j.decode;

import java.util.OptionalInt;

/**
 * How {@link Generator} chooses and stops.
 *
 * @param maxTokens the most tokens generated per sequence, ≥ 1
 * @param sampler how each token is chosen
 * @param stopId the token that ends a sequence (usually {@code <eos>}); it is not included in
 *     the output; empty to always generate {@code maxTokens}
 */
public record GenerationConfig(int maxTokens, Sampler sampler, OptionalInt stopId) {

  /** Checks maxTokens ≥ 1, a sampler, and stopId ≥ 0 when present. */
  public GenerationConfig {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be ≥ 1, got " + maxTokens);
    }
    if (sampler == null || stopId == null) {
      throw new IllegalArgumentException("sampler and stopId must be given (stopId may be empty)");
    }
    if (stopId.isPresent() && stopId.getAsInt() < 0) {
      throw new IllegalArgumentException("stopId must be ≥ 0, got " + stopId.getAsInt());
    }
  }

  /**
   * Generates exactly {@code maxTokens} tokens per sequence.
   *
   * @param maxTokens ≥ 1
   * @param sampler how each token is chosen
   * @return the config
   * @throws IllegalArgumentException if maxTokens &lt; 1
   */
  public static GenerationConfig of(int maxTokens, Sampler sampler) {
    return new GenerationConfig(maxTokens, sampler, OptionalInt.empty());
  }

  /**
   * This config, stopping each sequence at {@code id}.
   *
   * @param id the stop token, ≥ 0 (usually {@code Vocabulary.eosId()})
   * @return the new config
   * @throws IllegalArgumentException if id &lt; 0
   */
  public GenerationConfig stoppingAt(int id) {
    return new GenerationConfig(maxTokens, sampler, OptionalInt.of(id));
  }
}
