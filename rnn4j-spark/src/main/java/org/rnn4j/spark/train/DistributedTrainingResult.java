package org.rnn4j.spark.train;

import java.util.List;
import org.rnn4j.task.TrainedModel;

/**
 * How a distributed run ended.
 *
 * @param model the trained model with its config and vocabulary (if its family has one), ready to
 *     be saved as a model file of its family ({@link TrainedModel#save})
 * @param epochLosses the mean training loss of each epoch, the resumed ones included: per row
 *     for classify, forecast and ctc, per real target token for lm, tag and seq2seq
 * @param steps the driver's updates: steps under gradient averaging, rounds under parameter
 *     averaging
 * @param partitions P, the partitions of the training rows
 * @param stepsPerEpoch S, the steps of one epoch: the local batches of the largest partition
 */
public record DistributedTrainingResult(TrainedModel model, List<Double> epochLosses, long steps,
    int partitions, int stepsPerEpoch) {}
