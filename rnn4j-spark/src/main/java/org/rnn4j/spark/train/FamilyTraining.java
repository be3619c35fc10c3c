package org.rnn4j.spark.train;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rnn4j.nn.Module;
import org.rnn4j.task.TaskConfig;

/**
 * The driver's side of one task family in distributed training: which columns and options it
 * reads, and how it turns a {@code Dataset<Row>} into a new model of the family (its config and
 * vocabularies built from the data and options as the single-machine family builds them) and the
 * encoded rows cached in their partitions. {@link DistributedTrainer} does the rest, the same
 * for every family.
 */
interface FamilyTraining {
  /** The family's name, as in model files ({@code lm}). */
  String task();

  /** What the family trains, for messages ("language model"). */
  String noun();

  /** The options it reads, named as on the command line without dashes. */
  Set<String> options();

  /** The roles of the columns {@link #prepare} takes, in order ({@code text}, {@code label}). */
  List<String> columns();

  /**
   * Checks the columns, builds the model's config and vocabularies from the rows and options,
   * and encodes the rows where they lie.
   *
   * @param data the training rows
   * @param columns the column of each role of {@link #columns()}, in that order
   * @param options the family's options, already checked to be among {@link #options()}
   * @param seed the run's seed, for the initial weights
   * @return the new model and the cached rows
   * @throws IllegalArgumentException naming a missing column, a column with nulls or of a wrong
   *     type, or an option
   */
  Prepared<?> prepare(Dataset<Row> data, List<String> columns, Map<String, String> options,
      long seed);

  /**
   * A family's model before training and its training rows.
   *
   * @param model the model, its weights initialised from the run's seed as on one machine
   * @param config its config, as the model file stores it
   * @param vocabulary the JSON of its codec(s), as the model file stores it, if it reads text
   * @param rows the encoded rows, cached in the data's partitions and order
   * @param replicas how the executors build replicas of the model and batch the rows
   * @param <E> the family's cached row
   */
  record Prepared<E>(Module model, TaskConfig config, Optional<String> vocabulary,
      JavaRDD<E> rows, ReplicaFamily<E, ?> replicas) {}
}
