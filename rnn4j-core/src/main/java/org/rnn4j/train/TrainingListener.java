package org.rnn4j.train;

/** Observes a training run: progress display, metrics logs. All methods default to nothing. */
public interface TrainingListener {

  /**
   * @param epochs epochs planned
   * @param batches batches per epoch
   * @param firstEpoch the epoch the run starts (or resumes) in
   */
  default void onStart(int epochs, int batches, int firstEpoch) {}

  default void onStep(StepReport report) {}

  default void onEpoch(EpochReport report) {}

  default void onEnd(TrainingResult result) {}
}
