package org.rnn4j.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.classify.ClassPrediction;

/**
 * classify: a text → {@code struct<label: string, probability: float, probabilities:
 * map<string, float>>}, the most probable class and every class's softmax probability.
 */
public final class ClassifyColumns implements FamilyColumns {
  private static final long serialVersionUID = 1L;

  @Override
  public String family() {
    return "classify";
  }

  @Override
  public StructType predictionType(TaskModel model) {
    return new StructType()
        .add("label", DataTypes.StringType)
        .add("probability", DataTypes.FloatType)
        .add("probabilities", DataTypes.createMapType(DataTypes.StringType, DataTypes.FloatType));
  }

  @Override
  public Object read(TaskModel model, String column, Object value) throws BadInputException {
    return Inputs.text(column, value);
  }

  @Override
  public List<Row> predict(TaskModel model, List<Object> inputs, Map<String, String> options) {
    List<? extends org.rnn4j.task.Prediction> predictions =
        model.predict(texts(inputs), TaskOptions.of(options));
    List<Row> out = new ArrayList<>(predictions.size());
    for (org.rnn4j.task.Prediction p : predictions) {
      ClassPrediction c = (ClassPrediction) p;
      Map<String, Float> all = new LinkedHashMap<>();
      for (int k = 0; k < c.labels().size(); k++) {
        all.put(c.labels().get(k), c.probabilities()[k]);
      }
      out.add(RowFactory.create(c.label(), c.probability(),
          scala.jdk.javaapi.CollectionConverters.asScala(all)));
    }
    return out;
  }

  static List<String> texts(List<Object> inputs) {
    List<String> texts = new ArrayList<>(inputs.size());
    inputs.forEach(i -> texts.add((String) i));
    return texts;
  }
}
