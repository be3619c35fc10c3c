package org.rnn4j.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The one way rnn4j trains a task model, shared by the command line, the demos and library
 * users: an optimizer over the objective's model parameters ({@link Optimization}: Adam at a
 * constant rate unless told otherwise), the global gradient norm clipped, validation
 * after every epoch, optional early stopping that keeps the best epoch's weights, and listeners
 * for progress and logs, and optionally a checkpoint (written at every epoch's end and when the
 * stop signal asks) from which an interrupted run resumes exactly. Before the first epoch it
 * runs the step of the largest batch once without updating anything ({@link LargestBatchCheck}),
 * so that a run whose activations cannot fit fails at once. For anything else (warm-up, a
 * checkpoint every few steps) build a {@link Trainer} directly.
 *
 * @param epochs how many passes over the training batches
 * @param seed the run's seed: batch order and dropout derive from it
 * @param learningRate the optimizer's (initial) step size η₀
 * @param clipNorm the largest global gradient norm; 0 turns clipping off
 * @param earlyStopping when to stop and which epoch's weights to keep, if at all
 * @param listeners progress bar, metrics log, charts
 * @param checkpoint where to keep the run's checkpoint, if anywhere; a run resumes from it when
 *     it exists
 * @param stop asked before every step; true ends the run, interrupted, after the checkpoint
 * @param optimization the update rule, weight decay and learning-rate schedule
 */
public record TrainingRecipe(int epochs, long seed, double learningRate, double clipNorm,
    Optional<EarlyStopping> earlyStopping, List<TrainingListener> listeners,
    Optional<Path> checkpoint, BooleanSupplier stop, Optimization optimization) {

  public static final double DEFAULT_LEARNING_RATE = 0.01;

  /** Checks the settings; copies the listeners. */
  public TrainingRecipe {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be positive and finite, got "
          + learningRate);
    }
    if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
      throw new IllegalArgumentException("clipNorm must be finite and at least 0, got "
          + clipNorm);
    }
    if (earlyStopping == null || listeners == null || checkpoint == null || stop == null
        || optimization == null) {
      throw new IllegalArgumentException(
          "earlyStopping, checkpoint (Optionals), listeners, stop and optimization must be given");
    }
    listeners = List.copyOf(listeners);
  }

  /**
   * The defaults: Adam at a constant learning rate {@value #DEFAULT_LEARNING_RATE}, clipping at
   * {@link TrainerConfig#DEFAULT_CLIP_NORM}, no early stopping, no listeners.
   *
   * @param epochs passes over the data
   * @param seed the run's seed
   * @return the recipe
   */
  public static TrainingRecipe of(int epochs, long seed) {
    return new TrainingRecipe(epochs, seed, DEFAULT_LEARNING_RATE,
        TrainerConfig.DEFAULT_CLIP_NORM, Optional.empty(), List.of(), Optional.empty(),
        () -> false, Optimization.DEFAULT);
  }

  /** This recipe with another learning rate. */
  public TrainingRecipe withLearningRate(double value) {
    return new TrainingRecipe(epochs, seed, value, clipNorm, earlyStopping, listeners,
        checkpoint, stop, optimization);
  }

  /** This recipe with another clipping norm (0: off). */
  public TrainingRecipe withClipNorm(double value) {
    return new TrainingRecipe(epochs, seed, learningRate, value, earlyStopping, listeners,
        checkpoint, stop, optimization);
  }

  /** This recipe stopping early as given. */
  public TrainingRecipe withEarlyStopping(EarlyStopping value) {
    return new TrainingRecipe(epochs, seed, learningRate, clipNorm, Optional.of(value),
        listeners, checkpoint, stop, optimization);
  }

  /** This recipe with these listeners instead of its own. */
  public TrainingRecipe withListeners(List<TrainingListener> value) {
    return new TrainingRecipe(epochs, seed, learningRate, clipNorm, earlyStopping, value,
        checkpoint, stop, optimization);
  }

  /** This recipe with another seed. */
  public TrainingRecipe withSeed(long value) {
    return new TrainingRecipe(epochs, value, learningRate, clipNorm, earlyStopping, listeners,
        checkpoint, stop, optimization);
  }

  /** This recipe keeping a checkpoint in {@code file} and resuming from it when it exists. */
  public TrainingRecipe withCheckpoint(Path file) {
    return new TrainingRecipe(epochs, seed, learningRate, clipNorm, earlyStopping, listeners,
        Optional.of(file), stop, optimization);
  }

  /** This recipe ending the run, interrupted and checkpointed, once {@code value} says so. */
  public TrainingRecipe withStop(BooleanSupplier value) {
    return new TrainingRecipe(epochs, seed, learningRate, clipNorm, earlyStopping, listeners,
        checkpoint, value, optimization);
  }

  /**
   * The validation metrics this recipe watches: early stopping's, and the plateau schedule's.
   *
   * @return their names, possibly none
   */
  public Set<String> watchedMetrics() {
    Set<String> names = new TreeSet<>();
    earlyStopping.ifPresent(es -> names.add(es.metric()));
    if (optimization.schedule() == Optimization.Schedule.PLATEAU) {
      names.add(optimization.watched().name());
    }
    return names;
  }

  /** This recipe with another optimizer, weight decay or schedule. */
  public TrainingRecipe withOptimization(Optimization value) {
    return new TrainingRecipe(epochs, seed, learningRate, clipNorm, earlyStopping, listeners,
        checkpoint, stop, value);
  }

  /**
   * Trains the objective's model in place.
   *
   * @param objective the model and its loss
   * @param train the training batches
   * @param validation evaluated after every epoch, when present
   * @param <B> the batch type
   * @return how the run ended; with early stopping the model holds the best epoch's weights
   * @throws TrainingDivergedException on a NaN or infinite loss or gradient
   * @throws IllegalArgumentException if {@code train} holds no batch
   */
  public <B> TrainingResult fit(Objective<B> objective, BatchSource<B> train,
      Optional<BatchSource<B>> validation) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("there is nothing to train on: the training source"
          + " holds no batch");
    }
    TrainerConfig.Builder config = TrainerConfig.builder(epochs, seed).clipNorm(clipNorm)
        .stopWhen(stop);
    earlyStopping.ifPresent(config::earlyStopping);
    checkpoint.ifPresent(config::checkpoint);
    optimization.schedule(config, learningRate, epochs, train.size());
    LargestBatchCheck.run(objective, train);
    return new Trainer<>(config.build(), objective,
        optimization.build(objective.model().parameters(), learningRate), listeners)
        .fit(train, validation);
  }
}
