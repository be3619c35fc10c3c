package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.MetricsLog;
import org.rnn4j.train.ProgressBar;
import org.rnn4j.train.TrainingListener;
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.train.TrainingResult;
import picocli.CommandLine.Command;
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

  @Option(names = "--learning-rate", defaultValue = "0.01", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--clip", defaultValue = "5", description = "Clip the gradient norm to this; 0 = off (default: ${DEFAULT-VALUE}).")
  double clip;

  @Option(names = "--validation", defaultValue = "0.1", description = "Fraction held out for validation (default: ${DEFAULT-VALUE}).")
  double validation;

  @Option(names = "--early-stopping", paramLabel = "EPOCHS",
      description = "Stop when the validation loss has not improved for EPOCHS epochs and keep"
          + " the best epoch's weights.")
  Integer patience;

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

  @Option(names = "--quiet",
      description = "No progress bar or per-epoch lines; the log and the summary remain.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    TaskFamily family = family(task);
    TaskOptions options = FamilyOptions.given(spec, TaskOption.Use.TRAIN, family);
    checkRunOptions();
    RunFiles files = new RunFiles(out);
    RunPaths paths = new RunPaths().input("--data", data).output("--out", out)
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
      try (MetricsLog metrics = new MetricsLog(files.partialMetrics())) {
        trained = family.train(new TrainingJob(data, options,
            recipe(listeners(metrics, curves), interruption),
            batch, validation, log));
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
      summary(log, trained.result(), (System.nanoTime() - start) / 1e9, files);
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

  private TrainingRecipe recipe(List<TrainingListener> listeners, Interruption interruption) {
    TrainingRecipe recipe = TrainingRecipe.of(epochs, seed).withLearningRate(learningRate)
        .withClipNorm(clip).withListeners(listeners).withStop(interruption::requested);
    if (patience != null) {
      recipe = recipe.withEarlyStopping(EarlyStopping.onLoss(patience));
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

  private void summary(PrintWriter log, TrainingResult r, double seconds, RunFiles files) {
    log.printf(Locale.ROOT, "done: %d epochs%s, %,d steps in %.1f s%n", r.epochsCompleted(),
        r.stoppedEarly() ? " (stopped early; the best epoch's weights are kept)" : "",
        r.globalStep(), seconds);
    r.lastValidation().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> log.printf(Locale.ROOT, "last epoch's validation %s: %.4f%n", e.getKey(),
            e.getValue()));
    r.best().ifPresent(best -> best.forEach((k, v) -> log.printf(Locale.ROOT,
        "best validation %s: %.4f (the saved model has that epoch's weights)%n", k, v)));
    log.printf("model: %s%nmetrics: %s%ncurves: %s%n", out, files.metrics(), files.curves());
    log.flush();
  }
}
