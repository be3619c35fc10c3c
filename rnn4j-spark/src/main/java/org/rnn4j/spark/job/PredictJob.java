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
 * {@code predict --model M --input FILE --output FILE [--partitions P] [--batch B] [--beam …]}:
 * every line of the input (a text, or for forecast models a history of numbers separated by
 * commas or spaces) through the model, in P partitions; the driver writes one JSON object per
 * line, in input order: {@code {"id", "value", "prediction": {…}, "prediction_error"}}. Any
 * other {@code --name value} is a family option ({@code beam}, {@code alpha}, {@code
 * max-length}, {@code steps}).
 */
final class PredictJob {
  static final Set<String> FLAGS = Set.of();
  private static final Set<String> OWN = Set.of("model", "input", "output", "partitions", "batch");

  private PredictJob() {}

  static void run(SparkSession spark, JobArgs args) throws IOException {
    Path output = Path.of(args.required("output"));
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
    List<String> json = predictor.transform(lines).orderBy("id").toJSON().collectAsList();
    Files.write(output, json);
    long errors = json.stream().filter(j -> j.contains("\"prediction_error\"")).count();
    System.out.printf("predicted %d rows in %d partitions (%d with an error) into %s%n",
        json.size(), partitions, errors, output);
    predictor.close();
  }
}
