package org.rnn4j.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rnn4j.task.TaskModel;

/**
 * Distributed inference with one rnn4j model of any family: a {@code Dataset<Row>} in, the same
 * rows out with two more columns, the prediction (a struct whose fields the family's {@link
 * FamilyColumns} names) and the error (null, or why the row has no prediction).
 *
 * <pre>{@code
 * try (SparkPredictor sentiment = SparkPredictor.load(spark, Path.of("sentiment.safetensors"))) {
 *   Dataset<Row> scored = sentiment.withInputColumn("review").transform(reviews);
 *   scored.select("review", "prediction.label", "prediction.probability", "prediction_error");
 * }
 * }</pre>
 *
 * <p>The model file's bytes are broadcast once; each executor JVM loads the model once and its
 * task threads share it; each partition is predicted in batches of {@link #batchSize()} rows
 * through the family's inference class, the same calls as the command line and the HTTP server
 * make, so every prediction equals the single-machine one. A row that cannot be predicted (an
 * empty text, a value of the wrong type, a series holding NaN) gets a null prediction and a
 * message in the error column; the job goes on.
 *
 * <p>Immutable: the {@code with…} methods return new predictors sharing the broadcast model.
 * {@link #close()} removes the broadcast from the executors.
 */
public final class SparkPredictor implements AutoCloseable {
  /** Rows per batch inside a partition, by default. */
  public static final int DEFAULT_BATCH_SIZE = 64;
  /** The name of the prediction column, by default. */
  public static final String DEFAULT_PREDICTION_COLUMN = "prediction";
  /** The name of the error column, by default. */
  public static final String DEFAULT_ERROR_COLUMN = "prediction_error";
  /** The input column, by default, of the families whose inputs are texts. */
  public static final String DEFAULT_INPUT_COLUMN = "text";

  private final SparkSession spark;
  private final Broadcast<ModelBytes> model;
  private final String family;
  private final Settings settings;

  /** Everything a caller may change, in one place. */
  private record Settings(String input, String prediction, String error, int batchSize,
      Map<String, String> options) {}

  private SparkPredictor(SparkSession spark, Broadcast<ModelBytes> model, String family,
      Settings settings) {
    this.spark = spark;
    this.model = model;
    this.family = family;
    this.settings = settings;
  }

  /**
   * Reads a model file on the driver and broadcasts its bytes.
   *
   * @param spark the session
   * @param file an rnn4j model file of any family
   * @return a predictor reading the column "text" (forecast: "history"; ctc: "content")
   * @throws IOException if the file cannot be read or is not a model of a family Spark predicts
   */
  public static SparkPredictor load(SparkSession spark, Path file) throws IOException {
    return of(spark, ModelBytes.read(file));
  }

  /**
   * Broadcasts a model's bytes.
   *
   * @param spark the session
   * @param bytes a model file's contents
   * @return a predictor reading the column "text" (forecast: "history"; ctc: "content")
   * @throws IllegalArgumentException if the bytes are not a model of a family Spark predicts
   */
  public static SparkPredictor of(SparkSession spark, ModelBytes bytes) {
    TaskModel loaded = ExecutorModels.get(bytes);
    String family = loaded.config().task();
    // fails now, naming the families, rather than on executors
    String input = FamilyColumns.forFamily(family).defaultInputColumn();
    Broadcast<ModelBytes> model =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
    return new SparkPredictor(spark, model, family, new Settings(input,
        DEFAULT_PREDICTION_COLUMN, DEFAULT_ERROR_COLUMN, DEFAULT_BATCH_SIZE, Map.of()));
  }

  /** The model's task family. */
  public String family() {
    return family;
  }

  /** Rows per batch inside a partition. */
  public int batchSize() {
    return settings.batchSize();
  }

  /** This predictor reading its inputs from {@code column}. */
  public SparkPredictor withInputColumn(String column) {
    return with(new Settings(name("input column", column), settings.prediction(),
        settings.error(), settings.batchSize(), settings.options()));
  }

  /** This predictor writing the prediction struct into {@code column}. */
  public SparkPredictor withPredictionColumn(String column) {
    return with(new Settings(settings.input(), name("prediction column", column),
        settings.error(), settings.batchSize(), settings.options()));
  }

  /** This predictor writing the error messages into {@code column}. */
  public SparkPredictor withErrorColumn(String column) {
    return with(new Settings(settings.input(), settings.prediction(),
        name("error column", column), settings.batchSize(), settings.options()));
  }

  /**
   * This predictor running {@code rows} rows through the model at a time.
   *
   * @throws IllegalArgumentException if {@code rows} is below 1
   */
  public SparkPredictor withBatchSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + rows);
    }
    return with(new Settings(settings.input(), settings.prediction(), settings.error(), rows,
        settings.options()));
  }

  /**
   * This predictor with one more family option, as the command line names it without dashes:
   * {@code beam}, {@code alpha} and {@code max-length} for seq2seq, {@code steps} for forecast,
   * {@code beam} and {@code lexicon} for ctc.
   *
   * @throws IllegalArgumentException if the family reads no option of that name, naming those it
   *     reads
   */
  public SparkPredictor withOption(String name, String value) {
    java.util.Set<String> known = columns().options();
    if (!known.contains(name)) {
      throw new IllegalArgumentException("option '" + name + "' is not one that " + family
          + " models read when predicting: they read " + (known.isEmpty() ? "none"
          : String.join(", ", known)));
    }
    Map<String, String> options = new HashMap<>(settings.options());
    options.put(name, value);
    return with(new Settings(settings.input(), settings.prediction(), settings.error(),
        settings.batchSize(), Map.copyOf(options)));
  }

  private SparkPredictor with(Settings value) {
    return new SparkPredictor(spark, model, family, value);
  }

  private static String name(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must be a non-blank name, got "
          + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  /** The struct of one prediction, for the model's family. */
  public StructType predictionType() {
    return columns().predictionType(ExecutorModels.get(model.value()));
  }

  /**
   * Predicts every row.
   *
   * @param rows the rows; the input column must exist
   * @return the rows, in their partitions and order, each with the prediction struct (null for a
   *     bad row) and the error text (null unless the row is bad)
   * @throws IllegalArgumentException naming the input column when it is missing, or an output
   *     column that already exists
   */
  public Dataset<Row> transform(Dataset<Row> rows) {
    StructType in = rows.schema();
    List<String> names = Arrays.asList(in.fieldNames());
    int inputIndex = names.indexOf(settings.input());
    if (inputIndex < 0) {
      throw new IllegalArgumentException("input column '" + settings.input() + "' is not in the"
          + " data: its columns are " + names + " (choose one with withInputColumn)");
    }
    for (String out : List.of(settings.prediction(), settings.error())) {
      if (names.contains(out)) {
        throw new IllegalArgumentException("output column '" + out + "' is already in the data ("
            + names + "): choose another name with withPredictionColumn or withErrorColumn");
      }
    }
    StructType out = in.add(settings.prediction(), predictionType(), true)
        .add(settings.error(), DataTypes.StringType, true);
    PartitionPredictor predictor = new PartitionPredictor(model, columns(), settings.input(),
        inputIndex, settings.batchSize(), new HashMap<>(settings.options()));
    return rows.mapPartitions(predictor, Encoders.row(out));
  }

  /**
   * Registers the model as a Spark SQL function of one argument, the input, returning the
   * prediction struct with one more field, {@code error}: {@code SELECT name(text).label FROM
   * reviews}. The function predicts one row at a time; {@link #transform} batches and is faster.
   *
   * @param name the function's name in SQL
   * @return the struct type the function returns
   */
  public StructType registerFunction(String name) {
    StructType type = predictionType();
    StructType withError = type.add("error", DataTypes.StringType, true);
    PartitionPredictor predictor = new PartitionPredictor(model, columns(), settings.input(), 0,
        1, new HashMap<>(settings.options()));
    Broadcast<ModelBytes> bytes = model;
    int fields = type.size();
    UDF1<Object, Row> function = value -> {
      Row result = predictor.predict(ExecutorModels.get(bytes.value()),
          List.of(RowFactory.create(value))).get(0);
      Object[] values = new Object[fields + 1];
      Row prediction = result.getStruct(1);
      for (int i = 0; i < fields; i++) {
        values[i] = prediction == null ? null : prediction.get(i);
      }
      values[fields] = result.getString(2);
      return RowFactory.create(values);
    };
    spark.udf().register(name("function name", name), function, withError);
    return withError;
  }

  private FamilyColumns columns() {
    return FamilyColumns.forFamily(family);
  }

  /** Removes the broadcast model from the executors (their loaded copy stays cached). */
  @Override
  public void close() {
    model.destroy();
  }
}
