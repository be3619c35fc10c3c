package org.rnn4j.spark.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.rnn4j.spark.SparkPredictor;

/**
 * {@code predict --model M --input PATH (--output FILE | --output-dir DIR) [--partitions P]
 * [--batch B] [--beam …]}: every line of the input (a text; for forecast models a history of
 * numbers separated by commas or spaces; for ctc models the path of a recording that every
 * executor can read) through the model, in P partitions. With {@code --output} the driver
 * collects the rows and writes one JSON object per line, in input order:
 * {@code {"id", "value", "prediction": {…}, "prediction_error"}} (a null field is left out);
 * with {@code --output-dir} the executors write the same objects as Spark's JSON files, for
 * inputs too large for the driver. The input may be any path Spark reads (a local file, {@code
 * hdfs://…}, {@code s3a://…}); the model file is read by the driver. Any other {@code --name
 * value} is a family option ({@code beam}, {@code alpha}, {@code max-length}, {@code steps}).
 */
final class PredictJob {
  static final Set<String> FLAGS = Set.of();
  private static final Set<String> OWN = Set.of("model", "input", "output", "output-dir",
      "partitions", "batch");

  private PredictJob() {}

  static void run(SparkSession spark, JobArgs args) throws IOException {
    if (args.has("output") == args.has("output-dir")) {
      throw new IllegalArgumentException("give --output FILE (collected by the driver) or"
          + " --output-dir DIR (written by the executors), not " + (args.has("output")
          ? "both" : "neither"));
    }
    SparkPredictor predictor = SparkPredictor.load(spark, Path.of(args.required("model")))
        .withInputColumn("value")
        .withBatchSize(args.integer("batch", SparkPredictor.DEFAULT_BATCH_SIZE, 1));
    for (var option : args.except(OWN).entrySet()) {
      predictor = predictor.withOption(option.getKey(), option.getValue());
    }
    int partitions = args.integer("partitions", spark.sparkContext().defaultParallelism(), 1);
    Dataset<Row> lines = spark.read().text(args.required("input"))
        .withColumn("id", functions.monotonically_increasing_id())
        .select("id", "value")
        .repartition(partitions);
    Dataset<Row> predicted = predictor.transform(lines);
    if (args.has("output-dir")) {
      predicted.write().json(args.required("output-dir"));
      System.out.printf("predicted the rows of %s in %d partitions into %s%n",
          args.required("input"), partitions, args.required("output-dir"));
      predictor.close();
      return;
    }
    Path output = Path.of(args.required("output"));
    List<String> json = predicted.orderBy("id").toJSON().collectAsList();
    Files.write(output, json);
    long errors = json.stream().filter(j -> j.contains("\"prediction_error\"")).count();
    System.out.printf("predicted %d rows in %d partitions (%d with an error) into %s%n",
        json.size(), partitions, errors, output);
    predictor.close();
  }
}
