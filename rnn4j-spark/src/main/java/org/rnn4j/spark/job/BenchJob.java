package org.rnn4j.spark.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rnn4j.io.ModelFile;
import org.rnn4j.spark.SparkPredictor;
import org.rnn4j.spark.train.Averaging;
import org.rnn4j.spark.train.DistributedClassifierTrainer;
import org.rnn4j.spark.train.DistributedConfig;
import org.rnn4j.spark.train.DistributedTrainingResult;
import org.rnn4j.tensor.Tensor;

/**
 * {@code bench [--data CSV --text C --label C] [--rows n] [--epochs E] [--batch B] [--masters
 * local[1],local[2]] [--partitions 1,2,4] [--local-steps k] [--repeat r] [--hidden …]}: prints
 * markdown tables of the seconds per training epoch (gradient and parameter averaging) and the
 * inference throughput (rows per second) for every local master (its number of worker threads)
 * and number of partitions. Without {@code --data} it trains on n synthetic reviews ({@link
 * SyntheticReviews}, default 4,000). Each master first trains one epoch untimed, so that the JIT
 * has compiled the hot loops; inference runs over the data repeated r times.
 */
final class BenchJob {
  static final Set<String> FLAGS = Set.of("bidirectional", "lower-case");
  private static final Set<String> OWN = Set.of("data", "text", "label", "rows", "epochs",
      "batch", "masters", "partitions", "local-steps", "repeat", "seed");

  private BenchJob() {}

  /** One measured configuration. */
  private record Measured(String master, int partitions, String what, double value,
      int stepsPerEpoch) {}

  static void run(JobArgs args) throws IOException {
    Path data = args.has("data") ? Path.of(args.required("data"))
        : SyntheticReviews.writeCsv(SyntheticReviews.make(args.integer("rows", 4000, 2), 1),
            Files.createTempFile("rnn4j-bench", ".csv"));
    String text = args.has("data") ? args.get("text", "text") : "review";
    String label = args.has("data") ? args.get("label", "label") : "sentiment";
    Map<String, String> model = args.except(OWN);
    int epochs = args.integer("epochs", 1, 1);
    int repeat = args.integer("repeat", 5, 1);
    List<Measured> training = new ArrayList<>();
    List<Measured> inference = new ArrayList<>();
    long parameters = 0;
    for (String master : args.get("masters", "local[1],local[2]").split(",")) {
      SparkSession spark = SparkSession.builder().master(master.trim()).appName("rnn4j bench")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      Dataset<Row> rows = spark.read().option("header", "true").csv(data.toString()).cache();
      DistributedConfig base = TrainJob.config(args).withEpochs(epochs);
      train(spark, TrainJob.partitioned(rows, text, label, 1), text, label,
          base.withEpochs(1), model); // warm-up
      for (String p : args.get("partitions", "1,2,4").split(",")) {
        int partitions = Integer.parseInt(p.trim());
        Dataset<Row> parts = TrainJob.partitioned(rows, text, label, partitions).cache();
        parts.count();
        DistributedTrainingResult trained = null;
        for (Averaging averaging : Averaging.values()) {
          DistributedConfig config = averaging == Averaging.GRADIENTS ? base.averagingGradients()
              : base.averagingParameters(args.integer("local-steps",
                  DistributedConfig.DEFAULT_LOCAL_STEPS, 1));
          long start = System.nanoTime();
          DistributedTrainingResult r = train(spark, parts, text, label, config, model);
          training.add(new Measured(master, partitions, averaging.name().toLowerCase(Locale.ROOT),
              (System.nanoTime() - start) / 1e9 / epochs, r.stepsPerEpoch()));
          if (averaging == Averaging.GRADIENTS) {
            trained = r;
          }
        }
        parameters = count(trained.model().model().parameters());
        inference.add(new Measured(master, partitions, "inference",
            inferenceRate(spark, trained, parts, text, repeat), 0));
        parts.unpersist();
      }
      spark.stop();
    }
    print(training, inference, parameters);
  }

  private static DistributedTrainingResult train(SparkSession spark, Dataset<Row> rows,
      String text, String label, DistributedConfig config, Map<String, String> model) {
    return DistributedClassifierTrainer.of(spark, config, model).fit(rows, text, label);
  }

  /** Rows per second of distributed inference over the rows repeated r times. */
  private static double inferenceRate(SparkSession spark, DistributedTrainingResult trained,
      Dataset<Row> rows, String text, int repeat) throws IOException {
    Path file = Files.createTempFile("rnn4j-bench", ".safetensors");
    try {
      trained.model().save(file, ModelFile.Provenance.now(0, ""));
      Dataset<Row> input = rows.select(text);
      for (int i = 1; i < repeat; i++) {
        input = input.union(rows.select(text));
      }
      input = input.cache();
      long n = input.count();
      try (SparkPredictor p = SparkPredictor.load(spark, file).withInputColumn(text)) {
        p.transform(input).write().format("noop").mode("overwrite").save(); // loads the model
        long start = System.nanoTime();
        p.transform(input).write().format("noop").mode("overwrite").save();
        return n / ((System.nanoTime() - start) / 1e9);
      } finally {
        input.unpersist();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static long count(Map<String, Tensor> parameters) {
    long n = 0;
    for (Tensor t : parameters.values()) {
      n += t.size();
    }
    return n;
  }

  private static void print(List<Measured> training, List<Measured> inference, long n) {
    System.out.printf(Locale.ROOT, "%nmodel: %,d parameters (%,d bytes as float32)%n%n", n, 4 * n);
    System.out.println("| master | partitions | averaging | steps per epoch | s per epoch |");
    System.out.println("|---|---:|---|---:|---:|");
    for (Measured m : training) {
      System.out.printf(Locale.ROOT, "| %s | %d | %s | %d | %.2f |%n", m.master(),
          m.partitions(), m.what(), m.stepsPerEpoch(), m.value());
    }
    System.out.println();
    System.out.println("| master | partitions | inference rows/s |");
    System.out.println("|---|---:|---:|");
    for (Measured m : inference) {
      System.out.printf(Locale.ROOT, "| %s | %d | %,.0f |%n", m.master(), m.partitions(),
          m.value());
    }
  }
}
