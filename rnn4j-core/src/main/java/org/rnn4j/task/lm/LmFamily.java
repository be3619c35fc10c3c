package org.rnn4j.task.lm;

import static org.rnn4j.task.TaskOption.Use.TRAIN;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.data.Split;
import org.rnn4j.data.format.TextLines;
import org.rnn4j.task.AbstractTaskFamily;
import org.rnn4j.task.StartingModel;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptionException;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Tokenizer;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.TokenBatch;
import org.rnn4j.train.TrainingResult;
import org.rnn4j.train.ValidationMetric;

/**
 * The lm family: a language model over the lines of a UTF-8 text file (one name, sentence or
 * paragraph per line), by characters or words, loaded for use as a {@link TextGenerator}.
 */
public final class LmFamily extends AbstractTaskFamily {
  private static final String DEFAULT_TOKENS = "char";

  /** {@code --stream}: train over the whole text as one stream, with truncated BPTT. */
  public static final TaskOption STREAM = TaskOption.flag("stream", "Read the file as one long"
      + " text (char-rnn's way): cut it into --batch parallel streams read in consecutive chunks"
      + " of --seq-length tokens, the recurrent state carried from chunk to chunk (truncated"
      + " backpropagation through time) and reset at each epoch's start; the last lines"
      + " (--validation) validate.", TRAIN);

  /** {@code --seq-length}: the chunk of {@code --stream}. */
  public static final TaskOption SEQ_LENGTH = TaskOption.value("seq-length", "N",
      "With --stream: tokens per chunk, the furthest back a gradient flows.", "50", TRAIN);

  /**
   * The family, with its options: the embedding, the recurrent options but {@code
   * --bidirectional} (a language model reads left to right), the text options and the streamed
   * mode's two.
   */
  public LmFamily() {
    super(LanguageModelConfig.TASK, "a language model over the lines of a UTF-8 text file (one"
            + " name, sentence or paragraph per line), by characters or words.",
        options(List.of(CommonOptions.EMBEDDING), CommonOptions.RECURRENT_ONE_WAY,
            CommonOptions.TEXT, List.of(STREAM, SEQ_LENGTH)),
        LanguageModelConfig::fromJson, TextGenerator::load);
  }

  /**
   * Trains on the non-blank lines of the job's file: a random part of them (the job's validation
   * fraction) validates, or the job's validation file, and the vocabulary comes from the rest
   * ({@code --tokens char} unless told); with {@code --stream}, the lines are one text and the
   * last ones validate. A run from a trained model keeps its vocabulary and architecture.
   */
  @Override
  public TrainedModel train(TrainingJob job) throws IOException {
    TaskOptions options = job.options();
    if (options.flag(CommonOptions.BIDIRECTIONAL)) {
      throw new TaskOptionException(CommonOptions.BIDIRECTIONAL.flagName() + " does not"
          + " apply to --task lm: a language model reads left to right, so that each prediction"
          + " sees only the tokens before it");
    }
    boolean stream = options.flag(STREAM);
    if (!stream && options.isGiven(SEQ_LENGTH)) {
      throw new TaskOptionException(SEQ_LENGTH.flagName() + " applies with " + STREAM.flagName()
          + " only: without it each line is one sequence");
    }
    int chunk = options.integer(SEQ_LENGTH, 1);
    Optional<StartingModel> start = StartingModel.of(job, LanguageModelConfig.TASK);
    Optional<TextCodec> started = start.isPresent()
        ? Optional.of(start.get().codec(options)) : Optional.empty();
    // a run from a model counts --max-length in the model's tokens
    Tokenizer tokenizer = started.map(TextCodec::tokenizer)
        .orElseGet(() -> CommonOptions.tokenizer(options, DEFAULT_TOKENS));
    List<String> lines = CommonOptions.cut(options, TextLines.read(job.data(), true), tokenizer,
        job.log());
    if (lines.size() < 2) {
      throw new IllegalArgumentException(job.data() + ": needs at least 2 non-blank lines to"
          + " train and validate, found " + lines.size());
    }
    TrainingJob.Reader<String> reader = file -> CommonOptions.cut(options,
        TextLines.read(file, true), tokenizer, job.log());
    Split<String> split = stream && job.validationData().isEmpty()
        ? tail(lines, job.validationFraction()) : job.split(lines, reader);
    TextCodec codec = started.isPresent() ? started.get()
        : CommonOptions.codec(options, split.train(), DEFAULT_TOKENS);
    LanguageModelConfig config = start.isPresent() ? startingConfig(start.get(), options)
        : new LanguageModelConfig(codec.vocabulary().size(),
            options.integer(CommonOptions.EMBEDDING, 1), CommonOptions.recurrent(options));
    LanguageModel lm = job.build(() -> new LanguageModel(config, new SplittableRandom(job.seed())));
    if (start.isPresent()) {
      start.get().copyInto(lm);
    }
    announce(job.log(), job.data(), lm, split, codec);
    TrainingResult result = stream ? trainStreamed(job, lm, split, codec, chunk)
        : job.fit(new LanguageModelObjective(lm),
            LanguageModelData.batches(split.train(), codec, job.batchSize()),
            LanguageModelData.batches(split.validation(), codec, job.batchSize()));
    return new TrainedModel(lm, config, Optional.of(codec.toJson()), result);
  }

  /** The model's config, after checking that the options given agree with it. */
  private static LanguageModelConfig startingConfig(StartingModel start, TaskOptions options)
      throws IOException {
    LanguageModelConfig config = LanguageModelConfig.fromJson(start.config(), start.file());
    start.require(options, CommonOptions.EMBEDDING, Integer.toString(config.embeddingSize()));
    start.requireRecurrent(options, config.recurrent());
    return config;
  }

  /** The lines in order: the last {@code fraction} of them (at least one when positive) validate. */
  private static Split<String> tail(List<String> lines, double fraction) {
    int validation = fraction == 0 ? 0
        : Math.min(lines.size() - 1, Math.max(1, (int) Math.round(lines.size() * fraction)));
    int cut = lines.size() - validation;
    return new Split<>(lines.subList(0, cut), lines.subList(cut, lines.size()), List.of());
  }

  /** Truncated BPTT over the training text, validated over the validation text. */
  private static TrainingResult trainStreamed(TrainingJob job, LanguageModel lm,
      Split<String> split, TextCodec codec, int chunk) {
    int[] train = StreamedText.ids(split.train(), codec);
    int[] validation = StreamedText.ids(split.validation(), codec);
    if (train.length < job.batchSize() + 1) {
      throw new IllegalArgumentException(job.data() + ": --stream needs at least --batch + 1 = "
          + (job.batchSize() + 1) + " tokens to train on, found " + train.length);
    }
    job.log().printf(Locale.ROOT, "streamed: %,d training tokens in %d streams, chunks of %d"
        + " tokens; %,d validation tokens%n", train.length, job.batchSize(), chunk,
        validation.length);
    job.log().flush();
    return job.fit(new LanguageModelObjective(lm),
        StreamedText.batches(train, job.batchSize(), chunk),
        validation.length < 2 ? BatchSource.of(List.<TokenBatch>of())
            : StreamedText.validation(validation, job.batchSize(), chunk));
  }

  private static void announce(PrintWriter log, Path data, LanguageModel lm, Split<String> split,
      TextCodec codec) {
    log.printf(Locale.ROOT, "training a %s language model on %s: %,d for training, %,d for"
            + " validation, vocabulary %,d %s tokens, %,d parameters%n",
        lm.config().recurrent().cell(), data, split.train().size(), split.validation().size(),
        codec.vocabulary().size(), codec.tokenizer(), lm.parameterCount());
    log.flush();
  }

  @Override
  public List<ValidationMetric> validationMetrics() {
    return List.of(ValidationMetric.LOSS,
        ValidationMetric.lower("perplexity", "e^loss, per token"));
  }
}
