package org.rnn4j.spark.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.rnn4j.io.ModelFile;
import org.rnn4j.spark.train.Averaging;
import org.rnn4j.spark.train.DistributedTrainer;
import org.rnn4j.spark.train.DistributedConfig;
import org.rnn4j.spark.train.DistributedTrainingResult;
import org.rnn4j.train.TrainingRecipe;

/**
 * {@code train [--task classify|lm|tag|seq2seq|forecast|ctc] --data PATH --out MODEL [--epochs E] [--batch B]
 * [--seed S] [--lr η] [--partitions P] [--averaging gradients|parameters] [--local-steps k]
 * [--checkpoint FILE] [--hidden …]}: a model of the family trained data-parallel. The data, by
 * task:
 *
 * <pre>
 * classify  a CSV with a header; --text COLUMN (text), --label COLUMN (label)
 * lm        text files, one text per line (blank lines left out)
 * tag       a CSV with a header; --tokens-column COLUMN (tokens), --tags-column COLUMN (tags),
 *           each a string of whitespace-separated tokens, one tag per token
 * seq2seq   a CSV with a header; --source COLUMN (source), --target COLUMN (target)
 * forecast  text files, one whole series per line: numbers separated by commas or whitespace
 * ctc       a CSV with a header; --audio COLUMN (the path of a recording every executor can
 *           read), --transcript COLUMN (transcript)
 * </pre>
 *
 * The rows are hash-partitioned by their values into P partitions and sorted within them, so that
 * every run, and every recomputation after a lost executor, sees the same partitions. Any other
 * {@code --name value} (or {@code --bidirectional}, {@code --lower-case}) is a model option of the
 * family ({@link DistributedTrainer#options}). Prints one line per epoch.
 */
final class TrainJob {
  static final Set<String> FLAGS = Set.of("bidirectional", "lower-case");
  private static final Set<String> OWN = Set.of("task", "data", "text", "label", "tokens-column",
      "tags-column", "source", "target", "audio", "transcript", "out", "epochs", "batch", "seed",
      "lr", "partitions", "averaging", "local-steps", "checkpoint");

  private TrainJob() {}

  static void run(SparkSession spark, JobArgs args) throws IOException {
    String task = args.get("task", "classify");
    if (!DistributedTrainer.tasks().contains(task)) {
      throw new IllegalArgumentException("--task must be one of " + DistributedTrainer.tasks()
          + ", got '" + task + "'");
    }
    Path out = Path.of(args.required("out"));
    int partitions = args.integer("partitions", spark.sparkContext().defaultParallelism(), 1);
    String[] columns = columns(task, args);
    Dataset<Row> read = switch (task) {
      case "lm" -> spark.read().text(args.required("data"));
      case "forecast" -> series(spark.read().text(args.required("data")));
      default -> spark.read().option("header", "true").csv(args.required("data"));
    };
    Dataset<Row> data = partitioned(read, partitions, columns);
    DistributedConfig config = config(args);
    DistributedTrainingResult run = DistributedTrainer.of(spark, config, task, args.except(OWN))
        .withListener((epoch, epochs, loss, steps) -> {
          System.out.printf(Locale.ROOT, "epoch %d/%d: loss %.6f, %d steps%n", epoch, epochs,
              loss, steps);
          System.out.flush();
        })
        .fit(data, columns);
    Path data0 = Path.of(args.required("data"));
    run.model().save(out, Files.isRegularFile(data0)
        ? ModelFile.Provenance.of(config.seed(), data0)
        : ModelFile.Provenance.now(config.seed(), ""));
    System.out.printf(Locale.ROOT, "trained %s in %d partitions, %d steps per epoch: %s%n",
        out, run.partitions(), run.stepsPerEpoch(), run.epochLosses());
  }

  /**
   * Lines of numbers separated by commas or whitespace as a {@code value: array<double>} column,
   * one series per non-blank line.
   *
   * @throws IllegalArgumentException naming how many lines hold something that is not a number
   */
  static Dataset<Row> series(Dataset<Row> lines) {
    Dataset<Row> parsed = lines.filter(functions.trim(functions.col("value")).notEqual(""))
        .select(functions.expr("transform(split(trim(value), '[,\\\\s]+'),"
            + " x -> try_cast(x as double))").as("value"));
    long bad = parsed.filter(functions.expr("exists(value, v -> v is null)")).count();
    if (bad > 0) {
      throw new IllegalArgumentException("--data: " + bad + " lines hold something that is not"
          + " a number: expected one series per line, numbers separated by commas or spaces");
    }
    return parsed;
  }

  /** The task's columns, named by the arguments or by default. */
  static String[] columns(String task, JobArgs args) {
    return switch (task) {
      case "lm", "forecast" -> new String[] {"value"};
      case "tag" -> new String[] {args.get("tokens-column", "tokens"),
          args.get("tags-column", "tags")};
      case "seq2seq" -> new String[] {args.get("source", "source"), args.get("target", "target")};
      case "ctc" -> new String[] {args.get("audio", "audio"),
          args.get("transcript", "transcript")};
      default -> new String[] {args.get("text", "text"), args.get("label", "label")};
    };
  }

  /** The rows in P partitions by a hash of their values, sorted within each partition. */
  static Dataset<Row> partitioned(Dataset<Row> rows, String text, String label, int partitions) {
    return partitioned(rows, partitions, text, label);
  }

  /**
   * The rows in P partitions by a hash of the columns' values, sorted by them within each
   * partition; a missing column is left to the trainer to name.
   */
  static Dataset<Row> partitioned(Dataset<Row> rows, int partitions, String... columns) {
    List<String> present = Arrays.asList(rows.columns());
    Column[] keys = Arrays.stream(columns).filter(present::contains).map(functions::col)
        .toArray(Column[]::new);
    return keys.length == 0 ? rows : rows.repartition(partitions, keys).sortWithinPartitions(keys);
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
