package org.rnn4j.task.seq2seq;

import static org.rnn4j.task.TaskOption.Use.EVAL;
import static org.rnn4j.task.TaskOption.Use.PREDICT;
import static org.rnn4j.task.TaskOption.Use.TRAIN;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.data.Seq2SeqIds;
import org.rnn4j.data.Split;
import org.rnn4j.data.format.ParallelTsv;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.task.AbstractTaskFamily;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.StartingModel;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptionException;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.text.Tokenizer;
import org.rnn4j.train.TrainingResult;
import org.rnn4j.train.ValidationMetric;

/**
 * The seq2seq family: an encoder–decoder with attention trained on a parallel TSV (source TAB
 * target per line), loaded for use as a {@link Translator}. Both codecs are fitted to the
 * training part and stored in the model file; {@code --embedding} sizes both embeddings and
 * {@code --layers} stacks the encoder. Training batches are bucketed by source length.
 */
public final class Seq2SeqFamily extends AbstractTaskFamily {
  public Seq2SeqFamily() {
    super(Seq2SeqConfig.TASK, "an encoder-decoder with attention over a TSV of pairs, source TAB"
            + " target per line (--tokens char or word for both sides, --source-tokens and"
            + " --target-tokens for one; --layers sets the encoder's layers).",
        options(List.of(ATTENTION, BEAM, ALPHA, MAX_LENGTH, SOURCE_TOKENS, TARGET_TOKENS,
                CommonOptions.EMBEDDING),
            CommonOptions.RECURRENT, CommonOptions.TEXT),
        Seq2SeqConfig::fromJson, Translator::load);
  }

  /** The attention score; the model file stores it. */
  public static final TaskOption ATTENTION = TaskOption.value("attention", "KIND",
      "additive or multiplicative.", "additive", TRAIN);
  /** The beam width of decoding; 1 is greedy. */
  public static final TaskOption BEAM = TaskOption.value("beam", "N",
      "Beam width; 1 is greedy decoding.", "1", EVAL, PREDICT);
  /** α of the beam's length normalisation. */
  public static final TaskOption ALPHA = TaskOption.value("alpha", "ALPHA",
      "Length normalisation of the beam: score = log p / length^alpha; 0 ranks by total"
          + " log-probability.", "1.0", EVAL, PREDICT);
  /** The most output tokens per text. */
  public static final TaskOption MAX_LENGTH = TaskOption.value("max-length", "TOKENS",
      "The most output tokens per text (default: twice the input's tokens + 10).", null,
      PREDICT);
  /** The source side's tokens, when they differ from {@code --tokens}. */
  public static final TaskOption SOURCE_TOKENS = TaskOption.value("source-tokens", "KIND",
      "char or word for the source texts (default: --tokens, else char).", null, TRAIN);
  /** The target side's tokens, when they differ from {@code --tokens}. */
  public static final TaskOption TARGET_TOKENS = TaskOption.value("target-tokens", "KIND",
      "char or word for the target texts (default: --tokens, else char).", null, TRAIN);
  private static final String DEFAULT_TOKENS = "char";

  @Override
  public TrainedModel train(TrainingJob job) throws IOException {
    TaskOptions options = job.options();
    Optional<StartingModel> start = StartingModel.of(job, Seq2SeqConfig.TASK);
    Optional<TextCodecPair> started = start.isPresent()
        ? Optional.of(startingCodecs(start.get(), options)) : Optional.empty();
    // a run from a model counts --max-length in the model's tokens
    Tokenizer source = started.map(c -> c.source().tokenizer())
        .orElseGet(() -> sourceTokenizer(options));
    Tokenizer target = started.map(c -> c.target().tokenizer())
        .orElseGet(() -> targetTokenizer(options));
    List<SentencePair> pairs = withinMaxLength(job, ParallelTsv.read(job.data()), source,
        target);
    if (pairs.size() < 2) {
      throw new IllegalArgumentException(job.data() + ": needs at least 2 pairs (source TAB"
          + " target) to train and validate, found " + pairs.size());
    }
    Split<SentencePair> split = job.split(pairs,
        file -> withinMaxLength(job, ParallelTsv.read(file), source, target));
    TextCodecPair codecs = started.isPresent() ? started.get()
        : new TextCodecPair(
            CommonOptions.codec(options, split.train().stream().map(SentencePair::source)
                .toList(), sourceTokenizer(options)),
            CommonOptions.codec(options, split.train().stream().map(SentencePair::target)
                .toList(), targetTokenizer(options)));
    int embedding = options.integer(CommonOptions.EMBEDDING, 1);
    Seq2SeqConfig config = start.isPresent() ? startingConfig(start.get(), options)
        : new Seq2SeqConfig(CommonOptions.recurrent(options),
            codecs.source().vocabulary().size(), codecs.target().vocabulary().size(), embedding,
            embedding, attention(options));
    Seq2Seq model = job.build(() -> new Seq2Seq(config, new SplittableRandom(job.seed())));
    if (start.isPresent()) {
      start.get().copyInto(model);
    }
    announce(job.log(), job.data(), model, split, codecs);
    Seq2SeqIds ids = Seq2SeqIds.of(codecs.source().vocabulary(), codecs.target().vocabulary());
    Seq2SeqObjective teacherForced = new Seq2SeqObjective(model, ids.bosId(), ids.eosId());
    boolean translates = job.recipe().watchedMetrics().stream()
        .anyMatch(m -> m.equals("bleu") || m.equals("chrf"));
    TrainingResult result = job.fit(translates
            ? new TranslatedValidation(teacherForced, codecs, split.validation())
            : teacherForced,
        Seq2SeqData.bucketed(Seq2SeqData.examples(split.train(), codecs), ids, job.batchSize(),
            new SplittableRandom(job.seed() + 1)),
        Seq2SeqData.sequential(Seq2SeqData.examples(split.validation(), codecs), ids,
            job.batchSize()));
    return new TrainedModel(model, config, Optional.of(codecs.toJson()), result);
  }

  /** The model's codecs, after checking that the text options given agree with them. */
  private static TextCodecPair startingCodecs(StartingModel start, TaskOptions options)
      throws IOException {
    TextCodecPair codecs;
    try {
      codecs = TextCodecPair.fromJson(start.vocabulary());
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(start.file() + ": " + e.getMessage(), e);
    }
    start.requireTokenizer(options, options.isGiven(SOURCE_TOKENS) ? SOURCE_TOKENS
        : CommonOptions.TOKENS, codecs.source().tokenizer());
    start.requireTokenizer(options, options.isGiven(TARGET_TOKENS) ? TARGET_TOKENS
        : CommonOptions.TOKENS, codecs.target().tokenizer());
    start.refuseVocabularyOptions(options);
    return codecs;
  }

  /** The model's config, after checking that the options given agree with it. */
  private static Seq2SeqConfig startingConfig(StartingModel start, TaskOptions options)
      throws IOException {
    Seq2SeqConfig config = Seq2SeqConfig.fromJson(start.config(), start.file());
    start.require(options, CommonOptions.EMBEDDING,
        Integer.toString(config.sourceEmbeddingSize()));
    start.requireRecurrent(options, config.encoder());
    start.require(options, ATTENTION, config.attention().name());
    return config;
  }

  private static Tokenizer sourceTokenizer(TaskOptions options) {
    return CommonOptions.tokenizer(options, SOURCE_TOKENS, DEFAULT_TOKENS);
  }

  private static Tokenizer targetTokenizer(TaskOptions options) {
    return CommonOptions.tokenizer(options, TARGET_TOKENS, DEFAULT_TOKENS);
  }

  private static AttentionKind attention(TaskOptions options) {
    String kind = options.string(ATTENTION);
    try {
      return AttentionKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TaskOptionException(ATTENTION.flagName() + " must be additive or"
          + " multiplicative, got " + kind);
    }
  }

  private static void announce(PrintWriter log, Path data, Seq2Seq model,
      Split<SentencePair> split, TextCodecPair codecs) {
    Seq2SeqConfig c = model.config();
    log.printf(Locale.ROOT, "training a %s%s encoder-decoder with %s attention on %s: %,d pairs"
            + " for training, %,d for validation, vocabularies %,d source %s and %,d target %s"
            + " tokens, %,d parameters%n", c.encoder().bidirectional() ? "bidirectional " : "",
        c.encoder().cell(), c.attention().name().toLowerCase(Locale.ROOT), data,
        split.train().size(), split.validation().size(), codecs.source().vocabulary().size(),
        kind(codecs.source().tokenizer()), codecs.target().vocabulary().size(),
        kind(codecs.target().tokenizer()), model.parameterCount());
    log.flush();
  }

  private static String kind(Tokenizer tokenizer) {
    return tokenizer instanceof CharTokenizer ? "character" : "word";
  }

  /**
   * The pairs whose source and target both fit in --max-length tokens, when given: a
   * translation cut short would teach the model wrong outputs, so longer pairs are left out.
   */
  private static List<SentencePair> withinMaxLength(TrainingJob job, List<SentencePair> pairs,
      Tokenizer source, Tokenizer target) {
    Optional<Integer> max = job.options().optionalInteger(CommonOptions.MAX_LENGTH, 1);
    if (max.isEmpty()) {
      return pairs;
    }
    List<SentencePair> kept = pairs.stream()
        .filter(p -> source.tokenize(p.source()).size() <= max.get()
            && target.tokenize(p.target()).size() <= max.get())
        .toList();
    CommonOptions.report(job.log(), "left out", pairs.size() - kept.size(), pairs.size(),
        max.get());
    return kept;
  }

  @Override
  public List<ValidationMetric> validationMetrics() {
    return List.of(ValidationMetric.LOSS,
        ValidationMetric.higher("exact_match",
            "the share of targets greedy decoding reproduces exactly"),
        ValidationMetric.higher("token_accuracy", "the share of target tokens predicted right,"
            + " teacher-forced"),
        ValidationMetric.higher("bleu", "corpus BLEU of greedy translations, computed when"
            + " watched"),
        ValidationMetric.higher("chrf", "chrF2 of greedy translations, computed when watched"));
  }
}
