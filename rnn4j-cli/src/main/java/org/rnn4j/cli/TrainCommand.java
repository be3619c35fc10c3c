package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnn4j.cli.chart.Curves;
import org.rnn4j.io.ModelFile;
import org.rnn4j.kernel.Parallelism;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskFamily;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.train.MetricsLog;
import org.rnn4j.train.Optimization;
import org.rnn4j.train.ProgressBar;
import org.rnn4j.train.TrainingListener;
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.train.TrainingResult;
import org.rnn4j.train.ValidationMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j train}: trains a model of any registered task family on a user's file and writes
 * the model, a JSONL metrics log and a PNG of the loss curves next to it. The family reads its
 * own options ({@link FamilyOptions}); this command holds only the run's settings.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Train a model on your data. Writes MODEL, MODEL-base.metrics.jsonl and"
        + " MODEL-base.curves.png; the log, the progress and the summary go to standard error."
        + " The options after --quiet belong to the task families:"})
final class TrainCommand implements Callable<Integer> {
  /** The exit code of a run stopped by a signal, as a shell reports SIGINT. */
  static final int INTERRUPTED = 130;

  @Option(names = "--task", required = true,
      description = "What to train: one of the task families.")
  String task;

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Training data, in the family's format (see the family's --format).")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "MODEL",
      description = "The model file to write (.safetensors).")
  Path out;

  @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch", defaultValue = "32", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--learning-rate", defaultValue = "0.01", description = "The optimizer's (initial) learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Mixin OptimizationOptions optimizationOptions;

  @Option(names = "--clip", defaultValue = "5", description = "Clip the gradient norm to this; 0 = off (default: ${DEFAULT-VALUE}).")
  double clip;

  @Option(names = "--validation", defaultValue = "0.1", description = "Fraction held out for validation (default: ${DEFAULT-VALUE}).")
  double validation;

  @Option(names = "--validation-data", paramLabel = "FILE",
      description = "Validate on this file (in --data's format) instead of a part of --data.")
  Path validationData;

  @Option(names = "--early-stopping", paramLabel = "EPOCHS",
      description = "Stop when the watched validation metric (--early-stopping-metric) has not"
          + " improved for EPOCHS epochs and keep the best epoch's weights.")
  Integer patience;

  @Option(names = "--early-stopping-metric", paramLabel = "NAME",
      description = "The validation metric --early-stopping and --schedule plateau watch, and"
          + " by which the best epoch is chosen: loss (all tasks); classify: accuracy,"
          + " macro_f1; tag: f1, precision, recall, token_accuracy; seq2seq: exact_match,"
          + " token_accuracy, bleu, chrf (these two translate the validation pairs every"
          + " epoch); lm: perplexity; forecast: mae, rmse (default: loss).")
  String earlyStoppingMetric;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", description = "Threads for the kernels (default: all cores).")
  Integer threads;

  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "Keep the run's state here (every epoch, and on Ctrl-C or SIGTERM) so that"
          + " --resume can continue it exactly.")
  Path checkpoint;

  @Option(names = "--resume",
      description = "Continue the run held by --checkpoint (same data and options).")
  boolean resume;

  @Option(names = "--init-from", paramLabel = "MODEL",
      description = "Start from this trained model of the task (its weights, vocabulary and"
          + " architecture) and train --epochs more; architecture options may be left out.")
  Path initFrom;

  @Option(names = "--quiet",
      description = "No progress bar or per-epoch lines; the log and the summary remain.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    TaskFamily family = family(task);
    TaskOptions options = FamilyOptions.given(spec, TaskOption.Use.TRAIN, family);
    checkRunOptions();
    ValidationMetric watched = watched(family);
    Optimization optimization = optimizationOptions.optimization(watched);
    RunFiles files = new RunFiles(out);
    RunPaths paths = new RunPaths().input("--data", data, family.readsFolders());
    if (validationData != null) {
      paths.input("--validation-data", validationData, family.readsFolders());
    }
    if (initFrom != null) {
      paths.input("--init-from", initFrom);
    }
    paths.output("--out", out)
        .output("the metrics log", files.metrics()).output("the metrics log of the run",
            files.partialMetrics()).output("the curves chart", files.curves());
    if (checkpoint != null) {
      paths.output("--checkpoint", checkpoint);
    }
    paths.check();
    checkResume(files);
    if (threads != null) {
      Parallelism.setThreads(threads);
    }
    // the model file is the result: everything printed is a note, on standard error
    PrintWriter log = spec.commandLine().getErr();
    Curves curves = new Curves();
    long start = System.nanoTime();
    try (Interruption interruption = Interruption.install(spec.commandLine().getErr())) {
      TrainedModel trained;
      try (MetricsLog metrics = new MetricsLog(files.partialMetrics(),
          settings(optimization, watched))) {
        TrainingJob job = new TrainingJob(data, options,
            recipe(listeners(metrics, curves), interruption, optimization, watched),
            batch, validation, log);
        if (validationData != null) {
          job = job.withValidationData(validationData);
        }
        if (initFrom != null) {
          job = job.withInitFrom(initFrom);
        }
        trained = family.train(job);
      } catch (IOException | RuntimeException | Error e) {
        if (checkpoint == null) {
          Files.deleteIfExists(files.partialMetrics());
        }
        throw e;
      }
      if (trained.result().interrupted()) {
        return interrupted(files, trained.result());
      }
      trained.save(out, ModelFile.Provenance.of(seed, data));
      files.finish(curves, "rnn4j " + task + ": " + data.getFileName());
      summary(log, trained.result(), (System.nanoTime() - start) / 1e9, files, optimization);
      return 0;
    }
  }

  /** The run's settings as usage errors: checked before any work. */
  private void checkRunOptions() {
    require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
    require(batch >= 1, "--batch must be at least 1, got " + batch);
    require(learningRate > 0 && Double.isFinite(learningRate),
        "--learning-rate must be positive and finite, got " + learningRate);
    require(clip >= 0 && Double.isFinite(clip), "--clip must be finite and at least 0, got "
        + clip);
    require(validation >= 0 && validation < 1, "--validation must lie in [0, 1), got "
        + validation);
    require(patience == null || patience >= 1, "--early-stopping must be at least 1, got "
        + patience);
    require(threads == null || threads >= 1, "--threads must be at least 1, got " + threads);
    require(!resume || checkpoint != null, "--resume needs --checkpoint FILE, the run to"
        + " continue");
    require(validationData == null || !given("--validation"), "--validation-data and"
        + " --validation both say what validates: give one (--validation " + validation
        + " holds out a part of --data, --validation-data " + validationData + " is a file of"
        + " its own)");
    boolean watching = patience != null || optimizationOptions.plateau();
    require(earlyStoppingMetric == null || watching, "--early-stopping-metric "
        + earlyStoppingMetric + " needs --early-stopping EPOCHS or --schedule plateau, which"
        + " watch it");
    require(!watching || validation > 0 || validationData != null, (patience != null
        ? "--early-stopping" : "--schedule plateau") + " watches a validation metric, but"
        + " --validation 0 leaves no validation data: give --validation above 0 or"
        + " --validation-data FILE");
  }

  /** Whether the user typed this option (rather than it taking its default). */
  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** The metric early stopping and the plateau schedule watch: the named one, else the loss. */
  private ValidationMetric watched(TaskFamily family) {
    if (earlyStoppingMetric == null) {
      return ValidationMetric.LOSS;
    }
    List<ValidationMetric> metrics = family.validationMetrics();
    return metrics.stream().filter(m -> m.name().equalsIgnoreCase(earlyStoppingMetric.trim()))
        .findFirst().orElseThrow(() -> new ParameterException(spec.commandLine(),
            "--early-stopping-metric " + earlyStoppingMetric + " is not a validation metric of"
                + " --task " + family.name() + ": expected one of " + String.join(", ",
                metrics.stream().map(ValidationMetric::toString).toList())));
  }

  /** The run's settings as the metrics log's run lines record them. */
  private Map<String, Object> settings(Optimization optimization, ValidationMetric watched) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task", task);
    m.put("learning_rate", learningRate);
    m.putAll(optimization.describe());
    m.put("clip", clip);
    m.put("batch", batch);
    m.put("seed", seed);
    if (patience != null) {
      m.put("early_stopping", patience);
      m.put("early_stopping_metric", watched.name());
    }
    if (validationData != null) {
      m.put("validation_data", validationData.toString());
    } else {
      m.put("validation", validation);
    }
    if (initFrom != null) {
      m.put("init_from", initFrom.toString());
    }
    return m;
  }

  private void require(boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  /** A new run must not silently continue an old checkpoint, and --resume needs one. */
  private void checkResume(RunFiles files) throws IOException {
    if (checkpoint != null && Files.exists(checkpoint) && !resume) {
      throw new ParameterException(spec.commandLine(), "--checkpoint " + checkpoint
          + " holds a run already: add --resume to continue it, or delete it to start anew");
    }
    if (resume && !Files.exists(checkpoint)) {
      throw new ParameterException(spec.commandLine(), "--resume: --checkpoint " + checkpoint
          + ": not found");
    }
    if (!resume) {
      Files.deleteIfExists(files.partialMetrics()); // a new run starts a new log
    }
  }

  /** The metrics log and the curves, and the progress bar unless --quiet. */
  private List<TrainingListener> listeners(MetricsLog metrics, Curves curves) {
    return quiet ? List.of(metrics, curves)
        : List.of(ProgressBar.on(spec.commandLine().getErr()), metrics, curves);
  }

  private TrainingRecipe recipe(List<TrainingListener> listeners, Interruption interruption,
      Optimization optimization, ValidationMetric watched) {
    TrainingRecipe recipe = TrainingRecipe.of(epochs, seed).withLearningRate(learningRate)
        .withClipNorm(clip).withListeners(listeners).withStop(interruption::requested)
        .withOptimization(optimization);
    if (patience != null) {
      recipe = recipe.withEarlyStopping(watched.earlyStopping(patience));
    }
    return checkpoint == null ? recipe : recipe.withCheckpoint(checkpoint);
  }

  /** Says what a signal left behind; keeps the log of the run only when it can be resumed. */
  private int interrupted(RunFiles files, TrainingResult r) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (checkpoint == null) {
      Files.deleteIfExists(files.partialMetrics());
      err.printf("rnn4j: interrupted after %,d steps; nothing was saved (train with --checkpoint"
          + " FILE to be able to resume)%n", r.globalStep());
    } else {
      err.printf("rnn4j: interrupted after %,d steps; the run is in %s: run the same command"
          + " with --resume to continue it%n", r.globalStep(), checkpoint);
    }
    err.flush();
    return INTERRUPTED;
  }

  /** The family named by {@code --task}, with the command line's wording when there is none. */
  private TaskFamily family(String name) {
    if (TaskFamilies.all().stream().noneMatch(f -> f.name().equals(name))) {
      throw new ParameterException(spec.commandLine(), "--task " + name + " is not a task"
          + " family: the families are " + TaskFamilies.names());
    }
    return TaskFamilies.named(name);
  }

  private void summary(PrintWriter log, TrainingResult r, double seconds, RunFiles files,
      Optimization optimization) {
    log.printf(Locale.ROOT, "done: %d epochs%s, %,d steps in %.1f s%n", r.epochsCompleted(),
        r.stoppedEarly() ? " (stopped early; the best epoch's weights are kept)" : "",
        r.globalStep(), seconds);
    r.lastValidation().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> log.printf(Locale.ROOT, "last epoch's validation %s: %.4f%n", e.getKey(),
            e.getValue()));
    r.best().ifPresent(best -> best.forEach((k, v) -> log.printf(Locale.ROOT,
        "best validation %s: %.4f (the saved model has that epoch's weights)%n", k, v)));
    log.printf(Locale.ROOT, "optimizer: %s, learning rate %s, weight decay %s, schedule %s%n",
        optimization.optimizer().label(), learningRate, optimization.effectiveWeightDecay(),
        optimization.schedule().label());
    log.printf("model: %s%nmetrics: %s%ncurves: %s%n", out, files.metrics(), files.curves());
    log.flush();
  }
}
