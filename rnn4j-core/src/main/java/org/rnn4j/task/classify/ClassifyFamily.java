package org.rnn4j.task.classify;

import static org.rnn4j.task.TaskOption.Use.EVAL;
import static org.rnn4j.task.TaskOption.Use.TRAIN;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.data.Split;
import org.rnn4j.data.format.LabelledText;
import org.rnn4j.data.format.LabelledTexts;
import org.rnn4j.task.AbstractTaskFamily;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.StartingModel;
import org.rnn4j.task.TaskOptionException;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.TrainingResult;
import org.rnn4j.train.ValidationMetric;

/**
 * The classify family: a sequence classifier trained on labelled texts in JSON, CSV or TSV,
 * loaded for use as a {@link TextClassifier}.
 */
public final class ClassifyFamily extends AbstractTaskFamily {
  static final TaskOption FORMAT = TaskOption.value("format", "FORMAT",
      "json (an array of objects), jsonl (one object per line), csv or tsv (default: by the"
          + " file's extension).", null, TRAIN, EVAL);
  static final TaskOption TEXT = TaskOption.value("text", "FIELD",
      "The text field (json, jsonl) or column (csv, tsv), by name or index.", "text", TRAIN, EVAL);
  static final TaskOption LABEL = TaskOption.value("label", "FIELD",
      "The label field or column.", "label", TRAIN, EVAL);
  static final TaskOption POOLING = TaskOption.value("pooling", "POOLING",
      "last, mean or max over each text's steps.", "last", TRAIN);
  private static final String DEFAULT_TOKENS = "word";

  public ClassifyFamily() {
    super(ClassifierConfig.TASK, "a sequence classifier over labelled texts (--format json, jsonl,"
            + " csv or tsv; --text and --label name the field or column).",
        options(List.of(FORMAT, TEXT, LABEL, POOLING, CommonOptions.EMBEDDING),
            CommonOptions.RECURRENT, CommonOptions.TEXT),
        ClassifierConfig::fromJson, TextClassifier::load);
  }

  /** The labelled texts of a file, read as the options say. */
  static List<LabelledText> read(Path data, TaskOptions options) throws IOException {
    return LabelledTexts.read(data, options.get(FORMAT).orElse(null), options.string(TEXT),
        options.string(LABEL));
  }

  @Override
  public TrainedModel train(TrainingJob job) throws IOException {
    List<LabelledText> records = cut(job, read(job.data(), job.options()));
    if (records.size() < 2) {
      throw new IllegalArgumentException(job.data() + ": needs at least 2 labelled records to"
          + " train and validate, found " + records.size());
    }
    Split<LabelledText> split = job.split(records, file -> cut(job, read(file, job.options())));
    Optional<StartingModel> start = StartingModel.of(job, ClassifierConfig.TASK);
    TextCodec codec = start.isPresent() ? start.get().codec(job.options())
        : CommonOptions.codec(job.options(),
            split.train().stream().map(LabelledText::text).toList(), DEFAULT_TOKENS);
    ClassifierConfig config = start.isPresent() ? startingConfig(start.get(), job.options())
        : new ClassifierConfig(
            ClassifierInput.tokens(codec.vocabulary().size(),
                job.options().integer(CommonOptions.EMBEDDING, 1)),
            CommonOptions.recurrent(job.options()),
            job.options().choice(POOLING, Pooling.class),
            split.train().stream().map(LabelledText::label).distinct().sorted().toList());
    List<String> labels = config.labels();
    Classifier classifier =
        job.build(() -> new Classifier(config, new SplittableRandom(job.seed())));
    if (start.isPresent()) {
      start.get().copyInto(classifier);
    }
    announce(job.log(), job.data(), classifier, split, codec);
    TrainingResult result = job.fit(new ClassifierObjective(classifier),
        batches(job, split.train(), labels, codec),
        batches(job, split.validation(), labels, codec));
    return new TrainedModel(classifier, config, Optional.of(codec.toJson()), result);
  }

  /** The records with their texts cut to --max-length tokens, when given. */
  private static List<LabelledText> cut(TrainingJob job, List<LabelledText> records) {
    List<String> texts = CommonOptions.cut(job.options(),
        records.stream().map(LabelledText::text).toList(),
        CommonOptions.tokenizer(job.options(), DEFAULT_TOKENS), job.log());
    List<LabelledText> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      out.add(new LabelledText(texts.get(i), records.get(i).label()));
    }
    return out;
  }

  /** The model's config, after checking that the options given agree with it. */
  private static ClassifierConfig startingConfig(StartingModel start, TaskOptions options)
      throws IOException {
    ClassifierConfig config = ClassifierConfig.fromJson(start.config(), start.file());
    if (!config.input().tokens()) {
      throw new TaskOptionException("--init-from " + start.file() + ": expected a classifier"
          + " of texts, got one of numeric features");
    }
    start.require(options, CommonOptions.EMBEDDING,
        Integer.toString(config.input().embeddingSize()));
    start.requireRecurrent(options, config.recurrent());
    start.require(options, POOLING, config.pooling().name());
    return config;
  }

  private static BatchSource<ClassifyBatch> batches(TrainingJob job, List<LabelledText> records,
      List<String> labels, TextCodec codec) {
    int[] ids = new int[records.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = labels.indexOf(records.get(i).label());
      if (ids[i] < 0) {
        throw new IllegalArgumentException((job.initFrom().isPresent()
            ? "--init-from " + job.initFrom().get() + ": the model has no label '"
                + records.get(i).label() + "' of the data; its labels are "
            : job.data() + ": label '" + records.get(i).label()
                + "' appears only in the validation part; known labels ") + labels);
      }
    }
    return ClassifierData.batches(records.stream().map(LabelledText::text).toList(), ids, codec,
        job.batchSize());
  }

  private static void announce(PrintWriter log, Path data, Classifier classifier,
      Split<LabelledText> split, TextCodec codec) {
    List<String> labels = classifier.config().labels();
    log.printf(Locale.ROOT, "training a %s classifier of %d classes %s on %s: %,d for training,"
            + " %,d for validation, vocabulary %,d %s tokens, %,d parameters%n",
        classifier.config().recurrent().cell(), labels.size(), labels, data, split.train().size(),
        split.validation().size(), codec.vocabulary().size(), codec.tokenizer(),
        classifier.parameterCount());
    log.flush();
  }

  @Override
  public List<ValidationMetric> validationMetrics() {
    return List.of(ValidationMetric.LOSS,
        ValidationMetric.higher("accuracy", "the share of validation texts classified right"),
        ValidationMetric.higher("macro_f1", "F1 averaged over the classes"));
  }
}
