package org.rnn4j.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.rnn4j.optim.Adam;
import org.rnn4j.optim.AdamConfig;
import org.rnn4j.optim.AdamW;
import org.rnn4j.optim.LearningRateSchedule;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.optim.ReduceOnPlateauConfig;
import org.rnn4j.optim.RmsProp;
import org.rnn4j.optim.RmsPropConfig;
import org.rnn4j.optim.Sgd;
import org.rnn4j.optim.SgdConfig;
import org.rnn4j.tensor.Tensor;

/**
 * The update rule of a {@link TrainingRecipe} and how its learning rate η changes over the run.
 * The default, Adam with no weight decay and a constant rate, is what rnn4j always trained with.
 *
 * <p>Schedules, for a base rate η₀ over E epochs of N steps each (t counts completed steps, e
 * completed epochs):
 *
 * <pre>
 * constant   η = η₀
 * cosine     η(t) = η₀ · (1 + cos(π·t / (E·N))) / 2          per step, down to 0 at the end
 * step       η(e) = η₀ · γ^⌊e / k⌋                            γ = decayFactor, k = decayEvery
 * plateau    η ← γ·η once the watched metric has not improved for more than p epochs
 * </pre>
 *
 * @param optimizer the update rule
 * @param momentum μ of SGD or RMSprop; 0 for none (Adam and AdamW have their own β₁)
 * @param weightDecay λ: an L2 term added to the gradient (Adam, SGD, RMSprop) or decoupled
 *     decay (AdamW); empty for the optimizer's default (0; AdamW {@value AdamW#DEFAULT_WEIGHT_DECAY})
 * @param schedule how the rate changes
 * @param decayEvery k: epochs between decays of the step schedule, at least 1
 * @param decayFactor γ in (0, 1): what a decay of the step or plateau schedule multiplies by
 * @param plateauPatience p: epochs without improvement the plateau schedule tolerates, at least 0
 * @param watched the validation metric the plateau schedule watches
 */
public record Optimization(Kind optimizer, double momentum, OptionalDouble weightDecay,
    Schedule schedule, int decayEvery, double decayFactor, int plateauPatience,
    ValidationMetric watched) {

  /** The update rules. */
  public enum Kind {
    ADAM, ADAMW, SGD, RMSPROP;

    /** The name on the command line and in logs. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How the learning rate changes over a run. */
  public enum Schedule {
    CONSTANT, COSINE, STEP, PLATEAU;

    /** The name on the command line and in logs. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final int DEFAULT_DECAY_EVERY = 3;
  public static final double DEFAULT_DECAY_FACTOR = 0.5;
  public static final int DEFAULT_PLATEAU_PATIENCE = 1;

  /** Adam, no weight decay, constant rate. */
  public static final Optimization DEFAULT = new Optimization(Kind.ADAM, 0,
      OptionalDouble.empty(), Schedule.CONSTANT, DEFAULT_DECAY_EVERY, DEFAULT_DECAY_FACTOR,
      DEFAULT_PLATEAU_PATIENCE, ValidationMetric.LOSS);

  /** Checks every setting, naming the one out of range. */
  public Optimization {
    if (optimizer == null || schedule == null || weightDecay == null || watched == null) {
      throw new IllegalArgumentException("optimizer, weightDecay, schedule and watched must be"
          + " given");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must lie in [0, 1), got " + momentum);
    }
    if (momentum > 0 && (optimizer == Kind.ADAM || optimizer == Kind.ADAMW)) {
      throw new IllegalArgumentException("momentum applies to sgd and rmsprop, not to "
          + optimizer.label() + " (its β₁ plays that part)");
    }
    if (weightDecay.isPresent() && !(weightDecay.getAsDouble() >= 0
        && Double.isFinite(weightDecay.getAsDouble()))) {
      throw new IllegalArgumentException("weightDecay must be finite and at least 0, got "
          + weightDecay.getAsDouble());
    }
    if (decayEvery < 1) {
      throw new IllegalArgumentException("decayEvery must be at least 1, got " + decayEvery);
    }
    if (!(decayFactor > 0 && decayFactor < 1)) {
      throw new IllegalArgumentException("decayFactor must lie in (0, 1), got " + decayFactor);
    }
    if (plateauPatience < 0) {
      throw new IllegalArgumentException("plateauPatience must be at least 0, got "
          + plateauPatience);
    }
  }

  /** This with another update rule, momentum and weight decay. */
  public Optimization withOptimizer(Kind kind, double mu, OptionalDouble lambda) {
    return new Optimization(kind, mu, lambda, schedule, decayEvery, decayFactor, plateauPatience,
        watched);
  }

  /** This with another schedule and its settings. */
  public Optimization withSchedule(Schedule value, int every, double factor, int patience) {
    return new Optimization(optimizer, momentum, weightDecay, value, every, factor, patience,
        watched);
  }

  /** This with the plateau schedule watching another validation metric. */
  public Optimization watching(ValidationMetric metric) {
    return new Optimization(optimizer, momentum, weightDecay, schedule, decayEvery, decayFactor,
        plateauPatience, metric);
  }

  /** λ as the optimizer applies it. */
  public double effectiveWeightDecay() {
    return weightDecay.orElse(optimizer == Kind.ADAMW ? AdamW.DEFAULT_WEIGHT_DECAY : 0);
  }

  /**
   * The optimizer over a model's parameters.
   *
   * @param parameters the model's named parameters
   * @param learningRate η₀ &gt; 0
   * @return the optimizer
   */
  public Optimizer build(Map<String, Tensor> parameters, double learningRate) {
    double lambda = effectiveWeightDecay();
    return switch (optimizer) {
      case ADAM -> new Adam(parameters,
          AdamConfig.defaults().withLearningRate(learningRate).withWeightDecay(lambda));
      case ADAMW -> new AdamW(parameters,
          AdamW.defaults().withLearningRate(learningRate).withWeightDecay(lambda));
      case SGD -> new Sgd(parameters, new SgdConfig(learningRate, momentum,
          SgdConfig.DEFAULT_DAMPENING, SgdConfig.DEFAULT_NESTEROV, lambda));
      case RMSPROP -> new RmsProp(parameters, RmsPropConfig.defaults()
          .withLearningRate(learningRate).withMomentum(momentum).withWeightDecay(lambda));
    };
  }

  /**
   * Sets the schedule on a trainer's config.
   *
   * @param config the trainer's config being built
   * @param learningRate η₀
   * @param epochs E
   * @param stepsPerEpoch N, the training batches
   */
  public void schedule(TrainerConfig.Builder config, double learningRate, int epochs,
      int stepsPerEpoch) {
    switch (schedule) {
      case CONSTANT -> { } // the optimizer keeps its rate
      case COSINE -> config.schedule(LearningRateSchedule.cosineAnnealing(learningRate,
          Math.max(1, (long) epochs * stepsPerEpoch), 0), false);
      case STEP -> config.schedule(
          LearningRateSchedule.stepDecay(learningRate, decayEvery, decayFactor), true);
      case PLATEAU -> config.plateau(watched.name(), ReduceOnPlateauConfig.defaults()
          .withMode(watched.higherIsBetter() ? ReduceOnPlateauConfig.Mode.MAX
              : ReduceOnPlateauConfig.Mode.MIN)
          .withFactor(decayFactor).withPatience(plateauPatience));
    }
  }

  /**
   * The settings as a log records them: optimizer, weight decay, momentum (when it applies),
   * schedule and the schedule's own settings.
   *
   * @return name → value, in that order
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("optimizer", optimizer.label());
    m.put("weight_decay", effectiveWeightDecay());
    if (optimizer == Kind.SGD || optimizer == Kind.RMSPROP) {
      m.put("momentum", momentum);
    }
    m.put("schedule", schedule.label());
    switch (schedule) {
      case STEP -> {
        m.put("decay_every", decayEvery);
        m.put("decay_factor", decayFactor);
      }
      case PLATEAU -> {
        m.put("decay_factor", decayFactor);
        m.put("plateau_patience", plateauPatience);
        m.put("watched", watched.name());
      }
      default -> { }
    }
    return m;
  }
}
