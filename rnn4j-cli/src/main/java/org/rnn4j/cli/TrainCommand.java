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
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
        + " MODEL-base.curves.png; the options after --threads belong to the task families:"})
final class TrainCommand implements Callable<Integer> {
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

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    TaskFamily family = family(task);
    TaskOptions options = FamilyOptions.given(spec, TaskOption.Use.TRAIN, family);
    if (threads != null) {
      Parallelism.setThreads(threads);
    }
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    PrintWriter log = spec.commandLine().getOut();
    Curves curves = new Curves();
    long start = System.nanoTime();
    TrainedModel trained;
    try (MetricsLog metrics = new MetricsLog(ModelPaths.beside(out, ".metrics.jsonl"))) {
      TrainingRecipe recipe = TrainingRecipe.of(epochs, seed).withLearningRate(learningRate)
          .withClipNorm(clip)
          .withListeners(List.of(ProgressBar.onStandardOutput(), metrics, curves));
      if (patience != null) {
        recipe = recipe.withEarlyStopping(EarlyStopping.onLoss(patience));
      }
      trained = family.train(new TrainingJob(data, options, recipe, batch, validation, log));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    trained.save(out, ModelFile.Provenance.of(seed, data));
    curves.write(ModelPaths.beside(out, ".curves.png"), "rnn4j " + task + ": "
        + data.getFileName());
    summary(log, trained.result(), seconds);
    return 0;
  }

  /** The family named by {@code --task}, with the command line's wording when there is none. */
  static TaskFamily family(String name) {
    if (TaskFamilies.all().stream().noneMatch(f -> f.name().equals(name))) {
      throw new IllegalArgumentException("--task " + name + " is not a task family: the"
          + " families are " + TaskFamilies.names());
    }
    return TaskFamilies.named(name);
  }

  private void summary(PrintWriter log, TrainingResult r, double seconds) {
    log.printf(Locale.ROOT, "done: %d epochs%s, %,d steps in %.1f s%n", r.epochsCompleted(),
        r.stoppedEarly() ? " (stopped early; the best epoch's weights are kept)" : "",
        r.globalStep(), seconds);
    r.lastValidation().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> log.printf(Locale.ROOT, "last epoch's validation %s: %.4f%n", e.getKey(),
            e.getValue()));
    r.best().ifPresent(best -> best.forEach((k, v) -> log.printf(Locale.ROOT,
        "best validation %s: %.4f (the saved model has that epoch's weights)%n", k, v)));
    log.printf("model: %s%nmetrics: %s%ncurves: %s%n", out, ModelPaths.beside(out, ".metrics.jsonl"),
        ModelPaths.beside(out, ".curves.png"));
    log.flush();
  }
}
