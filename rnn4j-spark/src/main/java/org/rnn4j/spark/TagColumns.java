package org.rnn4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rnn4j.data.format.EntitySpan;
import org.rnn4j.task.Prediction;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.tag.TagPrediction;

/**
 * tag: a sentence (whitespace-separated tokens) → {@code struct<tokens: array<string>, tags:
 * array<string>, entities: array<struct<start: int, end: int, type: string, text: string>>>}, one
 * tag per token and the entities the BIO tags spell (token range [start, end)).
 */
public final class TagColumns implements FamilyColumns {
  private static final long serialVersionUID = 1L;
  private static final StructType ENTITY = new StructType()
      .add("start", DataTypes.IntegerType)
      .add("end", DataTypes.IntegerType)
      .add("type", DataTypes.StringType)
      .add("text", DataTypes.StringType);

  @Override
  public String family() {
    return "tag";
  }

  @Override
  public StructType predictionType(TaskModel model) {
    return new StructType()
        .add("tokens", DataTypes.createArrayType(DataTypes.StringType))
        .add("tags", DataTypes.createArrayType(DataTypes.StringType))
        .add("entities", DataTypes.createArrayType(ENTITY));
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
      TagPrediction t = (TagPrediction) p;
      List<Row> entities = new ArrayList<>();
      for (EntitySpan e : t.entities()) {
        entities.add(RowFactory.create(e.start(), e.end(), e.type(),
            String.join(" ", t.tokens().subList(e.start(), e.end()))));
      }
      out.add(RowFactory.create(seq(t.tokens()), seq(t.tags()), seq(entities)));
    }
    return out;
  }

  static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
  }
}
