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
import org.rnn4j.task.seq2seq.Translator;

/**
 * seq2seq: a source text → {@code struct<translation: string, tokens: array<string>>}, decoded
 * as the options {@code beam}, {@code alpha} and {@code max-length} say (greedy by default).
 */
public final class TranslationColumns implements FamilyColumns {
  private static final long serialVersionUID = 1L;

  @Override
  public String family() {
    return "seq2seq";
  }

  @Override
  public StructType predictionType(TaskModel model) {
    return new StructType()
        .add("translation", DataTypes.StringType)
        .add("tokens", DataTypes.createArrayType(DataTypes.StringType));
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
      Translator.Translation t = (Translator.Translation) p;
      out.add(RowFactory.create(t.text(), TagColumns.seq(t.tokens())));
    }
    return out;
  }
}
