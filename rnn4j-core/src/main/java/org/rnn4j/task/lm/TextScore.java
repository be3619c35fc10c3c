package org.rnn4j.task.lm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rnn4j.decode.Score;
import org.rnn4j.task.Prediction;

/**
 * How likely a {@link TextGenerator}'s model finds one text: the text's tokens and {@code <eos>}
 * scored from {@code <bos>}, as the model was trained.
 *
 * @param input the text
 * @param score its log-likelihood (nats), the tokens predicted and the perplexity
 */
public record TextScore(String input, Score score) implements Prediction {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks that both are given. */
  public TextScore {
    if (input == null || score == null) {
      throw new IllegalArgumentException("input and score must be given");
    }
  }

  /** {@code log-likelihood TAB perplexity}. */
  @Override
  public String text() {
    return String.format(Locale.ROOT, "%.4f\t%.3f", score.logLikelihood(), score.perplexity());
  }

  /** {@code {"text": …, "log_likelihood": …, "tokens": …, "perplexity": …}}. */
  @Override
  public ObjectNode toJson() {
    return JSON.createObjectNode().put("text", input).put("log_likelihood", score.logLikelihood())
        .put("tokens", score.tokens()).put("perplexity", score.perplexity());
  }
}
