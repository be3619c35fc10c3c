package org.rnn4j.optim;

import java.util.Objects;

/**
 * A learning rate as a function of time: {@code rate(t)} for t = 0, 1, 2, … counts completed
 * units, steps or epochs as the caller chooses (PyTorch's {@code last_epoch}). Per step: {@code
 * optimizer.setLearningRate(schedule.rate(step))} before each step; per epoch: the same with the
 * epoch index before each epoch. Being pure functions of t, schedules need no checkpoint state:
 * resuming at t gives the same rate. The metric-driven {@link ReduceOnPlateau} is not a function
 * of t and so is a class of its own.
 *
 * <p>The formulas are the closed forms of PyTorch's {@code StepLR}, {@code CosineAnnealingLR} and
 * {@code LinearLR} followed by another scheduler through {@code SequentialLR}.
 */
public sealed interface LearningRateSchedule {

  /**
   * The learning rate after {@code t} completed steps or epochs.
   *
   * @param t the number of completed units, ≥ 0
   * @return the rate, ≥ 0
   * @throws IllegalArgumentException if {@code t} is negative
   */
  double rate(long t);

  /**
   * The same rate at every t.
   *
   * @param rate the rate, &gt; 0
   * @return the schedule
   */
  static LearningRateSchedule constant(double rate) {
    return new Constant(rate);
  }

  /**
   * Step decay, PyTorch's {@code StepLR}: rate(t) = base · γ^⌊t / stepSize⌋.
   *
   * @param baseRate the rate at t = 0, &gt; 0
   * @param stepSize units between decays, ≥ 1
   * @param gamma γ in (0, 1]
   * @return the schedule
   */
  static LearningRateSchedule stepDecay(double baseRate, long stepSize, double gamma) {
    return new StepDecay(baseRate, stepSize, gamma);
  }

  /**
   * Cosine annealing, PyTorch's {@code CosineAnnealingLR}: rate(t) = η_min + (base − η_min) · (1
   * + cos(π·t / T_max)) / 2. Past T_max the cosine goes on (it rises again), as in PyTorch.
   *
   * @param baseRate the rate at t = 0, &gt; 0
   * @param tMax T_max, the half period, ≥ 1
   * @param minRate η_min in [0, base]
   * @return the schedule
   */
  static LearningRateSchedule cosineAnnealing(double baseRate, long tMax, double minRate) {
    return new CosineAnnealing(baseRate, tMax, minRate);
  }

  /**
   * Linear warm-up from {@code startFactor · base} to base = then.rate(0) over {@code
   * warmupSteps} units, after which {@code then} takes over with its own t starting at 0:
   * rate(t) = base · (f + (1 − f)·t / n) for t &lt; n, then.rate(t − n) after (PyTorch's {@code
   * LinearLR(start_factor=f, total_iters=n)} and {@code then} chained by {@code SequentialLR}
   * with milestone n).
   *
   * @param startFactor f in (0, 1]
   * @param warmupSteps n ≥ 1
   * @param then the schedule after the warm-up
   * @return the schedule
   */
  static LearningRateSchedule linearWarmup(double startFactor, long warmupSteps,
      LearningRateSchedule then) {
    return new LinearWarmup(startFactor, warmupSteps, then);
  }

  private static void checkTime(long t) {
    if (t < 0) {
      throw new IllegalArgumentException("t must be non-negative: expected >= 0, got " + t);
    }
  }

  /**
   * The same rate at every t.
   *
   * @param rate the rate, &gt; 0
   */
  record Constant(double rate) implements LearningRateSchedule {
    /**
     * Validates the rate.
     *
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Constant {
      Checks.positive("rate", rate);
    }

    @Override
    public double rate(long t) {
      checkTime(t);
      return rate;
    }
  }

  /**
   * Step decay: base · γ^⌊t / stepSize⌋.
   *
   * @param baseRate the rate at t = 0, &gt; 0
   * @param stepSize units between decays, ≥ 1
   * @param gamma γ in (0, 1]
   */
  record StepDecay(double baseRate, long stepSize, double gamma) implements LearningRateSchedule {
    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public StepDecay {
      Checks.positive("baseRate", baseRate);
      Checks.atLeast("stepSize", stepSize, 1);
      if (!(gamma > 0 && gamma <= 1)) {
        throw new IllegalArgumentException("gamma must be in (0, 1]: got " + gamma);
      }
    }

    @Override
    public double rate(long t) {
      checkTime(t);
      return baseRate * Math.pow(gamma, (double) (t / stepSize));
    }
  }

  /**
   * Cosine annealing: η_min + (base − η_min) · (1 + cos(π·t / T_max)) / 2.
   *
   * @param baseRate the rate at t = 0, &gt; 0
   * @param tMax T_max, ≥ 1
   * @param minRate η_min in [0, base]
   */
  record CosineAnnealing(double baseRate, long tMax, double minRate)
      implements LearningRateSchedule {
    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public CosineAnnealing {
      Checks.positive("baseRate", baseRate);
      Checks.atLeast("tMax", tMax, 1);
      if (!(minRate >= 0 && minRate <= baseRate)) {
        throw new IllegalArgumentException(
            "minRate must be in [0, baseRate = " + baseRate + "]: got " + minRate);
      }
    }

    @Override
    public double rate(long t) {
      checkTime(t);
      return minRate + (baseRate - minRate) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
    }
  }

  /**
   * Linear warm-up to then.rate(0) over {@code warmupSteps} units, then {@code then}.
   *
   * @param startFactor f in (0, 1]
   * @param warmupSteps n ≥ 1
   * @param then the schedule after the warm-up
   */
  record LinearWarmup(double startFactor, long warmupSteps, LearningRateSchedule then)
      implements LearningRateSchedule {
    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public LinearWarmup {
      if (!(startFactor > 0 && startFactor <= 1)) {
        throw new IllegalArgumentException("startFactor must be in (0, 1]: got " + startFactor);
      }
      Checks.atLeast("warmupSteps", warmupSteps, 1);
      Objects.requireNonNull(then, "then");
    }

    @Override
    public double rate(long t) {
      checkTime(t);
      if (t >= warmupSteps) {
        return then.rate(t - warmupSteps);
      }
      double factor = startFactor + (1 - startFactor) * t / warmupSteps;
      return then.rate(0) * factor;
    }
  }
}
