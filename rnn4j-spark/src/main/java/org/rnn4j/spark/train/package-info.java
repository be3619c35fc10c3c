/**
 * Synchronous data-parallel training on Spark, for the classify, lm, tag, seq2seq, forecast and
 * ctc families ({@link org.rnn4j.spark.train.DistributedTrainer}; {@link
 * org.rnn4j.spark.train.DistributedClassifierTrainer} is its classify family under its own name).
 * The driver holds the model and the optimizer; the training rows stay in their partitions,
 * encoded and cached, and every executor task trains a replica of the model on its own
 * partition's batches.
 *
 * <p>One trainer serves every family: it drives the core {@link org.rnn4j.train.Objective} of
 * the family's model. What differs per family is small: on the driver, which columns and options
 * it reads and how it builds the model's config and vocabularies from the rows as the
 * single-machine family does (vocabularies counted across the partitions) and encodes the rows
 * where they lie ({@code FamilyTraining}); on the executors, how a replica of the model and its
 * objective are built, how cached rows become the family's batch, and what a batch weighs
 * ({@code ReplicaFamily}: rows for classify, forecast and ctc, real target tokens for lm, tag and
 * seq2seq).
 *
 * <p>Two ways to combine the replicas ({@link org.rnn4j.spark.train.Averaging}): averaging the
 * gradients every step, which is the single-machine update with the union of the partitions'
 * batches as one batch, or averaging the parameters (and the optimizer's moments) every k local
 * steps. Sums travel up a tree of aligned partition blocks ({@link
 * org.rnn4j.spark.train.BlockSum}) whose additions happen in one fixed order whatever the order
 * in which tasks finish, so a run is bit-for-bit reproducible for a seed and a partitioning.
 *
 * <p>Dimension names: P partitions, N parameters (all weights as one flat vector), b rows per
 * local batch, B = P·b rows per step; n_p the weight of partition p's local batch.
 */
package org.rnn4j.spark.train;
