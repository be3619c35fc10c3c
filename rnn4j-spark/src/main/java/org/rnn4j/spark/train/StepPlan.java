package org.rnn4j.spark.train;

import java.io.Serializable;

/**
 * Where a run is and what every partition must know to train its part of the next step(s).
 *
 * @param seed the run's seed
 * @param epoch the epoch, from 0
 * @param stepInEpoch s, the first step of the epoch to train, from 0
 * @param steps how many consecutive steps to train (1 under gradient averaging, up to k under
 *     parameter averaging)
 * @param globalStep the global number of step s, from 1
 * @param localBatch b, rows per local batch
 * @param clipNorm the largest gradient norm of a local step (0: none)
 */
record StepPlan(long seed, int epoch, int stepInEpoch, int steps, long globalStep,
    int localBatch, double clipNorm) implements Serializable {}
