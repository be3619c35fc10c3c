package org.rnn4j.decode;

import java.util.Collection;

/**
 * How well a model predicts a sequence x⟨1⟩ … x⟨n⟩:
 *
 * <pre>
 * logLikelihood = Σ_{t=2..n} log p(x⟨t⟩ | x⟨1⟩ … x⟨t−1⟩)     natural log, ≤ 0
 * tokens        = n − 1                                      the tokens predicted
 * mean          = logLikelihood / tokens
 * perplexity    = e^(−mean)
 * </pre>
 *
 * @param logLikelihood Σ log p of the predicted tokens (nats)
 * @param tokens how many tokens were predicted, ≥ 0
 */
public record Score(double logLikelihood, long tokens) {

  /** Checks tokens ≥ 0. */
  public Score {
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens must be ≥ 0, got " + tokens);
    }
  }

  /**
   * The mean log-likelihood per predicted token.
   *
   * @return logLikelihood / tokens; NaN when no token was predicted
   */
  public double mean() {
    return tokens == 0 ? Double.NaN : logLikelihood / tokens;
  }

  /**
   * The perplexity, e^(−mean): the size of a uniform choice as surprising as the model.
   *
   * @return ≥ 1; NaN when no token was predicted
   */
  public double perplexity() {
    return Math.exp(-mean());
  }

  /**
   * The score of several sequences together: log-likelihoods and token counts add, so the
   * perplexity of the total is the corpus perplexity (not the mean of the perplexities).
   *
   * @param scores any scores
   * @return their sum
   */
  public static Score total(Collection<Score> scores) {
    double ll = 0;
    long n = 0;
    for (Score s : scores) {
      ll += s.logLikelihood;
      n += s.tokens;
    }
    return new Score(ll, n);
  }
}
