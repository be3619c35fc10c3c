package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.rnn4j.cli.chart.Curves;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.data.Split;
import org.rnn4j.data.format.LabelledText;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.data.format.TextLines;
import org.rnn4j.io.ModelFile;
import org.rnn4j.kernel.Parallelism;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.optim.Adam;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierData;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.task.classify.ClassifierObjective;
import org.rnn4j.task.classify.Pooling;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.tag.CharFeatures;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerConfig;
import org.rnn4j.task.tag.TaggerData;
import org.rnn4j.task.tag.TaggerObjective;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.task.lm.LanguageModelData;
import org.rnn4j.task.lm.LanguageModelObjective;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Tokenizer;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.VocabularyBuilder;
import org.rnn4j.text.WordTokenizer;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.MetricsLog;
import org.rnn4j.train.Objective;
import org.rnn4j.train.ProgressBar;
import org.rnn4j.train.Trainer;
import org.rnn4j.train.TrainerConfig;
import org.rnn4j.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j train}: trains a model on a user's file and writes the model, a JSONL metrics log
 * and a PNG of the loss curves next to it.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Train a model on your data.",
        "Task lm: a language model over the lines of a UTF-8 text file (one name, sentence or"
            + " paragraph per line), by characters or words.",
        "Task classify: a sequence classifier over labelled texts (--format json, csv or tsv;"
            + " --text and --label name the field or column).",
        "Task tag: a bidirectional tagger with character features over tagged sentences"
            + " (--format conll with --token-column/--tag-column, or opennlp name-finder files).",
        "Task forecast: a forecaster over a time-series CSV (--value, --time, --window, --horizon,"
            + " --season, --log, --difference, --direct); the last --validation part validates.",
        "Task seq2seq: an encoder-decoder with attention over a TSV of pairs, source TAB target"
            + " per line (--tokens char or word; --layers sets the encoder's layers).",
        "Writes MODEL, MODEL-base.metrics.jsonl and MODEL-base.curves.png."})
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--task", required = true,
      description = "What to train: lm, classify, tag, seq2seq or forecast.")
  String task;

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Training data: text, one sequence per line (seq2seq: source TAB target;"
          + " forecast: a time-series CSV with a header); blank"
          + " lines are skipped.")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "MODEL",
      description = "The model file to write (.safetensors).")
  Path out;

  @Option(names = "--format",
      description = "classify: json, csv or tsv (default: by extension); tag: conll or opennlp.")
  String format;

  @Option(names = "--token-column", defaultValue = "0",
      description = "tag, conll: the token column (default: ${DEFAULT-VALUE}).")
  int tokenColumn;

  @Option(names = "--tag-column", defaultValue = "3",
      description = "tag, conll: the tag column (default: ${DEFAULT-VALUE}, CoNLL-2003's entities).")
  int tagColumn;

  @Option(names = "--text", defaultValue = "text",
      description = "classify: the text field or column (default: ${DEFAULT-VALUE}).")
  String textField;

  @Option(names = "--label", defaultValue = "label",
      description = "classify: the label field or column (default: ${DEFAULT-VALUE}).")
  String labelField;

  @Option(names = "--pooling", defaultValue = "last",
      description = "classify: last, mean or max over the steps (default: ${DEFAULT-VALUE}).")
  String pooling;

  @Option(names = "--bidirectional",
      description = "classify, seq2seq: read each text (source) both ways.")
  boolean bidirectional;

  @Option(names = "--attention", defaultValue = "additive",
      description = "seq2seq: additive or multiplicative (default: ${DEFAULT-VALUE}).")
  String attention;

  @Option(names = "--tokens",
      description = "char or word (default: char for lm and seq2seq, word for classify).")
  String tokens;

  @Option(names = "--min-count", defaultValue = "1", paramLabel = "N",
      description = "Tokens seen fewer than N times in the training part become <unk> (lm,"
          + " classify, seq2seq; default: ${DEFAULT-VALUE}, keep all).")
  int minCount;

  @Option(names = "--max-vocabulary", paramLabel = "V",
      description = "Keep at most V tokens per vocabulary, the most frequent, with the 4 special"
          + " ones counted (lm, classify, seq2seq; default: no limit).")
  Integer maxVocabulary;

  @Option(names = "--lower-case", description = "With --tokens word: lower-case every word.")
  boolean lowerCase;

  @Option(names = "--cell", defaultValue = "lstm",
      description = "rnn_tanh, rnn_relu, gru or lstm (default: ${DEFAULT-VALUE}).")
  String cell;

  @Option(names = "--embedding", defaultValue = "32", description = "Embedding size (default: ${DEFAULT-VALUE}).")
  int embedding;

  @Option(names = "--hidden", defaultValue = "128", description = "Hidden units (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--layers", defaultValue = "1", description = "Recurrent layers (default: ${DEFAULT-VALUE}).")
  int layers;

  @Option(names = "--dropout", defaultValue = "0", description = "Dropout between layers (default: ${DEFAULT-VALUE}).")
  float dropout;

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

  @Mixin ForecastOptions forecast = new ForecastOptions();

  @Spec CommandSpec spec;

  private double seconds; // wall time of training

  @Override
  public Integer call() throws IOException {
    if (threads != null) {
      Parallelism.setThreads(threads);
    }
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    TrainingResult result = switch (task) {
      case "lm" -> trainLanguageModel();
      case "classify" -> trainClassifier();
      case "tag" -> trainTagger();
      case "seq2seq" -> new Seq2SeqTraining(this).train();
      case "forecast" -> new ForecastTraining(this).train();
      default -> throw new IllegalArgumentException("--task " + task + " is not available from"
          + " the command line yet: the supported tasks are lm, classify, tag, seq2seq and forecast");
    };
    summary(spec.commandLine().getOut(), result);
    return 0;
  }

  private TrainingResult trainLanguageModel() throws IOException {
    List<String> lines = TextLines.read(data, true);
    if (lines.size() < 2) {
      throw new IllegalArgumentException(data + ": needs at least 2 non-blank lines to train and"
          + " validate, found " + lines.size());
    }
    Split<String> split = Split.random(lines, validation, 0, new SplittableRandom(seed));
    TextCodec codec = codec(split.train(), "char");
    LanguageModel lm = new LanguageModel(new LanguageModelConfig(cellKind(), codec.vocabulary()
        .size(), embedding, hidden, layers, dropout), new SplittableRandom(seed));
    announce(lm.config().cell() + " language model", split, codec, lm.parameterCount());
    TrainingResult result = fit(new LanguageModelObjective(lm), lm.parameters(),
        LanguageModelData.batches(split.train(), codec, batch),
        LanguageModelData.batches(split.validation(), codec, batch), split);
    lm.save(out, Optional.of(codec.toJson()), ModelFile.Provenance.now(seed, sha256(data)));
    return result;
  }

  private TrainingResult trainClassifier() throws IOException {
    List<LabelledText> records = LabelledTexts.read(data, format, textField, labelField);
    if (records.size() < 2) {
      throw new IllegalArgumentException(data + ": needs at least 2 labelled records to train and"
          + " validate, found " + records.size());
    }
    Split<LabelledText> split = Split.random(records, validation, 0, new SplittableRandom(seed));
    List<String> labels = split.train().stream().map(LabelledText::label).distinct().sorted()
        .toList();
    TextCodec codec = codec(split.train().stream().map(LabelledText::text).toList(), "word");
    Classifier classifier = new Classifier(ClassifierConfig.builder(
            ClassifierInput.tokens(codec.vocabulary().size(), embedding), cellKind(), hidden, labels)
        .layers(layers).bidirectional(bidirectional).dropout(dropout).pooling(pooling()).build(),
        new SplittableRandom(seed));
    announce(classifier.config().cell() + " classifier of " + labels.size() + " classes " + labels,
        split, codec, classifier.parameterCount());
    TrainingResult result = fit(new ClassifierObjective(classifier), classifier.parameters(),
        classifyBatches(split.train(), labels, codec), classifyBatches(split.validation(), labels,
            codec), split);
    classifier.save(out, Optional.of(codec.toJson()), ModelFile.Provenance.now(seed,
        sha256(data)));
    return result;
  }

  private TrainingResult trainTagger() throws IOException {
    List<TaggedSentence> sentences = TaggedSentences.read(data, format, tokenColumn, tagColumn);
    if (sentences.size() < 2) {
      throw new IllegalArgumentException(data + ": needs at least 2 sentences to train and"
          + " validate, found " + sentences.size());
    }
    Split<TaggedSentence> split = Split.random(sentences, validation, 0,
        new SplittableRandom(seed));
    List<String> tags = sentences.stream().flatMap(s -> s.tags().stream()).distinct().sorted()
        .toList();
    Vocabulary words = TaggerData.words(split.train(), lowerCase);
    Vocabulary chars = TaggerData.characters(words);
    Tagger tagger = new Tagger(TaggerConfig.builder(words.size(), embedding, cellKind(), hidden,
            tags).chars(new CharFeatures(chars.size(), 16, 32)).layers(layers).dropout(dropout)
        .build(), TaggerData.spellings(words, chars), new SplittableRandom(seed));
    announce(tagger.config().cell() + " tagger of " + tags.size() + " tags " + tags, split,
        new TextCodec(new WordTokenizer(lowerCase, false), words), tagger.parameterCount());
    TrainingResult result = fit(new TaggerObjective(tagger), tagger.parameters(),
        TaggerData.batches(split.train(), words, tags, lowerCase, batch),
        TaggerData.batches(split.validation(), words, tags, lowerCase, batch), split);
    tagger.save(out, Optional.of(new TextCodec(new WordTokenizer(lowerCase, false), words)
        .toJson()), ModelFile.Provenance.now(seed, sha256(data)));
    return result;
  }

  private BatchSource<ClassifyBatch> classifyBatches(List<LabelledText> records,
      List<String> labels, TextCodec codec) {
    int[] ids = new int[records.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = labels.indexOf(records.get(i).label());
      if (ids[i] < 0) {
        throw new IllegalArgumentException(data + ": label '" + records.get(i).label()
            + "' appears only in the validation part; known labels " + labels);
      }
    }
    return ClassifierData.batches(records.stream().map(LabelledText::text).toList(), ids, codec,
        batch);
  }

  private void announce(String what, Split<?> split, TextCodec codec, long parameters) {
    PrintWriter log = spec.commandLine().getOut();
    log.printf(Locale.ROOT, "training a %s on %s: %,d for training, %,d for validation,"
            + " vocabulary %,d %s tokens, %,d parameters%n", what, data, split.train().size(),
        split.validation().size(), codec.vocabulary().size(), codec.tokenizer(), parameters);
    log.flush();
  }

  /** Trains with the common options; writes the metrics log and the curves beside the model. */
  <B> TrainingResult fit(Objective<B> objective, Map<String, Tensor> parameters,
      BatchSource<B> train, BatchSource<B> validationBatches, Split<?> split) throws IOException {
    Curves curves = new Curves();
    long start = System.nanoTime();
    TrainingResult result;
    try (MetricsLog metrics = new MetricsLog(ModelPaths.beside(out, ".metrics.jsonl"))) {
      TrainerConfig.Builder config = TrainerConfig.builder(epochs, seed).clipNorm(clip);
      if (patience != null) {
        config.earlyStopping(EarlyStopping.onLoss(patience));
      }
      result = new Trainer<>(config.build(), objective, Adam.of(parameters, learningRate),
          List.of(ProgressBar.onStandardOutput(), metrics, curves))
          .fit(train, split.validation().isEmpty() ? Optional.empty()
              : Optional.of(validationBatches));
    }
    seconds = (System.nanoTime() - start) / 1e9;
    curves.write(ModelPaths.beside(out, ".curves.png"), "rnn4j " + task + ": "
        + data.getFileName());
    return result;
  }

  private void summary(PrintWriter log, TrainingResult r) {
    log.printf(Locale.ROOT, "done: %d epochs%s, %,d steps in %.1f s%n", r.epochsCompleted(),
        r.stoppedEarly() ? " (stopped early; the best epoch's weights are kept)" : "",
        r.globalStep(), seconds);
    r.lastValidation().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> log.printf(Locale.ROOT, "last epoch's validation %s: %.4f%n", e.getKey(),
            e.getValue()));
    r.best().ifPresent(best -> best.forEach((k, v) -> log.printf(Locale.ROOT,
        "best validation %s: %.4f (the saved model has that epoch's weights)%n", k, v)));
    log.printf("model: %s%nmetrics: %s%ncurves: %s%n", out, ModelPaths.beside(out, ".metrics.jsonl"),
        ModelPaths.beside(out, ".curves.png"));
    log.flush();
  }

  TextCodec codec(List<String> train, String defaultTokens) {
    String kind = tokens != null ? tokens : defaultTokens;
    Tokenizer tokenizer = switch (kind.toLowerCase(Locale.ROOT)) {
      case "char" -> new CharTokenizer();
      case "word" -> new WordTokenizer(lowerCase, true);
      default -> throw new IllegalArgumentException(
          "--tokens must be char or word, got " + tokens);
    };
    if (minCount < 1) {
      throw new IllegalArgumentException("--min-count must be at least 1, got " + minCount);
    }
    int specials = Vocabulary.SPECIALS.size();
    if (maxVocabulary != null && maxVocabulary <= specials) {
      throw new IllegalArgumentException("--max-vocabulary must be at least " + (specials + 1)
          + " (the " + specials + " special tokens and one more), got " + maxVocabulary);
    }
    VocabularyBuilder builder = new VocabularyBuilder();
    train.forEach(line -> builder.addAll(tokenizer.tokenize(line)));
    return new TextCodec(tokenizer, builder.build(minCount,
        maxVocabulary == null ? VocabularyBuilder.UNLIMITED : maxVocabulary));
  }

  private Pooling pooling() {
    try {
      return Pooling.valueOf(pooling.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--pooling must be last, mean or max, got " + pooling);
    }
  }

  CellKind cellKind() {
    try {
      return CellKind.valueOf(cell.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--cell must be one of rnn_tanh, rnn_relu, gru, lstm, got " + cell);
    }
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (var in = Files.newInputStream(file)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          digest.update(buf, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
