package org.rnn4j.nn.attention;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.rnn4j.tensor.Tensor;

/**
 * Multiplicative (Luong) attention: a bilinear score, "general", or a plain dot product, "dot".
 *
 * <pre>
 * general: e[b,j] = s_bᵀ W h_bj      parameter weight W (Hs, He), init ~ U(−1/√He, 1/√He)
 * dot:     e[b,j] = s_bᵀ h_bj        no parameters; needs Hs = He
 * </pre>
 *
 * <p>{@link #prepare} computes W h (B, Tx, Hs) once per sequence (for dot the keys themselves), so
 * each {@link #attend(Tensor, Attention.Keys)} is one batched dot product with the query.
 */
public final class MultiplicativeAttention implements Attention {
  /** The parameter name of W in the general variant. */
  public static final String WEIGHT = "weight";

  private final int querySize; // Hs
  private final int keySize; // He
  private final Optional<Tensor> weight; // W (Hs, He); empty for dot
  private final Map<String, Tensor> parameters;

  private MultiplicativeAttention(int querySize, int keySize, Optional<Tensor> weight) {
    this.querySize = querySize;
    this.keySize = keySize;
    this.weight = weight;
    this.parameters = weight.map(w -> Map.of(WEIGHT, w)).orElse(Collections.emptyMap());
  }

  /**
   * Luong's "general" score sᵀ W h with freshly initialised W.
   *
   * @param querySize Hs, the decoder state size
   * @param keySize He, the encoder state size
   * @param rng the source of the initial weights (seed it for reproducible models)
   * @return the attention
   * @throws IllegalArgumentException if a size is below 1
   */
  public static MultiplicativeAttention general(int querySize, int keySize, RandomGenerator rng) {
    AttentionChecks.positive("querySize", querySize);
    AttentionChecks.positive("keySize", keySize);
    float bound = (float) (1 / Math.sqrt(keySize));
    Tensor w = Tensor.uniform(rng, -bound, bound, querySize, keySize).requiresGrad(true);
    return new MultiplicativeAttention(querySize, keySize, Optional.of(w));
  }

  /**
   * Luong's "dot" score sᵀ h, without parameters.
   *
   * @param size Hs = He, the size of both decoder and encoder states
   * @return the attention
   * @throws IllegalArgumentException if the size is below 1
   */
  public static MultiplicativeAttention dot(int size) {
    AttentionChecks.positive("size", size);
    return new MultiplicativeAttention(size, size, Optional.empty());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Projected keys: W h (B, Tx, Hs) for general, the keys (B, Tx, He) for dot.
   */
  @Override
  public Keys prepare(Tensor keys, int[] lengths) {
    AttentionChecks.keys(keys, lengths, keySize);
    Tensor projected = weight.map(keys::matmulT).orElse(keys);
    return new Keys(keys, projected, lengths);
  }

  @Override
  public Context attend(Tensor query, Keys keys) {
    AttentionChecks.query(query, keys, querySize);
    AttentionChecks.prepared(keys, querySize);
    Tensor scores = AttentionOps.scores(keys.projected(), query, keys.lengthsView());
    Tensor weights = AttentionOps.maskedSoftmax(scores, keys.lengthsView());
    Tensor context = AttentionOps.weightedSum(weights, keys.keys(), keys.lengthsView());
    return new Context(context, weights);
  }

  /** Whether this is the parameter-free "dot" variant. */
  public boolean isDot() {
    return weight.isEmpty();
  }

  @Override
  public int querySize() {
    return querySize;
  }

  @Override
  public int keySize() {
    return keySize;
  }

  @Override
  public Map<String, Tensor> ownParameters() {
    return parameters;
  }
}
