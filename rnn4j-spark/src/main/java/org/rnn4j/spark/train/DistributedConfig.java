package org.rnn4j.spark.train;

import java.nio.file.Path;
import java.util.Optional;
import org.rnn4j.train.Optimization;
import org.rnn4j.train.TrainerConfig;
import org.rnn4j.train.TrainingRecipe;

/**
 * How a distributed run trains.
 *
 * @param epochs E ≥ 1, passes over every partition's rows
 * @param seed the run's seed: initial weights, each partition's batch order, dropout
 * @param batchSize B ≥ 1, rows per step over all partitions; each partition's local batch holds
 *     b = ⌈B / P⌉ rows
 * @param learningRate η &gt; 0, constant
 * @param clipNorm the largest global gradient norm (0: no clipping), applied by the driver to the
 *     averaged gradient, or by each replica to its own under parameter averaging
 * @param optimization the update rule and weight decay; its schedule must be constant
 * @param averaging gradients every step or parameters every {@code localSteps} steps
 * @param localSteps k ≥ 1, local steps between two parameter averages (parameters only)
 * @param treeFanIn f ≥ 2, partial sums combined per node of the aggregation tree
 * @param checkpoint where the driver keeps the run's checkpoint (written at the end of every
 *     epoch, atomically), if anywhere; a run resumes from it when it exists
 */
public record DistributedConfig(int epochs, long seed, int batchSize, double learningRate,
    double clipNorm, Optimization optimization, Averaging averaging, int localSteps,
    int treeFanIn, Optional<Path> checkpoint) {
  /** Rows per step, by default, as the command line's {@code --batch}. */
  public static final int DEFAULT_BATCH_SIZE = 32;
  /**
   * Local steps between parameter averages, by default: few enough that replicas do not drift
   * apart on small partitions, enough to divide the communication by 4.
   */
  public static final int DEFAULT_LOCAL_STEPS = 4;
  /** Partial sums combined per tree node, by default: two levels for up to 64 partitions. */
  public static final int DEFAULT_TREE_FAN_IN = 8;

  /** Checks every setting, naming it with the expected and actual value. */
  public DistributedConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be positive and finite, got "
          + learningRate);
    }
    if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
      throw new IllegalArgumentException("clipNorm must be finite and at least 0, got "
          + clipNorm);
    }
    if (optimization == null || averaging == null || checkpoint == null) {
      throw new IllegalArgumentException("optimization, averaging and checkpoint (an Optional)"
          + " must be given");
    }
    if (optimization.schedule() != Optimization.Schedule.CONSTANT) {
      throw new IllegalArgumentException("distributed training runs at a constant learning"
          + " rate: expected schedule CONSTANT, got " + optimization.schedule());
    }
    if (localSteps < 1) {
      throw new IllegalArgumentException("localSteps must be at least 1, got " + localSteps);
    }
    if (treeFanIn < 2) {
      throw new IllegalArgumentException("treeFanIn must be at least 2, got " + treeFanIn);
    }
  }

  /**
   * The defaults of single-machine training ({@link TrainingRecipe#of}): Adam at {@value
   * TrainingRecipe#DEFAULT_LEARNING_RATE}, clipping at {@link TrainerConfig#DEFAULT_CLIP_NORM},
   * batches of {@value #DEFAULT_BATCH_SIZE}, gradient averaging, no checkpoint.
   *
   * @param epochs E
   * @param seed the run's seed
   * @return the config
   */
  public static DistributedConfig of(int epochs, long seed) {
    return new DistributedConfig(epochs, seed, DEFAULT_BATCH_SIZE,
        TrainingRecipe.DEFAULT_LEARNING_RATE, TrainerConfig.DEFAULT_CLIP_NORM,
        Optimization.DEFAULT, Averaging.GRADIENTS, DEFAULT_LOCAL_STEPS, DEFAULT_TREE_FAN_IN,
        Optional.empty());
  }

  /** This config with B rows per step. */
  public DistributedConfig withBatchSize(int value) {
    return new DistributedConfig(epochs, seed, value, learningRate, clipNorm, optimization,
        averaging, localSteps, treeFanIn, checkpoint);
  }

  /** This config with learning rate η. */
  public DistributedConfig withLearningRate(double value) {
    return new DistributedConfig(epochs, seed, batchSize, value, clipNorm, optimization,
        averaging, localSteps, treeFanIn, checkpoint);
  }

  /** This config with E epochs. */
  public DistributedConfig withEpochs(int value) {
    return new DistributedConfig(value, seed, batchSize, learningRate, clipNorm, optimization,
        averaging, localSteps, treeFanIn, checkpoint);
  }

  /** This config averaging gradients every step. */
  public DistributedConfig averagingGradients() {
    return new DistributedConfig(epochs, seed, batchSize, learningRate, clipNorm, optimization,
        Averaging.GRADIENTS, localSteps, treeFanIn, checkpoint);
  }

  /** This config averaging parameters every k local steps. */
  public DistributedConfig averagingParameters(int k) {
    return new DistributedConfig(epochs, seed, batchSize, learningRate, clipNorm, optimization,
        Averaging.PARAMETERS, k, treeFanIn, checkpoint);
  }

  /** This config with f partial sums per tree node. */
  public DistributedConfig withTreeFanIn(int value) {
    return new DistributedConfig(epochs, seed, batchSize, learningRate, clipNorm, optimization,
        averaging, localSteps, value, checkpoint);
  }

  /** This config keeping its checkpoint in {@code file}, resuming from it when it exists. */
  public DistributedConfig withCheckpoint(Path file) {
    return new DistributedConfig(epochs, seed, batchSize, learningRate, clipNorm, optimization,
        averaging, localSteps, treeFanIn, Optional.of(file));
  }
}
