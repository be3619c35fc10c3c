package org.rnn4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnn4j.data.format.TextLines;
import org.rnn4j.task.Prediction;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskFamily;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j predict}: runs a model of any task family on texts, one per line (or JSON lines),
 * from a file or standard input, and prints one prediction per text.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Run a model on texts, one per line, from FILE or standard input.",
        "classify: prints label and probability; tag: token/TAG for each whitespace-separated"
            + " token; lm: log-likelihood and perplexity; seq2seq: the translation.",
        "With --json the input lines are JSON objects (their --text field) and the output is"
            + " JSON lines."})
final class PredictCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file.")
  Path model;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "The texts (default: standard input).")
  Path input;

  @Option(names = "--json", description = "JSON lines in and out.")
  boolean json;

  @Option(names = "--text", defaultValue = "text",
      description = "With --json: the field holding the text (default: ${DEFAULT-VALUE}).")
  String textField;

  @Spec CommandSpec spec;

  private final ObjectMapper mapper = new ObjectMapper();

  @Override
  public Integer call() throws IOException {
    RunPaths paths = new RunPaths().input("--model", model);
    if (input != null) {
      paths.input("", input);
    }
    paths.check();
    List<String> texts = texts();
    TaskFamily family = TaskFamilies.of(model);
    TaskOptions options = FamilyOptions.given(spec, TaskOption.Use.PREDICT, family);
    List<? extends Prediction> predictions = family.load(model).predict(texts, options);
    PrintWriter out = spec.commandLine().getOut();
    for (Prediction p : predictions) {
      out.println(json ? mapper.writeValueAsString(p.toJson()) : p.text());
    }
    out.flush();
    return 0;
  }

  private List<String> texts() throws IOException {
    List<String> lines;
    if (input != null) {
      lines = TextLines.read(input, true);
    } else {
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
          StandardCharsets.UTF_8));
      lines = in.lines().filter(l -> !l.isBlank()).toList();
    }
    if (!json) {
      return lines;
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      var node = mapper.readTree(lines.get(i));
      if (!node.path(textField).isTextual()) {
        throw new IllegalArgumentException((input == null ? "standard input" : input.toString())
            + ": line " + (i + 1) + ": expected a JSON object with a string field \"" + textField
            + "\", got " + lines.get(i));
      }
      texts.add(node.get(textField).asText());
    }
    return texts;
  }
}
