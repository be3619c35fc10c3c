package org.rnn4j.nn.attention;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.tensor.Tensor;

/**
 * Additive (Bahdanau) attention: a one-hidden-layer network scores each encoder state against
 * the decoder state.
 *
 * <pre>
 * e[b,j] = vᵀ tanh(W_s s_b + W_h h_bj)
 * parameters (PyTorch names, bias-free Linear layers):
 *   query.weight W_s (A, Hs)    key.weight W_h (A, He)    v.weight v (1, A)
 * init: each ~ U(−1/√fanIn, 1/√fanIn), fanIn = Hs, He and A (PyTorch's Linear default)
 * </pre>
 *
 * <p>{@link #prepare} computes W_h h (B, Tx, A) once per sequence; each {@link #attend(Tensor,
 * Attention.Keys)} adds W_s s to it.
 */
public final class AdditiveAttention implements Attention {
  /** Parameter names, as a PyTorch module with Linear children query, key and v names them. */
  public static final String QUERY_WEIGHT = "query.weight";

  public static final String KEY_WEIGHT = "key.weight";
  public static final String V_WEIGHT = "v.weight";

  private final Tensor queryWeight; // W_s (A, Hs)
  private final Tensor keyWeight; // W_h (A, He)
  private final Tensor vWeight; // v (1, A)
  private final Map<String, Tensor> parameters;

  /**
   * Creates the attention with freshly initialised weights.
   *
   * @param querySize Hs, the decoder state size
   * @param keySize He, the encoder state size
   * @param attentionSize A, the hidden size of the score network
   * @param rng the source of the initial weights (seed it for reproducible models)
   * @throws IllegalArgumentException if a size is below 1
   */
  public AdditiveAttention(int querySize, int keySize, int attentionSize, RandomGenerator rng) {
    AttentionChecks.positive("querySize", querySize);
    AttentionChecks.positive("keySize", keySize);
    AttentionChecks.positive("attentionSize", attentionSize);
    this.queryWeight = uniform(rng, attentionSize, querySize);
    this.keyWeight = uniform(rng, attentionSize, keySize);
    this.vWeight = uniform(rng, 1, attentionSize);
    Map<String, Tensor> p = new LinkedHashMap<>();
    p.put(QUERY_WEIGHT, queryWeight);
    p.put(KEY_WEIGHT, keyWeight);
    p.put(V_WEIGHT, vWeight);
    this.parameters = Collections.unmodifiableMap(p);
  }

  private static Tensor uniform(RandomGenerator rng, int rows, int fanIn) {
    float bound = (float) (1 / Math.sqrt(fanIn));
    return Tensor.uniform(rng, -bound, bound, rows, fanIn).requiresGrad(true);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Projected keys: W_h h (B, Tx, A).
   */
  @Override
  public Keys prepare(Tensor keys, int[] lengths) {
    AttentionChecks.keys(keys, lengths, keySize());
    return new Keys(keys, keys.matmulT(keyWeight), lengths);
  }

  @Override
  public Context attend(Tensor query, Keys keys) {
    AttentionChecks.query(query, keys, querySize());
    AttentionChecks.prepared(keys, attentionSize());
    int b = keys.keys().dim(0);
    int s = keys.keys().dim(1);
    Tensor hidden = AttentionOps.addPerRow(keys.projected(), query.matmulT(queryWeight)).tanh();
    Tensor scores = hidden.matmulT(vWeight).reshape(b, s); // (B, Tx, 1) → (B, Tx)
    Tensor weights = AttentionOps.maskedSoftmax(scores, keys.lengthsView());
    Tensor context = AttentionOps.weightedSum(weights, keys.keys(), keys.lengthsView());
    return new Context(context, weights);
  }

  @Override
  public int querySize() {
    return queryWeight.dim(1);
  }

  @Override
  public int keySize() {
    return keyWeight.dim(1);
  }

  /** A, the hidden size of the score network. */
  public int attentionSize() {
    return vWeight.dim(1);
  }

  @Override
  public Map<String, Tensor> ownParameters() {
    return parameters;
  }
}
