package org.rnn4j.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.nn.Module;
import org.rnn4j.optim.GradientClipping;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.optim.ReduceOnPlateau;
import org.rnn4j.tensor.Tensor;

/**
 * Trains an {@link Objective} with an {@link Optimizer}: epochs of seeded-shuffled batches,
 * gradient clipping by global norm, validation after every epoch, early stopping with the best
 * weights restored, checkpoints with exact resume, and listeners for progress and metrics.
 *
 * <p>Reproducibility: the order of epoch e is a shuffle seeded by (seed, e); the randomness of step
 * s (dropout) is a generator seeded by (seed, s). A checkpoint therefore needs only the seed and the
 * position to restore every random choice, and a run resumed from a checkpoint ends with the same
 * weights as one that was never interrupted.
 *
 * <p>A NaN or infinite loss or gradient norm stops the run with {@link TrainingDivergedException}
 * before the parameters are updated; the checkpoint on disk is the last one written, from a good
 * state.
 *
 * @param <B> the batch type
 */
public final class Trainer<B> {
  // Distinct streams derived from one seed: epoch shuffles and per-step randomness.
  private static final long SHUFFLE_STREAM = 0x5DEECE66DL;
  private static final long STEP_STREAM = 0x2545F4914F6CDD1DL;

  private final TrainerConfig config;
  private final Objective<B> objective;
  private final Optimizer optimizer;
  private final List<TrainingListener> listeners;
  private final Module model;

  /**
   * @param config how to run
   * @param objective the model and its loss
   * @param optimizer built over the objective's model parameters
   * @param listeners progress, logs
   */
  public Trainer(TrainerConfig config, Objective<B> objective, Optimizer optimizer,
      List<TrainingListener> listeners) {
    this.config = config;
    this.objective = objective;
    this.optimizer = optimizer;
    this.listeners = List.copyOf(listeners);
    this.model = objective.model();
  }

  /**
   * Trains, resuming from the configured checkpoint when it exists.
   *
   * @param train the training batches
   * @param validation evaluated after every epoch, when present
   * @return how the run ended
   * @throws TrainingDivergedException on a NaN or infinite loss or gradient
   * @throws UncheckedIOException when a checkpoint cannot be read or written
   */
  public TrainingResult fit(BatchSource<B> train, Optional<BatchSource<B>> validation) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("the training source has no batches");
    }
    Run run = new Run(train, validation);
    run.restore();
    listeners.forEach(l -> l.onStart(config.epochs(), train.size(), run.at.epoch()));
    TrainingResult result = run.loop();
    listeners.forEach(l -> l.onEnd(result));
    return result;
  }

  /** The mutable state of one call to {@link #fit}. */
  private final class Run {
    final BatchSource<B> train;
    final Optional<BatchSource<B>> validation;
    Position at = Position.start();
    Optional<Map<String, Tensor>> best = Optional.empty();
    final Optional<ReduceOnPlateau> plateau = config.plateau()
        .map(p -> new ReduceOnPlateau(optimizer.learningRate(), p.config()));
    Map<String, Double> lastValidation = Map.of();
    long tokensSinceStart;
    final long startNanos = System.nanoTime();

    Run(BatchSource<B> train, Optional<BatchSource<B>> validation) {
      this.train = train;
      this.validation = validation;
    }

    void restore() {
      if (config.checkpoint().isEmpty() || !Files.exists(config.checkpoint().get())) {
        return;
      }
      try {
        Checkpoint.Restored r = Checkpoint.read(config.checkpoint().get(), model, optimizer,
            objective, config.seed());
        at = r.position();
        best = r.best().map(Trainer::copyOf);
        if (plateau.isPresent()) {
          plateau.get().loadState(r.plateau().orElseThrow(() -> new IllegalArgumentException(
              config.checkpoint().get() + ": the run uses reduce-on-plateau but the checkpoint"
                  + " holds no plateau state")));
          optimizer.setLearningRate(plateau.get().rate());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot resume from " + config.checkpoint().get(), e);
      }
    }

    TrainingResult loop() {
      while (at.epoch() < config.epochs()) {
        long epochStart = System.nanoTime();
        if (at.nextBatch() == 0) {
          objective.startEpoch();
        }
        int[] order = order(at.epoch());
        while (at.nextBatch() < order.length) {
          if (config.maxSteps() > 0 && at.globalStep() >= config.maxSteps()
              || config.stop().getAsBoolean()) {
            save();
            return result(false, true);
          }
          step(train.batch(order[at.nextBatch()]));
          if (config.checkpointEverySteps() > 0
              && at.globalStep() % config.checkpointEverySteps() == 0) {
            save();
          }
        }
        boolean stop = endEpoch((System.nanoTime() - epochStart) / 1e9);
        save();
        if (stop) {
          best.ifPresent(Trainer.this::restoreWeights);
          return result(true, false);
        }
      }
      best.ifPresent(Trainer.this::restoreWeights);
      return result(false, false);
    }

    int[] order(int epoch) {
      int n = train.size();
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      if (!train.ordered()) { // Fisher–Yates with a generator seeded by (seed, epoch)
        SplittableRandom rng = new SplittableRandom(mix(config.seed() ^ SHUFFLE_STREAM, epoch));
        for (int i = n - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
      }
      return order;
    }

    void step(B batch) {
      long step = at.globalStep() + 1;
      config.schedule().ifPresent(s ->
          optimizer.setLearningRate(s.rate(config.scheduleByEpoch() ? at.epoch() : step - 1)));
      optimizer.zeroGrad();
      SplittableRandom rng = new SplittableRandom(mix(config.seed() ^ STEP_STREAM, step));
      model.train(rng);
      Tensor loss = objective.trainLoss(batch, rng);
      double value = loss.item();
      if (!Double.isFinite(value)) {
        throw diverged("loss", value, step);
      }
      loss.backward();
      double norm = config.clipNorm() > 0
          ? GradientClipping.clipByGlobalNorm(model.parameters().values(), config.clipNorm())
          : GradientClipping.globalNorm(model.parameters().values());
      if (!Double.isFinite(norm)) {
        throw diverged("gradient norm", norm, step);
      }
      optimizer.step();
      long tokens = objective.tokens(batch);
      tokensSinceStart += tokens;
      at = new Position(at.epoch(), at.nextBatch() + 1, step, at.trainLossSum() + value,
          at.bestMetric(), at.epochsWithoutImprovement());
      double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-9);
      StepReport report = new StepReport(at.epoch(), at.nextBatch() - 1, train.size(), step,
          value, norm, optimizer.learningRate(), tokens, tokensSinceStart / seconds,
          objective.stateGradientNorms());
      listeners.forEach(l -> l.onStep(report));
    }

    TrainingDivergedException diverged(String what, double value, long step) {
      return new TrainingDivergedException(String.format(
          "training diverged: %s is %s at epoch %d, batch %d (step %d); the parameters were not"
              + " updated%s", what, value, at.epoch() + 1, at.nextBatch() + 1, step,
          config.checkpoint().map(p -> "; the last good checkpoint is " + p).orElse("")));
    }

    /** Validates, updates early stopping, reports; returns whether to stop. */
    boolean endEpoch(double seconds) {
      double trainLoss = at.trainLossSum() / train.size();
      lastValidation = validation.map(objective::evaluate).orElse(Map.of());
      boolean improved = true;
      double bestMetric = at.bestMetric();
      int stalled = 0;
      if (config.earlyStopping().isPresent()) {
        EarlyStopping es = config.earlyStopping().get();
        double value = metric(es.metric());
        improved = Double.isNaN(bestMetric) || es.better(value, bestMetric);
        if (improved) {
          bestMetric = value;
          best = Optional.of(copyOf(model.parameters()));
        } else {
          stalled = at.epochsWithoutImprovement() + 1;
        }
      }
      plateau.ifPresent(p -> {
        optimizer.setLearningRate(p.observe(metric(config.plateau().get().metric())));
      });
      EpochReport report =
          new EpochReport(at.epoch(), trainLoss, lastValidation, improved, seconds);
      listeners.forEach(l -> l.onEpoch(report));
      at = new Position(at.epoch() + 1, 0, at.globalStep(), 0, bestMetric, stalled);
      return config.earlyStopping().map(es -> at.epochsWithoutImprovement() >= es.patience())
          .orElse(false);
    }

    double metric(String name) {
      Double value = lastValidation.get(name);
      if (value == null) {
        throw new IllegalStateException("the run monitors validation metric '" + name
            + "' but the evaluation gave " + lastValidation.keySet()
            + (validation.isEmpty() ? " (no validation source was given)" : ""));
      }
      return value;
    }

    void save() {
      if (config.checkpoint().isEmpty()) {
        return;
      }
      try {
        Checkpoint.write(config.checkpoint().get(), model, optimizer, objective, at,
            config.seed(), best, plateau.map(ReduceOnPlateau::state));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write checkpoint " + config.checkpoint().get(), e);
      }
    }

    TrainingResult result(boolean stoppedEarly, boolean interrupted) {
      Optional<Map<String, Double>> bestMetrics = config.earlyStopping()
          .filter(es -> !Double.isNaN(at.bestMetric()))
          .map(es -> Map.of(es.metric(), at.bestMetric()));
      return new TrainingResult(at.epoch(), at.globalStep(), stoppedEarly, interrupted,
          bestMetrics, lastValidation);
    }
  }

  private void restoreWeights(Map<String, Tensor> weights) {
    model.parameters().forEach((name, p) ->
        System.arraycopy(weights.get(name).data(), 0, p.data(), 0, p.size()));
  }

  private static Map<String, Tensor> copyOf(Map<String, Tensor> parameters) {
    Map<String, Tensor> copy = new HashMap<>();
    parameters.forEach((name, p) -> copy.put(name, p.copy()));
    return copy;
  }

  /** SplitMix64's finaliser over a + golden·b: well-spread seeds from (stream, counter). */
  static long mix(long a, long b) {
    long z = a + 0x9E3779B97F4A7C15L * (b + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
