/**
 * The spark-submit entry point of the shaded job jar ({@code rnn4j-spark-job.jar}): {@code
 * predict} runs any model over a text file, {@code train} trains a classifier on a CSV, {@code
 * bench} measures training and inference against the number of local workers and partitions.
 * Also the synthetic reviews that the tests and the benchmark learn.
 */
package org.rnn4j.spark.job;
