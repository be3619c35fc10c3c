package org.rnn4j.task.tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rnn4j.metrics.EntityScore;
import org.rnn4j.task.Evaluation;

/**
 * How a tagger did on tagged sentences: entity-level precision, recall and F1 as conlleval counts
 * them ({@link EntityScore}), per entity type too, and token accuracy.
 *
 * @param source what was evaluated, for the report (a file name)
 * @param sentences how many sentences were tagged
 * @param score the entity and token counts
 */
public record TagEvaluation(String source, int sentences, EntityScore score)
    implements Evaluation {

  /** Correct entities / predicted entities. */
  public double precision() {
    return score.precision();
  }

  /** Correct entities / gold entities. */
  public double recall() {
    return score.recall();
  }

  /** The harmonic mean of precision and recall. */
  public double f1() {
    return score.f1();
  }

  /** The fraction of tokens whose predicted tag is the gold one. */
  public double tokenAccuracy() {
    return score.tokenAccuracy();
  }

  @Override
  public String report() {
    return String.format(Locale.ROOT, "%s: %,d sentences, entity precision %.4f, recall %.4f,"
            + " F1 %.4f, token accuracy %.4f%n", source, sentences, precision(), recall(), f1(),
        tokenAccuracy());
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("sentences", sentences)
        .put("tokens", score.tokens()).put("precision", precision()).put("recall", recall())
        .put("f1", f1()).put("token_accuracy", tokenAccuracy());
    ObjectNode types = json.putObject("types");
    score.countsByType().forEach((type, c) -> { // {correct, gold, predicted}
      double p = c[2] == 0 ? 0 : (double) c[0] / c[2];
      double r = c[1] == 0 ? 0 : (double) c[0] / c[1];
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      types.putObject(type).put("precision", p).put("recall", r).put("f1", f1)
          .put("support", c[1]);
    });
    return json;
  }
}
