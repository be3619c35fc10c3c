package org.rnn4j.train;

/**
 * Where a run is, as saved in a checkpoint: enough to continue exactly.
 *
 * @param epoch the current epoch, from 0
 * @param nextBatch the next batch (position in the epoch's order) to train on
 * @param globalStep steps taken so far
 * @param trainLossSum sum of this epoch's batch losses so far
 * @param bestMetric the best monitored validation value so far (NaN before the first)
 * @param epochsWithoutImprovement epochs since the monitored metric last improved
 */
record Position(
    int epoch,
    int nextBatch,
    long globalStep,
    double trainLossSum,
    double bestMetric,
    int epochsWithoutImprovement) {

  static Position start() {
    return new Position(0, 0, 0, 0, Double.NaN, 0);
  }
}
