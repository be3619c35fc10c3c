package org.rnn4j.train;

import java.util.Map;

/**
 * The end of an epoch.
 *
 * @param epoch the epoch, from 0
 * @param trainLoss mean training loss over the epoch's batches
 * @param validation validation metrics (empty without a validation source)
 * @param improved whether the monitored metric improved (always true without early stopping)
 * @param seconds wall time of the epoch
 */
public record EpochReport(
    int epoch, double trainLoss, Map<String, Double> validation, boolean improved,
    double seconds) {}
