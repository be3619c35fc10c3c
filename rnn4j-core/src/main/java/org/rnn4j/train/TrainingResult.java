package org.rnn4j.train;

import java.util.Map;
import java.util.Optional;

/**
 * How a training run ended.
 *
 * @param epochsCompleted epochs finished
 * @param globalStep steps taken in all, across resumes
 * @param stoppedEarly whether early stopping ended the run
 * @param interrupted whether the run stopped at {@code maxSteps} before finishing (a checkpoint
 *     was written when a checkpoint path is set)
 * @param best the best validation metrics seen, when early stopping monitored one
 * @param lastValidation the last validation metrics
 */
public record TrainingResult(
    int epochsCompleted,
    long globalStep,
    boolean stoppedEarly,
    boolean interrupted,
    Optional<Map<String, Double>> best,
    Map<String, Double> lastValidation) {}
