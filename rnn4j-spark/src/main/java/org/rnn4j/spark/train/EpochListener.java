package org.rnn4j.spark.train;

/** Told on the driver at the end of every epoch of a distributed run. */
@FunctionalInterface
public interface EpochListener {
  /**
   * @param epoch the epoch just ended, from 1
   * @param epochs E, the epochs of the run
   * @param loss its mean training loss (per row or per target token, as the family's loss)
   * @param steps the driver's updates so far
   */
  void onEpoch(int epoch, int epochs, double loss, long steps);
}
