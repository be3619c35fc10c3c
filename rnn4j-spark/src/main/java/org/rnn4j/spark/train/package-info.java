/**
 * Synchronous data-parallel training on Spark. The driver holds the model and the optimizer; the
 * training rows stay in their partitions, encoded and cached, and every executor task trains a
 * replica of the model on its own partition's batches.
 *
 * <p>Two ways to combine the replicas ({@link org.rnn4j.spark.train.Averaging}): averaging the
 * gradients every step, which is the single-machine update with the union of the partitions'
 * batches as one batch, or averaging the parameters (and the optimizer's moments) every k local
 * steps. Sums travel up a tree of aligned partition blocks ({@link
 * org.rnn4j.spark.train.BlockSum}) whose additions happen in one fixed order whatever the order
 * in which tasks finish, so a run is bit-for-bit reproducible for a seed and a partitioning.
 *
 * <p>Dimension names: P partitions, N parameters (all weights as one flat vector), b rows per
 * local batch, B = P·b rows per step.
 */
package org.rnn4j.spark.train;
