package org.rnn4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnn4j.cli.chart.AttentionHeatmap;
import org.rnn4j.data.format.TextLines;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskFamily;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;
import org.rnn4j.task.seq2seq.Seq2SeqFamily;
import org.rnn4j.task.seq2seq.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j translate}: runs a seq2seq model ({@link Translator}) on texts, one per line, from
 * a file or standard input, and prints one output per line (an empty line for an empty input
 * line); says on standard error how many source tokens the model never saw in training (it reads
 * them as {@code <unk>}); optionally draws the attention of the first text.
 */
@Command(name = "translate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Translate texts with a seq2seq model (from train --task seq2seq), one per"
        + " line, from FILE or standard input; prints one output per line.",
        "Greedy decoding by default; --beam N keeps the N most probable hypotheses, ranked by"
            + " log p / length^alpha.",
        "Characters or words never seen in training are read as <unk>; standard error says how"
            + " many and names a few."})
final class TranslateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file.")
  Path model;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "The texts, one per line (default: standard input).")
  Path input;

  @Option(names = "--beam", defaultValue = "1", paramLabel = "N",
      description = "Beam width; 1 is greedy decoding (default: ${DEFAULT-VALUE}).")
  String beam;

  @Option(names = "--alpha", defaultValue = "1.0",
      description = "Length normalisation of the beam: score = log p / length^alpha; 0 ranks by"
          + " total log-probability (default: ${DEFAULT-VALUE}).")
  String alpha;

  @Option(names = "--max-length", paramLabel = "TOKENS",
      description = "The most output tokens per text (default: twice the input's tokens + 10).")
  String maxLength;

  @Option(names = "--attention", paramLabel = "PNG",
      description = "Draw the attention of the first text as a heatmap into this PNG file.")
  Path attention;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RunPaths paths = new RunPaths().input("--model", model);
    if (input != null) {
      paths.input("", input);
    }
    if (attention != null) {
      paths.output("--attention", attention);
    }
    paths.check();
    TaskFamily family = TaskFamilies.of(model);
    if (!(family instanceof Seq2SeqFamily)) {
      throw new IllegalArgumentException(model + ": translate needs a seq2seq model (from train"
          + " --task " + Seq2SeqConfig.TASK + "), this one is " + family.name());
    }
    Translator.Options options = Translator.Options.from(options());
    Translator translator = Translator.load(model);
    List<String> texts = texts();
    List<Translator.Translation> out = translator.translate(texts, options);
    PrintWriter w = spec.commandLine().getOut();
    out.forEach(t -> w.println(t.text()));
    w.flush();
    UnknownTokens unknown = new UnknownTokens(translator.codecs().source().vocabulary());
    out.forEach(t -> unknown.add(t.sourceTokens()));
    if (unknown.occurrences() > 0) {
      spec.commandLine().getErr().println(unknown.note(texts.size()));
      spec.commandLine().getErr().flush();
    }
    if (attention != null) {
      heatmap(texts, out);
    }
    return 0;
  }

  /** The decoding options as given, read by the family's options (their names in errors). */
  private TaskOptions options() {
    Map<String, String> given = new HashMap<>();
    given.put(Seq2SeqFamily.BEAM.name(), beam);
    given.put(Seq2SeqFamily.ALPHA.name(), alpha);
    if (maxLength != null) {
      given.put(Seq2SeqFamily.MAX_LENGTH.name(), maxLength);
    }
    return TaskOptions.of(given);
  }

  private void heatmap(List<String> texts, List<Translator.Translation> out) throws IOException {
    if (texts.isEmpty() || out.get(0).ids().length == 0) {
      throw new IllegalArgumentException("--attention " + attention + ": nothing to draw, the"
          + " first text " + (texts.isEmpty() ? "is missing" : "translates to nothing"));
    }
    Translator.Translation first = out.get(0);
    AttentionHeatmap.write(attention, "\"" + texts.get(0).strip() + "\" → \"" + first.text()
        + "\"", first.sourceTokens(), first.tokens(), first.attention());
    spec.commandLine().getErr().println("attention heatmap: " + attention);
    spec.commandLine().getErr().flush();
  }

  private List<String> texts() throws IOException {
    if (input != null) {
      return TextLines.read(input, false);
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    return in.lines().toList();
  }
}
