/**
 * rnn4j on Apache Spark: the model file's bytes shared with every executor ({@link
 * org.rnn4j.spark.ModelBytes}), loaded once per executor JVM, and the distributed inference of
 * every task family over a {@code Dataset<Row>} ({@link org.rnn4j.spark.SparkPredictor}), usable
 * from Java, Scala and Spark SQL.
 *
 * <p>Data-parallel training lives in {@code org.rnn4j.spark.train}, the spark-submit entry point
 * in {@code org.rnn4j.spark.job}. Nothing here changes how a model computes: every prediction goes
 * through the same {@link org.rnn4j.task.TaskModel} inference classes as the command line and the
 * HTTP server, so a row's prediction equals the one made on a single machine.
 */
package org.rnn4j.spark;
