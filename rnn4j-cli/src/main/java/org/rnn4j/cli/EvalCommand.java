package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnn4j.task.Evaluation;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskFamily;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rnn4j eval}: a model's metrics on labelled data, whatever its task family. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measure a model on data in its family's format:",
        "classify: accuracy, macro-F1 and the confusion matrix; tag: entity precision, recall"
            + " and F1 (conlleval) and token accuracy; lm: log-likelihood and perplexity;"
            + " seq2seq: BLEU, character error rate, exact match and token accuracy; forecast:"
            + " MAE, RMSE and MAPE of the last steps beside the naive baselines.",
        "With --json the metrics are one JSON object."})
final class EvalCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file.")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "The data.")
  Path data;

  @Option(names = "--json", description = "Print the metrics as one JSON object.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    new RunPaths().input("--model", model).check();
    TaskFamily family = TaskFamilies.of(model);
    new RunPaths().input("--data", data, family.readsFolders()).check();
    TaskOptions options = FamilyOptions.given(spec, TaskOption.Use.EVAL, family);
    Evaluation evaluation = family.load(model).evaluate(data, options);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(evaluation.toJson());
    } else {
      out.print(evaluation.report());
    }
    out.flush();
    return 0;
  }
}
