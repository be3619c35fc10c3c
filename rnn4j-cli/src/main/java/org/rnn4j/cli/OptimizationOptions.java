package org.rnn4j.cli;

import java.util.OptionalDouble;
import org.rnn4j.train.Optimization;
import org.rnn4j.train.ValidationMetric;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code train}'s update rule and learning-rate schedule: {@code --optimizer}, {@code
 * --momentum}, {@code --weight-decay}, {@code --schedule} and the schedules' settings, checked as
 * usage errors and turned into the recipe's {@link Optimization}. The defaults are Adam with no
 * weight decay at a constant rate.
 */
final class OptimizationOptions {
  @Option(names = "--optimizer", paramLabel = "OPTIMIZER", defaultValue = "adam",
      converter = LowerCaseChoice.Optimizers.class,
      completionCandidates = LowerCaseChoice.Optimizers.class,
      description = "The update rule: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Optimization.Kind optimizer;

  @Option(names = "--momentum", paramLabel = "MU",
      description = "With --optimizer sgd or rmsprop: momentum in [0, 1) (default: 0, none).")
  Double momentum;

  @Option(names = "--weight-decay", paramLabel = "LAMBDA",
      description = "Weight decay: decoupled with adamw (default: 0.01 there), an L2 term added"
          + " to the gradient with the others (default: 0 there).")
  Double weightDecay;

  @Option(names = "--schedule", paramLabel = "SCHEDULE", defaultValue = "constant",
      converter = LowerCaseChoice.Schedules.class,
      completionCandidates = LowerCaseChoice.Schedules.class,
      description = "How the learning rate changes: constant; cosine (down to 0 over the run,"
          + " step by step); step (times --decay-factor every --decay-every epochs); plateau"
          + " (times --decay-factor when the watched validation metric has not improved for"
          + " more than --plateau-patience epochs) (default: ${DEFAULT-VALUE}).")
  Optimization.Schedule schedule;

  @Option(names = "--decay-every", paramLabel = "EPOCHS",
      description = "With --schedule step: epochs between decays (default: "
          + Optimization.DEFAULT_DECAY_EVERY + ").")
  Integer decayEvery;

  @Option(names = "--decay-factor", paramLabel = "F",
      description = "With --schedule step or plateau: what a decay multiplies the rate by, in"
          + " (0, 1) (default: " + Optimization.DEFAULT_DECAY_FACTOR + ").")
  Double decayFactor;

  @Option(names = "--plateau-patience", paramLabel = "EPOCHS",
      description = "With --schedule plateau: epochs without improvement tolerated before a"
          + " decay (default: " + Optimization.DEFAULT_PLATEAU_PATIENCE + ").")
  Integer plateauPatience;

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  /** Whether the plateau schedule, which watches a validation metric, is asked for. */
  boolean plateau() {
    return schedule == Optimization.Schedule.PLATEAU;
  }

  /**
   * The update rule and schedule the options ask for.
   *
   * @param watched the validation metric the plateau schedule watches
   * @return the optimization
   * @throws ParameterException naming the option that is out of range or does not apply
   */
  Optimization optimization(ValidationMetric watched) {
    check();
    return Optimization.DEFAULT
        .withOptimizer(optimizer, momentum == null ? 0 : momentum,
            weightDecay == null ? OptionalDouble.empty() : OptionalDouble.of(weightDecay))
        .withSchedule(schedule,
            decayEvery == null ? Optimization.DEFAULT_DECAY_EVERY : decayEvery,
            decayFactor == null ? Optimization.DEFAULT_DECAY_FACTOR : decayFactor,
            plateauPatience == null ? Optimization.DEFAULT_PLATEAU_PATIENCE : plateauPatience)
        .watching(watched);
  }

  private void check() {
    require(momentum == null || optimizer == Optimization.Kind.SGD
        || optimizer == Optimization.Kind.RMSPROP, "--momentum applies to --optimizer sgd or"
        + " rmsprop, got --optimizer " + optimizer.label() + " (Adam's beta1 plays that part)");
    require(momentum == null || momentum >= 0 && momentum < 1, "--momentum must lie in [0, 1),"
        + " got " + momentum);
    require(weightDecay == null || weightDecay >= 0 && Double.isFinite(weightDecay),
        "--weight-decay must be finite and at least 0, got " + weightDecay);
    require(decayEvery == null || schedule == Optimization.Schedule.STEP, "--decay-every"
        + " applies to --schedule step, got --schedule " + schedule.label());
    require(decayEvery == null || decayEvery >= 1, "--decay-every must be at least 1, got "
        + decayEvery);
    require(decayFactor == null || schedule == Optimization.Schedule.STEP || plateau(),
        "--decay-factor applies to --schedule step or plateau, got --schedule "
            + schedule.label());
    require(decayFactor == null || decayFactor > 0 && decayFactor < 1, "--decay-factor must"
        + " lie in (0, 1), got " + decayFactor);
    require(plateauPatience == null || plateau(), "--plateau-patience applies to --schedule"
        + " plateau, got --schedule " + schedule.label());
    require(plateauPatience == null || plateauPatience >= 0, "--plateau-patience must be at"
        + " least 0, got " + plateauPatience);
  }

  private void require(boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }
}
