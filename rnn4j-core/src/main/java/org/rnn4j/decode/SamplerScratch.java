package org.rnn4j.decode;

/**
 * Per-thread work arrays for {@link RandomSampler}'s filtered path, grown to the largest V seen,
 * so that sampling allocates nothing once warm.
 */
final class SamplerScratch {
  private static final ThreadLocal<SamplerScratch> CURRENT =
      ThreadLocal.withInitial(SamplerScratch::new);

  long[] order = new long[0]; // (V) sort keys: high half orders by falling logit, low half the id
  double[] weight = new double[0]; // (V) unnormalised probability of the token at each rank
  int kept; // tokens kept by top-k and top-p, a prefix of order
  double total; // Σ weight over the kept prefix

  private SamplerScratch() {}

  /** This thread's scratch, with room for {@code v} tokens. */
  static SamplerScratch forSize(int v) {
    SamplerScratch s = CURRENT.get();
    if (s.order.length < v) {
      s.order = new long[v];
      s.weight = new double[v];
    }
    return s;
  }

  /** The id of the token at rank {@code j} (after {@link RandomSampler} sorted the keys). */
  int id(int j) {
    return (int) order[j];
  }
}
