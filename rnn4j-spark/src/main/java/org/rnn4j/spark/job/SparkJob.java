package org.rnn4j.spark.job;

import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/**
 * {@code spark-submit --class org.rnn4j.spark.job.SparkJob rnn4j-spark-job.jar COMMAND …}: the
 * commands {@code predict}, {@code train} and {@code bench} (see {@link PredictJob}, {@link
 * TrainJob}, {@link BenchJob}). A bad argument prints one line on stderr and exits with 2.
 */
public final class SparkJob {
  private SparkJob() {}

  /**
   * @param args the command and its arguments
   * @throws Exception when the job fails (Spark reports it)
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: SparkJob predict|train|bench --name value …");
      System.exit(2);
    }
    try {
      switch (args[0]) {
        case "predict" -> {
          SparkSession spark = SparkSession.builder().appName("rnn4j predict").getOrCreate();
          PredictJob.run(spark, JobArgs.parse(args, 1, PredictJob.FLAGS));
          spark.stop();
        }
        case "train" -> {
          SparkSession spark = SparkSession.builder().appName("rnn4j train").getOrCreate();
          TrainJob.run(spark, JobArgs.parse(args, 1, TrainJob.FLAGS));
          spark.stop();
        }
        case "bench" -> BenchJob.run(JobArgs.parse(args, 1, BenchJob.FLAGS));
        default -> throw new IllegalArgumentException("unknown command '" + args[0]
            + "': expected predict, train or bench (arguments " + Arrays.toString(args) + ")");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("rnn4j-spark: " + e.getMessage());
      System.exit(2);
    }
  }
}
