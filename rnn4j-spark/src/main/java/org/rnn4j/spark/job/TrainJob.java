package org.rnn4j.spark.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.rnn4j.io.ModelFile;
import org.rnn4j.spark.train.Averaging;
import org.rnn4j.spark.train.DistributedClassifierTrainer;
import org.rnn4j.spark.train.DistributedConfig;
import org.rnn4j.spark.train.DistributedTrainingResult;
import org.rnn4j.train.TrainingRecipe;

/**
 * {@code train --data CSV --text COLUMN --label COLUMN --out MODEL [--epochs E] [--batch B]
 * [--seed S] [--lr η] [--partitions P] [--averaging gradients|parameters] [--local-steps k]
 * [--checkpoint FILE] [--hidden …]}: a classifier trained data-parallel on a CSV with a header.
 * The rows are hash-partitioned by their values into P partitions and sorted within them, so that
 * every run, and every recomputation after a lost executor, sees the same partitions. Any other
 * {@code --name value} (or {@code --bidirectional}, {@code --lower-case}) is a model option of the
 * classify family. Prints one line per epoch.
 */
final class TrainJob {
  static final Set<String> FLAGS = Set.of("bidirectional", "lower-case");
  private static final Set<String> OWN = Set.of("data", "text", "label", "out", "epochs", "batch",
      "seed", "lr", "partitions", "averaging", "local-steps", "checkpoint");

  private TrainJob() {}

  static void run(SparkSession spark, JobArgs args) throws IOException {
    String text = args.get("text", "text");
    String label = args.get("label", "label");
    Path out = Path.of(args.required("out"));
    int partitions = args.integer("partitions", spark.sparkContext().defaultParallelism(), 1);
    Dataset<Row> data = partitioned(spark.read().option("header", "true")
        .csv(args.required("data")), text, label, partitions);
    DistributedConfig config = config(args);
    DistributedTrainingResult run = DistributedClassifierTrainer.of(spark, config,
            args.except(OWN))
        .withListener((epoch, epochs, loss, steps) -> {
          System.out.printf(Locale.ROOT, "epoch %d/%d: loss %.6f, %d steps%n", epoch, epochs,
              loss, steps);
          System.out.flush();
        })
        .fit(data, text, label);
    Path data0 = Path.of(args.required("data"));
    run.model().save(out, Files.isRegularFile(data0)
        ? ModelFile.Provenance.of(config.seed(), data0)
        : ModelFile.Provenance.now(config.seed(), ""));
    System.out.printf(Locale.ROOT, "trained %s in %d partitions, %d steps per epoch: %s%n",
        out, run.partitions(), run.stepsPerEpoch(), run.epochLosses());
  }

  /** The rows in P partitions by a hash of their values, sorted within each partition. */
  static Dataset<Row> partitioned(Dataset<Row> rows, String text, String label, int partitions) {
    return rows.repartition(partitions, functions.col(text), functions.col(label))
        .sortWithinPartitions(text, label);
  }

  static DistributedConfig config(JobArgs args) {
    DistributedConfig c = DistributedConfig.of(args.integer("epochs", 5, 1),
            args.number("seed", 1, Long.MIN_VALUE))
        .withBatchSize(args.integer("batch", DistributedConfig.DEFAULT_BATCH_SIZE, 1))
        .withLearningRate(args.real("lr", TrainingRecipe.DEFAULT_LEARNING_RATE));
    String averaging = args.get("averaging", "gradients").toUpperCase(Locale.ROOT);
    try {
      if (Averaging.valueOf(averaging) == Averaging.PARAMETERS) {
        c = c.averagingParameters(args.integer("local-steps", DistributedConfig.DEFAULT_LOCAL_STEPS,
            1));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--averaging must be gradients or parameters, got '"
          + args.get("averaging", "") + "'", e);
    }
    return args.has("checkpoint") ? c.withCheckpoint(Path.of(args.required("checkpoint"))) : c;
  }
}
