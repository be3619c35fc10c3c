package org.rnn4j.decode;

import java.util.random.RandomGenerator;

/**
 * Chooses the next token from a row of logits z (V).
 *
 * <pre>
 * greedy:        argmax_i z_i (ties to the lowest id)
 * random:        p_i = softmax(z / τ)_i            temperature τ &gt; 0
 *                then keep the k most probable       top-k, k ≥ 1
 *                then keep the nucleus: the fewest most probable tokens whose cumulative
 *                probability is ≥ p                  top-p, p ∈ (0, 1]
 *                renormalise, draw i ~ p
 * </pre>
 *
 * The filters compose in that order, as PyTorch and Hugging Face samplers do. Logits are shifted
 * by their maximum before exponentiation, so large logits do not overflow; −∞ marks a forbidden
 * token. Samplers are immutable and thread-safe; all randomness comes from the generator passed
 * to {@link #sample}.
 */
public sealed interface Sampler permits Greedy, RandomSampler {

  /**
   * Draws a token id from the logits {@code logits[off … off+v)}.
   *
   * @param logits holds the row of logits; not modified
   * @param off where the row starts
   * @param v V, the row's length
   * @param rng the source of the draw (greedy does not use it)
   * @return an id in [0, v)
   * @throws IllegalArgumentException if the row lies outside {@code logits}, or a logit is NaN
   *     or +∞, or all are −∞
   */
  int sample(float[] logits, int off, int v, RandomGenerator rng);

  /**
   * Writes the distribution that {@link #sample} draws from: after temperature, top-k and top-p,
   * renormalised; a one-hot vector for greedy.
   *
   * @param out receives the probabilities, (v); modified
   * @param logits holds the row of logits; not modified
   * @param off where the row starts
   * @param v V, the row's length
   * @throws IllegalArgumentException as {@link #sample} does, or if {@code out} is shorter than v
   */
  void distribution(double[] out, float[] logits, int off, int v);

  /**
   * Draws a token id from a whole array of logits.
   *
   * @param logits (V) logits; not modified
   * @param rng the source of the draw
   * @return an id in [0, V)
   * @throws IllegalArgumentException as {@link #sample(float[], int, int, RandomGenerator)} does
   */
  default int sample(float[] logits, RandomGenerator rng) {
    return sample(logits, 0, logits.length, rng);
  }

  /**
   * The most probable token, ties to the lowest id.
   *
   * @return the greedy sampler
   */
  static Sampler greedy() {
    return Greedy.INSTANCE;
  }

  /**
   * Plain sampling from softmax(z): temperature 1, no top-k, no top-p.
   *
   * @return the sampler; refine it with {@link RandomSampler#withTemperature} and the others
   */
  static RandomSampler random() {
    return new RandomSampler(1, RandomSampler.ALL_TOKENS, 1);
  }

  /**
   * Sampling from softmax(z / τ): τ &lt; 1 sharpens towards greedy, τ &gt; 1 flattens towards
   * uniform.
   *
   * @param temperature τ, finite and &gt; 0
   * @return the sampler
   * @throws IllegalArgumentException if τ is not finite and positive
   */
  static RandomSampler temperature(double temperature) {
    return random().withTemperature(temperature);
  }

  /**
   * Sampling from the k most probable tokens, renormalised (temperature 1).
   *
   * @param k how many tokens to keep, ≥ 1
   * @return the sampler
   * @throws IllegalArgumentException if k &lt; 1
   */
  static RandomSampler topK(int k) {
    return random().withTopK(k);
  }

  /**
   * Nucleus sampling: from the fewest most probable tokens whose probabilities sum to at least
   * p, renormalised (temperature 1).
   *
   * @param p the nucleus mass, in (0, 1]
   * @return the sampler
   * @throws IllegalArgumentException if p is outside (0, 1]
   */
  static RandomSampler topP(double p) {
    return random().withTopP(p);
  }
}
