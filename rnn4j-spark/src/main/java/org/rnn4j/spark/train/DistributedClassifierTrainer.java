package org.rnn4j.spark.train;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Trains a text classifier (the classify family) on a {@code Dataset<Row>} of labelled texts,
 * data-parallel and synchronous: the driver holds the model and the optimizer, each partition
 * trains a replica on its own rows, and the replicas are combined every step ({@link
 * Averaging#GRADIENTS}) or every k steps ({@link Averaging#PARAMETERS}). The classify family of
 * {@link DistributedTrainer}, under its own name.
 *
 * <pre>{@code
 * DistributedTrainingResult run = DistributedClassifierTrainer.of(spark,
 *         DistributedConfig.of(5, 42).withBatchSize(64),
 *         Map.of("hidden", "64", "embedding", "32"))
 *     .fit(reviews, "review", "sentiment");
 * run.model().save(Path.of("sentiment.safetensors"), ModelFile.Provenance.now(42, ""));
 * }</pre>
 *
 * <p>The model, its vocabulary and its labels are those the command line's {@code rnn4j train
 * --task classify} builds from the same options and rows (labels sorted, vocabulary by count),
 * and the weights start from the same seed. A step trains on ⌈B / P⌉ rows of every partition;
 * an epoch has as many steps as the largest partition has local batches. The run is bit-for-bit
 * the same for the same seed, partitioning and settings, whatever the executors' speed.
 */
public final class DistributedClassifierTrainer {
  /** The options {@link #of} reads. */
  public static final Set<String> OPTIONS = ClassifyTraining.OPTIONS;

  private final DistributedTrainer trainer;

  private DistributedClassifierTrainer(DistributedTrainer trainer) {
    this.trainer = trainer;
  }

  /**
   * @param spark the session
   * @param config how to train
   * @param options the classify family's model and text options as the command line names them
   *     without dashes: {@code cell}, {@code hidden}, {@code layers}, {@code dropout}, {@code
   *     bidirectional}, {@code embedding}, {@code pooling}, {@code tokens}, {@code min-count},
   *     {@code max-vocabulary}, {@code lower-case}
   * @return the trainer
   * @throws IllegalArgumentException naming an option that is none of these
   */
  public static DistributedClassifierTrainer of(SparkSession spark, DistributedConfig config,
      Map<String, String> options) {
    return new DistributedClassifierTrainer(DistributedTrainer.of(spark, config, "classify",
        options));
  }

  /** This trainer telling {@code value} about every epoch's end. */
  public DistributedClassifierTrainer withListener(EpochListener value) {
    return new DistributedClassifierTrainer(trainer.withListener(value));
  }

  /**
   * Trains on every row.
   *
   * @param data the training rows
   * @param textColumn the texts
   * @param labelColumn the labels (any type; compared as strings)
   * @return the trained model and how the run went
   * @throws IllegalArgumentException naming a missing column, a column with nulls, an option, or
   *     a checkpoint written with other settings
   * @throws UncheckedIOException if the checkpoint cannot be read or written
   */
  public DistributedTrainingResult fit(Dataset<Row> data, String textColumn, String labelColumn) {
    return trainer.fit(data, textColumn, labelColumn);
  }
}
