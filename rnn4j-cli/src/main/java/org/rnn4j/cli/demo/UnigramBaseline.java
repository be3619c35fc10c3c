package org.rnn4j.cli.demo;

import java.util.List;
import org.rnn4j.text.TextCodec;

/**
 * The perplexity of a unigram model: every token, {@code <eos>} included, predicted from its
 * training frequency alone, with add-one smoothing over the vocabulary.
 *
 * <pre>
 * p(w) = (count(w) + 1) / (N + V)        perplexity = exp(−(1/M) Σ log p(w_i)) over held-out tokens
 * </pre>
 */
final class UnigramBaseline {
  private UnigramBaseline() {}

  static double perplexity(TextCodec codec, List<String> train, List<String> heldOut) {
    int v = codec.vocabulary().size();
    long[] counts = new long[v];
    long n = 0;
    for (String text : train) {
      for (int id : tokensWithEos(codec, text)) {
        counts[id]++;
        n++;
      }
    }
    double logLikelihood = 0;
    long m = 0;
    for (String text : heldOut) {
      for (int id : tokensWithEos(codec, text)) {
        logLikelihood += Math.log((counts[id] + 1.0) / (n + v));
        m++;
      }
    }
    return Math.exp(-logLikelihood / m);
  }

  private static int[] tokensWithEos(TextCodec codec, String text) {
    int[] ids = codec.encode(text, false);
    int[] out = java.util.Arrays.copyOf(ids, ids.length + 1);
    out[ids.length] = codec.vocabulary().eosId();
    return out;
  }
}
