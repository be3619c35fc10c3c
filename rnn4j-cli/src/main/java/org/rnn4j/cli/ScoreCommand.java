package org.rnn4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnn4j.decode.Score;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.lm.PerplexityEvaluation;
import org.rnn4j.task.lm.TextGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rnn4j score}: log-likelihood and perplexity of texts under a language model. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {"Log-likelihood and perplexity of texts under a language model.",
        "Each non-blank line is one text, scored from <bos> through <eos>, as the model was"
            + " trained.",
        "With --json each file's scores are one JSON object, one line per file."})
final class ScoreCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file.")
  Path model;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Text files to score.")
  List<Path> files;

  @Option(names = "--json", description = "Print each file's scores as one JSON object per"
      + " line: file, texts, tokens, log_likelihood, log_likelihood_per_token, perplexity.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RunPaths paths = new RunPaths().input("--model", model);
    files.forEach(f -> paths.input("", f));
    paths.check();
    TextGenerator lm = TextGenerator.load(model);
    PrintWriter out = spec.commandLine().getOut();
    for (Path file : files) {
      PerplexityEvaluation e = lm.evaluate(file, TaskOptions.none());
      Score total = e.total();
      if (json) {
        out.println(JSON.writeValueAsString(JSON.createObjectNode().put("file", file.toString())
            .put("texts", e.texts()).put("tokens", total.tokens())
            .put("log_likelihood", total.logLikelihood())
            .put("log_likelihood_per_token", total.mean())
            .put("perplexity", total.perplexity())));
        continue;
      }
      out.printf(Locale.ROOT, "%s: %,d texts, %,d tokens, log-likelihood %.2f nats"
              + " (%.4f per token), perplexity %.3f%n", file, e.texts(), total.tokens(),
          total.logLikelihood(), total.mean(), total.perplexity());
    }
    out.flush();
    return 0;
  }
}
