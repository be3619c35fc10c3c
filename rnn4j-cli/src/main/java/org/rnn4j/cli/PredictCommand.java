package org.rnn4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnn4j.io.ModelFile;
import org.rnn4j.data.TagBatch;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.data.format.TextLines;
import org.rnn4j.decode.Score;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerData;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.WordTokenizer;
import org.rnn4j.train.BatchSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j predict}: runs a model on texts, one per line (or JSON lines), from a file or
 * standard input. A classifier prints each text's label and probability; a language model each
 * text's log-likelihood and perplexity.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Run a model on texts, one per line, from FILE or standard input.",
        "classify: prints label and probability; tag: token/TAG for each whitespace-separated"
            + " token; lm: log-likelihood and perplexity.",
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
    List<String> texts = texts();
    PrintWriter out = spec.commandLine().getOut();
    switch (ModelTask.of(model)) {
      case "classify" -> classify(texts, out);
      case "tag" -> tag(texts, out);
      case "lm" -> score(texts, out);
      default -> throw new IllegalArgumentException(
          model + ": predict handles classify, tag and lm models, this one is "
              + ModelTask.of(model));
    }
    out.flush();
    return 0;
  }

  private void classify(List<String> texts, PrintWriter out) throws IOException {
    ModelFile.Loaded<Classifier> loaded = Classifier.load(model);
    TextCodec codec = ModelTask.codec(model, loaded.vocabulary());
    List<String> labels = loaded.model().config().labels();
    List<float[]> probabilities = Predictions.probabilities(loaded.model(), codec, texts);
    for (int i = 0; i < texts.size(); i++) {
      float[] p = probabilities.get(i);
      int best = Predictions.argmax(p);
      if (json) {
        ObjectNode n = mapper.createObjectNode().put("text", texts.get(i))
            .put("label", labels.get(best));
        ObjectNode all = n.putObject("probabilities");
        for (int c = 0; c < p.length; c++) {
          all.put(labels.get(c), p[c]);
        }
        out.println(mapper.writeValueAsString(n));
      } else {
        out.printf(Locale.ROOT, "%s\t%.4f%n", labels.get(best), p[best]);
      }
    }
  }

  private void tag(List<String> texts, PrintWriter out) throws IOException {
    ModelFile.Loaded<Tagger> loaded = Tagger.load(model);
    TextCodec codec = ModelTask.codec(model, loaded.vocabulary());
    boolean lowerCase = codec.tokenizer() instanceof WordTokenizer w && w.lowerCase();
    List<String> tags = loaded.model().config().tags();
    List<TaggedSentence> sentences = texts.stream().map(t -> List.of(t.trim().split("\\s+")))
        .map(tokens -> new TaggedSentence(tokens, tokens.stream().map(x -> tags.get(0)).toList()))
        .toList();
    BatchSource<TagBatch> batches = TaggerData.batches(sentences, codec.vocabulary(), tags,
        lowerCase, 64);
    int next = 0;
    for (int b = 0; b < batches.size(); b++) {
      for (int[] predicted : loaded.model().predict(batches.batch(b).inputs())) {
        List<String> tokens = sentences.get(next++).tokens();
        if (json) {
          ObjectNode n = mapper.createObjectNode();
          n.putPOJO("tokens", tokens);
          n.putPOJO("tags", java.util.Arrays.stream(predicted).mapToObj(tags::get).toList());
          out.println(mapper.writeValueAsString(n));
        } else {
          StringBuilder line = new StringBuilder();
          for (int t = 0; t < tokens.size(); t++) {
            line.append(t == 0 ? "" : " ").append(tokens.get(t)).append('/')
                .append(tags.get(predicted[t]));
          }
          out.println(line);
        }
      }
    }
  }

  private void score(List<String> texts, PrintWriter out) throws IOException {
    LoadedLanguageModel lm = LoadedLanguageModel.load(model);
    List<Score> scores = lm.model().score(lm.codec(), lm.codec().vocabulary().bosId(), texts,
        true);
    for (int i = 0; i < texts.size(); i++) {
      Score s = scores.get(i);
      if (json) {
        out.println(mapper.writeValueAsString(mapper.createObjectNode().put("text", texts.get(i))
            .put("log_likelihood", s.logLikelihood()).put("tokens", s.tokens())
            .put("perplexity", s.perplexity())));
      } else {
        out.printf(Locale.ROOT, "%.4f\t%.3f%n", s.logLikelihood(), s.perplexity());
      }
    }
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
