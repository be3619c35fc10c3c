package org.rnn4j.spark.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.train.Objective;

/**
 * The executors' side of one task family in distributed training: how to build a replica of the
 * driver's model with its training objective, how a partition's cached rows become one of the
 * family's batches, and how much a batch weighs in the averages.
 *
 * <p>An implementation is a record of what the executors need (the model's config as JSON, the
 * vocabulary's special ids), so that equal specs are equal values: an executor JVM pools its
 * replicas by them.
 *
 * @param <E> a cached training row of the family (token ids, class ids)
 * @param <B> the family's batch
 */
interface ReplicaFamily<E, B> extends Serializable {
  /**
   * A new model of the driver's config (weights to be overwritten) and its training objective.
   *
   * @return the objective; its {@link Objective#model()} is the replica's model
   */
  Objective<B> objective();

  /**
   * The batch of rows [from, to) of a partition.
   *
   * @param rows the partition's rows, in order
   * @param from the first
   * @param to after the last
   * @return the padded batch of to − from rows
   */
  B batch(List<E> rows, int from, int to);

  /**
   * w, the weight of a batch in the averages: what the objective's training loss is a mean over
   * (rows for a classifier, real target tokens for the token-level families), so that Σ_p w_p·L_p
   * / Σ_p w_p is the loss of the union of the partitions' batches.
   *
   * @param objective the replica's objective
   * @param batch the batch
   * @param rows its rows, to − from
   * @return w &gt; 0 for a batch with anything to learn
   */
  float weight(Objective<B> objective, B batch, int rows);

  /** How a family's config reads itself from JSON, as its model files hold it. */
  @FunctionalInterface
  interface ConfigReader<C> {
    C read(JsonNode json, Path source) throws ModelFormatException;
  }

  /**
   * Reads back the model config the driver sent as JSON.
   *
   * @param json the config as the driver wrote it
   * @param what the config's name for the message, e.g. "classifier"
   * @param reader the family's reader, e.g. {@code ClassifierConfig::fromJson}
   * @return the config
   * @throws IllegalStateException if it does not read back (a bug, never the user's data)
   */
  static <C> C config(String json, String what, ConfigReader<C> reader) {
    try {
      return reader.read(new ObjectMapper().readTree(json), Path.of("distributed-training"));
    } catch (JsonProcessingException | ModelFormatException e) {
      throw new IllegalStateException("the driver sent a " + what + " config that does not read"
          + " back: " + e.getMessage(), e);
    }
  }
}
