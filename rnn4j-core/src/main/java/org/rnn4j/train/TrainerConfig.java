package org.rnn4j.train;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.rnn4j.optim.LearningRateSchedule;
import org.rnn4j.optim.ReduceOnPlateauConfig;

/**
 * How a {@link Trainer} runs. Build with {@link #builder(int, long)}.
 *
 * @param epochs epochs to train, at least 1
 * @param seed seeds the shuffling of each epoch and the randomness of each step
 * @param clipNorm clip the global gradient norm to this; 0 disables clipping
 * @param checkpoint where to keep the checkpoint (written at the end of every epoch)
 * @param checkpointEverySteps also write it every this many steps; 0 for epoch ends only
 * @param earlyStopping stop on a stalled validation metric and restore the best weights
 * @param maxSteps stop (interrupted) after this many steps in all; 0 for no limit
 * @param schedule the learning rate as a function of completed steps (or epochs)
 * @param scheduleByEpoch whether {@code schedule} counts epochs rather than steps
 * @param plateau reduce the learning rate when a validation metric stalls
 * @param stop asked before every step; when it answers true the run writes its checkpoint and
 *     ends, interrupted (a signal handler's flag, say)
 */
public record TrainerConfig(
    int epochs,
    long seed,
    double clipNorm,
    Optional<Path> checkpoint,
    int checkpointEverySteps,
    Optional<EarlyStopping> earlyStopping,
    long maxSteps,
    Optional<LearningRateSchedule> schedule,
    boolean scheduleByEpoch,
    Optional<Plateau> plateau,
    BooleanSupplier stop) {

  public static final double DEFAULT_CLIP_NORM = 5.0;

  /** Checks every setting. */
  public TrainerConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    if (!(clipNorm >= 0)) {
      throw new IllegalArgumentException("clipNorm must be non-negative (0 = off), got " + clipNorm);
    }
    if (checkpointEverySteps < 0) {
      throw new IllegalArgumentException(
          "checkpointEverySteps must be non-negative, got " + checkpointEverySteps);
    }
    if (maxSteps < 0) {
      throw new IllegalArgumentException("maxSteps must be non-negative, got " + maxSteps);
    }
    if (schedule.isPresent() && plateau.isPresent()) {
      throw new IllegalArgumentException(
          "give either a learning-rate schedule or reduce-on-plateau, not both");
    }
  }

  /**
   * Reduce-on-plateau driven by a validation metric, fed once per epoch.
   *
   * @param metric the validation metric, e.g. "loss"
   * @param config factor, patience, mode and the rest
   */
  public record Plateau(String metric, ReduceOnPlateauConfig config) {}

  /** A builder: clipping at {@value #DEFAULT_CLIP_NORM}, no checkpoint, no early stopping. */
  public static Builder builder(int epochs, long seed) {
    return new Builder(epochs, seed);
  }

  /** Builds a {@link TrainerConfig}. */
  public static final class Builder {
    private final int epochs;
    private final long seed;
    private double clipNorm = DEFAULT_CLIP_NORM;
    private Optional<Path> checkpoint = Optional.empty();
    private int checkpointEverySteps;
    private Optional<EarlyStopping> earlyStopping = Optional.empty();
    private long maxSteps;
    private Optional<LearningRateSchedule> schedule = Optional.empty();
    private boolean scheduleByEpoch;
    private Optional<Plateau> plateau = Optional.empty();
    private BooleanSupplier stop = () -> false;

    private Builder(int epochs, long seed) {
      this.epochs = epochs;
      this.seed = seed;
    }

    public Builder clipNorm(double value) {
      this.clipNorm = value;
      return this;
    }

    public Builder checkpoint(Path file) {
      this.checkpoint = Optional.of(file);
      return this;
    }

    public Builder checkpointEverySteps(int steps) {
      this.checkpointEverySteps = steps;
      return this;
    }

    public Builder earlyStopping(EarlyStopping value) {
      this.earlyStopping = Optional.of(value);
      return this;
    }

    public Builder maxSteps(long steps) {
      this.maxSteps = steps;
      return this;
    }

    /** The learning rate after t completed steps ({@code byEpoch}: epochs) is rate(t). */
    public Builder schedule(LearningRateSchedule value, boolean byEpoch) {
      this.schedule = Optional.of(value);
      this.scheduleByEpoch = byEpoch;
      return this;
    }

    public Builder plateau(String metric, ReduceOnPlateauConfig config) {
      this.plateau = Optional.of(new Plateau(metric, config));
      return this;
    }

    /** Stop (interrupted, after writing the checkpoint) before the first step it answers true. */
    public Builder stopWhen(BooleanSupplier value) {
      this.stop = value;
      return this;
    }

    public TrainerConfig build() {
      return new TrainerConfig(epochs, seed, clipNorm, checkpoint, checkpointEverySteps,
          earlyStopping, maxSteps, schedule, scheduleByEpoch, plateau, stop);
    }
  }
}
