package org.rnn4j.task.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rnn4j.metrics.ConfusionMatrix;
import org.rnn4j.task.Evaluation;

/**
 * How a classifier did on labelled texts: accuracy, macro-F1 and the whole confusion matrix
 * (per-class precision, recall and F1 in its report).
 *
 * @param source what was evaluated, for the report (a file name)
 * @param confusion counts of (gold, predicted) labels
 */
public record ClassificationEvaluation(String source, ConfusionMatrix confusion)
    implements Evaluation {

  /** The fraction of texts whose predicted label is the gold one. */
  public double accuracy() {
    return confusion.accuracy();
  }

  /** The mean of the classes' F1. */
  public double macroF1() {
    return confusion.macroF1();
  }

  @Override
  public String report() {
    return String.format(Locale.ROOT, "%s: %,d records, accuracy %.4f, macro-F1 %.4f%n", source,
        confusion.total(), accuracy(), macroF1()) + confusion + System.lineSeparator();
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("records", confusion.total())
        .put("accuracy", accuracy()).put("macro_f1", macroF1());
    ObjectNode classes = json.putObject("classes");
    for (int c = 0; c < confusion.classes(); c++) {
      classes.putObject(confusion.labels().get(c)).put("precision", confusion.precision(c))
          .put("recall", confusion.recall(c)).put("f1", confusion.f1(c))
          .put("support", confusion.goldCount(c));
    }
    var counts = json.putArray("confusion");
    for (long[] row : confusion.counts()) {
      var r = counts.addArray();
      for (long n : row) {
        r.add(n);
      }
    }
    return json;
  }
}
