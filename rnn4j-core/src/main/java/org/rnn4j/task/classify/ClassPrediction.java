package org.rnn4j.task.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.rnn4j.task.Prediction;

/**
 * A text's class under a {@link TextClassifier}: the most probable label and every label's
 * probability.
 *
 * @param input the text
 * @param labels the class names, C
 * @param probabilities (C) softmax of the class scores, in the order of {@code labels}
 */
public record ClassPrediction(String input, List<String> labels, float[] probabilities)
    implements Prediction {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The index of the most probable class (the first on ties). */
  public int classId() {
    int best = 0;
    for (int c = 1; c < probabilities.length; c++) {
      if (probabilities[c] > probabilities[best]) {
        best = c;
      }
    }
    return best;
  }

  /** The most probable label. */
  public String label() {
    return labels.get(classId());
  }

  /** Its probability. */
  public float probability() {
    return probabilities[classId()];
  }

  /** {@code label TAB probability}. */
  @Override
  public String text() {
    return String.format(Locale.ROOT, "%s\t%.4f", label(), probability());
  }

  /** {@code {"text": …, "label": …, "probabilities": {label: p, …}}}. */
  @Override
  public ObjectNode toJson() {
    ObjectNode n = JSON.createObjectNode().put("text", input).put("label", label());
    ObjectNode all = n.putObject("probabilities");
    for (int c = 0; c < probabilities.length; c++) {
      all.put(labels.get(c), probabilities[c]);
    }
    return n;
  }
}
