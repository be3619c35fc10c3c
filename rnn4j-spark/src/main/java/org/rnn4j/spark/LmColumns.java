package org.rnn4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rnn4j.task.Prediction;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.lm.TextScore;

/**
 * lm: a text → {@code struct<log_likelihood: double, tokens: long, perplexity: double>}: the
 * text's tokens and {@code <eos>} scored from {@code <bos>}, log p in nats, and the perplexity
 * exp(−log p / tokens).
 */
public final class LmColumns implements FamilyColumns {
  private static final long serialVersionUID = 1L;

  @Override
  public String family() {
    return "lm";
  }

  @Override
  public StructType predictionType(TaskModel model) {
    return new StructType()
        .add("log_likelihood", DataTypes.DoubleType)
        .add("tokens", DataTypes.LongType)
        .add("perplexity", DataTypes.DoubleType);
  }

  @Override
  public Object read(TaskModel model, String column, Object value) throws BadInputException {
    return Inputs.text(column, value);
  }

  @Override
  public List<Row> predict(TaskModel model, List<Object> inputs, Map<String, String> options) {
    List<? extends Prediction> predictions =
        model.predict(ClassifyColumns.texts(inputs), TaskOptions.of(options));
    List<Row> out = new ArrayList<>(predictions.size());
    for (Prediction p : predictions) {
      TextScore s = (TextScore) p;
      out.add(RowFactory.create(s.score().logLikelihood(), s.score().tokens(),
          s.score().perplexity()));
    }
    return out;
  }
}
