package org.rnn4j.train;

import java.util.Optional;

/**
 * What happened in one optimisation step.
 *
 * @param epoch the epoch, from 0
 * @param batchIndex position of the batch within the epoch, from 0
 * @param batches batches per epoch
 * @param globalStep steps taken so far, this one included
 * @param loss the batch's training loss
 * @param gradientNorm the global gradient norm before clipping
 * @param learningRate the rate used for this step
 * @param tokens tokens in the batch
 * @param tokensPerSecond throughput since the run (or resume) started
 * @param stateGradientNorms ‖∂L/∂a⟨t⟩‖ per layer/direction and step, when recorded
 */
public record StepReport(
    int epoch,
    int batchIndex,
    int batches,
    long globalStep,
    double loss,
    double gradientNorm,
    double learningRate,
    long tokens,
    double tokensPerSecond,
    Optional<double[][]> stateGradientNorms) {}
