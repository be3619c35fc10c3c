package org.rnn4j.task.lm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rnn4j.decode.Score;
import org.rnn4j.task.Evaluation;

/**
 * How well a language model predicts a corpus of texts: the log-likelihoods and token counts of
 * the texts added up, so that
 *
 * <pre>
 * loss       = −logLikelihood / tokens      nats per token
 * perplexity = e^loss                       the corpus perplexity, not a mean of perplexities
 * </pre>
 *
 * @param source what was evaluated, for the report (a file name)
 * @param texts how many texts
 * @param total the summed score of every text (see {@link Score#total})
 */
public record PerplexityEvaluation(String source, int texts, Score total) implements Evaluation {

  /** Checks the count. */
  public PerplexityEvaluation {
    if (source == null || total == null) {
      throw new IllegalArgumentException("source and total must be given");
    }
    if (texts < 0) {
      throw new IllegalArgumentException("texts must be at least 0, got " + texts);
    }
  }

  /** The mean negative log-likelihood per predicted token, in nats; NaN without tokens. */
  public double loss() {
    return -total.mean();
  }

  /** e^loss. */
  public double perplexity() {
    return total.perplexity();
  }

  @Override
  public String report() {
    return String.format(Locale.ROOT, "%s: %,d texts, %,d tokens, loss %.4f nats per token,"
        + " perplexity %.3f%n", source, texts, total.tokens(), loss(), perplexity());
  }

  @Override
  public ObjectNode toJson() {
    return new ObjectMapper().createObjectNode().put("texts", texts).put("tokens", total.tokens())
        .put("log_likelihood", total.logLikelihood()).put("loss", loss())
        .put("perplexity", perplexity());
  }
}
