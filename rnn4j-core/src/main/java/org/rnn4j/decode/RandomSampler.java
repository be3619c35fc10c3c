package org.rnn4j.decode;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Draws from softmax(z / τ), restricted to the k most probable tokens and then to the nucleus of
 * mass p, renormalised (see {@link Sampler} for the order). Ranks break ties between equal logits
 * by the lower id, so top-k keeps exactly min(k, V) tokens.
 *
 * <p>Without top-k or top-p the draw takes three passes over the row and no memory; with them
 * the row is sorted (O(V log V)) in per-thread scratch arrays that are reused.
 *
 * @param temperature τ, finite and &gt; 0
 * @param topK k ≥ 1; {@link #ALL_TOKENS} keeps every token
 * @param topP p in (0, 1]; 1 keeps every token
 */
public record RandomSampler(double temperature, int topK, double topP) implements Sampler {
  /** The value of {@code topK} that keeps every token. */
  public static final int ALL_TOKENS = Integer.MAX_VALUE;

  /** Checks τ &gt; 0 (finite), k ≥ 1 and p ∈ (0, 1]. */
  public RandomSampler {
    if (!(temperature > 0 && temperature < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "temperature must be finite and > 0, got " + temperature);
    }
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be ≥ 1, got " + topK);
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("topP must lie in (0, 1], got " + topP);
    }
  }

  /**
   * This sampler with another temperature.
   *
   * @param t τ, finite and &gt; 0
   * @return the new sampler
   * @throws IllegalArgumentException if τ is not finite and positive
   */
  public RandomSampler withTemperature(double t) {
    return new RandomSampler(t, topK, topP);
  }

  /**
   * This sampler keeping only the k most probable tokens.
   *
   * @param k ≥ 1
   * @return the new sampler
   * @throws IllegalArgumentException if k &lt; 1
   */
  public RandomSampler withTopK(int k) {
    return new RandomSampler(temperature, k, topP);
  }

  /**
   * This sampler keeping only the nucleus of mass p.
   *
   * @param p in (0, 1]
   * @return the new sampler
   * @throws IllegalArgumentException if p is outside (0, 1]
   */
  public RandomSampler withTopP(double p) {
    return new RandomSampler(temperature, topK, p);
  }

  private boolean filters(int v) {
    return topK < v || topP < 1;
  }

  @Override
  public int sample(float[] logits, int off, int v, RandomGenerator rng) {
    Logits.checkRow(logits, off, v);
    float max = Logits.max(logits, off, v);
    if (!filters(v)) {
      return sampleAll(logits, off, v, max, rng);
    }
    SamplerScratch s = SamplerScratch.forSize(v);
    keep(s, logits, off, v, max);
    double target = rng.nextDouble() * s.total;
    double cumulative = 0;
    int last = 0; // the last kept token of positive weight, in case rounding overshoots
    for (int j = 0; j < s.kept; j++) {
      if (s.weight[j] > 0) {
        cumulative += s.weight[j];
        last = j;
        if (target < cumulative) {
          return s.id(j);
        }
      }
    }
    return s.id(last);
  }

  /** exp((z_i − max) / τ), the unnormalised probability; max keeps the exponent ≤ 0. */
  private double weight(float z, float max) {
    return Math.exp(((double) z - max) / temperature);
  }

  /** Draws from softmax(z / τ) over the whole row without storing it: sum, then walk. */
  private int sampleAll(float[] logits, int off, int v, float max, RandomGenerator rng) {
    double total = 0;
    for (int i = 0; i < v; i++) {
      total += weight(logits[off + i], max);
    }
    double target = rng.nextDouble() * total;
    double cumulative = 0;
    int last = 0;
    for (int i = 0; i < v; i++) {
      double w = weight(logits[off + i], max);
      if (w > 0) {
        cumulative += w;
        last = i;
        if (target < cumulative) {
          return i;
        }
      }
    }
    return last;
  }

  /**
   * Ranks the tokens, applies top-k then top-p, and leaves in {@code s} the kept prefix with its
   * weights and their sum.
   */
  private void keep(SamplerScratch s, float[] logits, int off, int v, float max) {
    for (int i = 0; i < v; i++) {
      s.order[i] = ((long) ~sortable(logits[off + i]) << 32) | i;
    }
    Arrays.sort(s.order, 0, v);
    int kept = Math.min(topK, v);
    double total = 0;
    for (int j = 0; j < kept; j++) {
      s.weight[j] = weight(logits[off + s.id(j)], max);
      total += s.weight[j];
    }
    if (topP < 1) {
      double needed = topP * total;
      double cumulative = 0;
      int j = 0;
      while (j < kept - 1 && cumulative + s.weight[j] < needed) {
        cumulative += s.weight[j];
        j++;
      }
      kept = j + 1;
      total = cumulative + s.weight[j];
    }
    s.kept = kept;
    s.total = total;
  }

  /** An int that orders as the float does (−0 and +0 equal); NaN has been rejected. */
  private static int sortable(float z) {
    int bits = Float.floatToRawIntBits(z + 0f);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }

  @Override
  public void distribution(double[] out, float[] logits, int off, int v) {
    Logits.checkRow(logits, off, v);
    if (out.length < v) {
      throw new IllegalArgumentException(
          "out must hold v = " + v + " probabilities, got length " + out.length);
    }
    float max = Logits.max(logits, off, v);
    if (!filters(v)) {
      double total = 0;
      for (int i = 0; i < v; i++) {
        out[i] = weight(logits[off + i], max);
        total += out[i];
      }
      for (int i = 0; i < v; i++) {
        out[i] /= total;
      }
      return;
    }
    SamplerScratch s = SamplerScratch.forSize(v);
    keep(s, logits, off, v, max);
    Arrays.fill(out, 0, v, 0);
    for (int j = 0; j < s.kept; j++) {
      out[s.id(j)] = s.weight[j] / s.total;
    }
  }
}
