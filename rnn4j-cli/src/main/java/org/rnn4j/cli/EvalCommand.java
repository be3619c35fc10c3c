package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnn4j.io.ModelFile;
import org.rnn4j.data.format.LabelledText;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.data.format.TextLines;
import org.rnn4j.decode.Score;
import org.rnn4j.metrics.ConfusionMatrix;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerData;
import org.rnn4j.task.tag.TaggerObjective;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.WordTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rnn4j eval}: a model's metrics on labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Measure a model on data.",
        "classify: accuracy, macro-F1 and the confusion matrix on labelled texts (--format json,"
            + " csv or tsv; --text, --label).",
        "tag: entity precision, recall and F1 (conlleval) and token accuracy on tagged sentences"
            + " (--format conll or opennlp).",
        "lm: log-likelihood and perplexity of the lines of a text file.",
        "forecast: MAE, RMSE and MAPE of the last H steps of a time-series CSV (H = the model's"
            + " horizon) forecast from the steps before them, beside seasonal-naive and naive.",
        "seq2seq: BLEU, character error rate, exact match and token accuracy on a TSV of pairs"
            + " (source TAB target), greedy or with --beam."})
final class EvalCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file.")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "The data.")
  Path data;

  @Option(names = "--format",
      description = "classify: json, csv or tsv (default: by extension); tag: conll or opennlp.")
  String format;

  @Option(names = "--token-column", defaultValue = "0", description = "tag, conll: token column.")
  int tokenColumn;

  @Option(names = "--tag-column", defaultValue = "3", description = "tag, conll: tag column.")
  int tagColumn;

  @Option(names = "--text", defaultValue = "text", description = "classify: the text field or column.")
  String textField;

  @Option(names = "--label", defaultValue = "label",
      description = "classify: the label field or column.")
  String labelField;

  @Option(names = "--beam", defaultValue = "1", paramLabel = "N",
      description = "seq2seq: beam width; 1 is greedy decoding (default: ${DEFAULT-VALUE}).")
  int beam;

  @Option(names = "--alpha", defaultValue = TranslateCommand.DEFAULT_ALPHA,
      description = "seq2seq: length normalisation of the beam (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    switch (ModelTask.of(model)) {
      case "classify" -> classify(out);
      case "tag" -> tag(out);
      case "forecast" -> ForecastEvaluation.print(out, model, data, format);
      case "lm" -> {
        LoadedLanguageModel lm = LoadedLanguageModel.load(model);
        List<String> texts = TextLines.read(data, true);
        Score total = Score.total(lm.model().score(lm.codec(), lm.codec().vocabulary().bosId(),
            texts, true));
        out.printf(Locale.ROOT, "%s: %,d texts, %,d tokens, loss %.4f nats per token,"
            + " perplexity %.3f%n", data, texts.size(), total.tokens(), -total.mean(),
            total.perplexity());
      }
      case "seq2seq" -> Seq2SeqEvaluation.run(model, data,
          TranslateCommand.options(beam, alpha, null), out);
      default -> throw new IllegalArgumentException(
          model + ": eval handles classify, tag, lm, seq2seq and forecast models, this one is "
              + ModelTask.of(model));
    }
    out.flush();
    return 0;
  }

  private void tag(PrintWriter out) throws IOException {
    ModelFile.Loaded<Tagger> loaded = Tagger.load(model);
    TextCodec codec = ModelTask.codec(model, loaded.vocabulary());
    boolean lowerCase = codec.tokenizer() instanceof WordTokenizer w && w.lowerCase();
    List<TaggedSentence> sentences = TaggedSentences.read(data, format, tokenColumn, tagColumn);
    Map<String, Double> m = new TaggerObjective(loaded.model()).evaluate(TaggerData.batches(
        sentences, codec.vocabulary(), loaded.model().config().tags(), lowerCase, 32));
    out.printf(Locale.ROOT, "%s: %,d sentences, entity precision %.4f, recall %.4f, F1 %.4f,"
            + " token accuracy %.4f%n", data, sentences.size(), m.get("precision"),
        m.get("recall"), m.get("f1"), m.get("token_accuracy"));
  }

  private void classify(PrintWriter out) throws IOException {
    ModelFile.Loaded<Classifier> loaded = Classifier.load(model);
    TextCodec codec = ModelTask.codec(model, loaded.vocabulary());
    List<String> labels = loaded.model().config().labels();
    List<LabelledText> records = LabelledTexts.read(data, format, textField, labelField);
    List<float[]> p = Predictions.probabilities(loaded.model(), codec,
        records.stream().map(LabelledText::text).toList());
    ConfusionMatrix confusion = new ConfusionMatrix(labels);
    for (int i = 0; i < records.size(); i++) {
      int gold = labels.indexOf(records.get(i).label());
      if (gold < 0) {
        throw new IllegalArgumentException(data + ": record " + (i + 1) + " has label '"
            + records.get(i).label() + "', which the model does not know; its labels are "
            + labels);
      }
      confusion.add(gold, Predictions.argmax(p.get(i)));
    }
    out.printf(Locale.ROOT, "%s: %,d records, accuracy %.4f, macro-F1 %.4f%n", data,
        records.size(), confusion.accuracy(), confusion.macroF1());
    out.println(confusion);
  }
}
