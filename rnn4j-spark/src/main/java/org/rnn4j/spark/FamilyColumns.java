package org.rnn4j.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOption;

/**
 * How one task family's predictions become Spark columns: what an input cell must hold, the
 * struct type of a prediction, and a batch of inputs through the family's inference class. One
 * implementation per family, registered as a {@link java.util.ServiceLoader} service in {@code
 * META-INF/services/org.rnn4j.spark.FamilyColumns} and found by the family's name ({@link
 * #forFamily}).
 *
 * <p>Implementations are stateless and serializable: they travel to the executors inside the
 * partition function.
 */
public interface FamilyColumns extends Serializable {

  /** The task family's name, as in the model file's {@code config.task}. */
  String family();

  /**
   * The struct of one prediction.
   *
   * @param model the loaded model (its labels or feature names may shape the struct)
   * @return the fields, all nullable
   */
  StructType predictionType(TaskModel model);

  /**
   * Reads one input cell.
   *
   * @param model the loaded model
   * @param column the input column's name, for the message
   * @param value the cell as Spark gives it (String, Double, scala Seq, …), possibly null
   * @return the input in the form {@link #predict} takes
   * @throws BadInputException naming the column, what it expected and what it got
   */
  Object read(TaskModel model, String column, Object value) throws BadInputException;

  /**
   * Predicts a batch of inputs, all read by {@link #read}.
   *
   * @param model the loaded model
   * @param inputs the inputs, in order
   * @param options the family's options (decoding, forecast steps), by name without dashes
   * @return one prediction struct per input, in order
   * @throws IllegalArgumentException if an input does not fit the model
   */
  List<Row> predict(TaskModel model, List<Object> inputs, Map<String, String> options);

  /**
   * The input column a predictor reads unless told otherwise ({@link
   * SparkPredictor#withInputColumn}).
   *
   * @return {@value SparkPredictor#DEFAULT_INPUT_COLUMN}, unless the family's inputs are not texts
   */
  default String defaultInputColumn() {
    return SparkPredictor.DEFAULT_INPUT_COLUMN;
  }

  /**
   * The options a predictor of this family reads ({@link SparkPredictor#withOption}): the
   * family's prediction options, as the command line names them without dashes.
   *
   * @return their names
   */
  default Set<String> options() {
    Set<String> names = new TreeSet<>();
    for (TaskOption o : TaskFamilies.named(family()).options()) {
      if (o.uses().contains(TaskOption.Use.PREDICT)) {
        names.add(o.name());
      }
    }
    return names;
  }

  /**
   * @param family a family's name
   * @return its columns
   * @throws IllegalArgumentException naming the families Spark can predict, when none has this name
   */
  static FamilyColumns forFamily(String family) {
    return FamilyColumnsRegistry.named(family);
  }
}
