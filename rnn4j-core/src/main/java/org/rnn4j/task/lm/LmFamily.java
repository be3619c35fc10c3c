package org.rnn4j.task.lm;

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
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptionException;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.TrainingResult;
import org.rnn4j.train.ValidationMetric;

/**
 * The lm family: a language model over the lines of a UTF-8 text file (one name, sentence or
 * paragraph per line), by characters or words, loaded for use as a {@link TextGenerator}.
 */
public final class LmFamily extends AbstractTaskFamily {
  private static final String DEFAULT_TOKENS = "char";

  /**
   * The family, with its options: the embedding, the recurrent options but {@code
   * --bidirectional} (a language model reads left to right) and the text options.
   */
  public LmFamily() {
    super(LanguageModelConfig.TASK, "a language model over the lines of a UTF-8 text file (one"
            + " name, sentence or paragraph per line), by characters or words.",
        options(List.of(CommonOptions.EMBEDDING), CommonOptions.RECURRENT_ONE_WAY,
            CommonOptions.TEXT),
        LanguageModelConfig::fromJson, TextGenerator::load);
  }

  /**
   * Trains on the non-blank lines of the job's file: a random part of them (the job's validation
   * fraction) validates, the vocabulary comes from the rest ({@code --tokens char} unless told).
   */
  @Override
  public TrainedModel train(TrainingJob job) throws IOException {
    TaskOptions options = job.options();
    if (options.flag(CommonOptions.BIDIRECTIONAL)) {
      throw new TaskOptionException(CommonOptions.BIDIRECTIONAL.flagName() + " does not"
          + " apply to --task lm: a language model reads left to right, so that each prediction"
          + " sees only the tokens before it");
    }
    List<String> lines = CommonOptions.cut(options, TextLines.read(job.data(), true),
        CommonOptions.tokenizer(options, DEFAULT_TOKENS), job.log());
    if (lines.size() < 2) {
      throw new IllegalArgumentException(job.data() + ": needs at least 2 non-blank lines to"
          + " train and validate, found " + lines.size());
    }
    Split<String> split = job.split(lines, file -> CommonOptions.cut(options,
        TextLines.read(file, true), CommonOptions.tokenizer(options, DEFAULT_TOKENS), job.log()));
    TextCodec codec = CommonOptions.codec(options, split.train(), DEFAULT_TOKENS);
    LanguageModelConfig config = new LanguageModelConfig(codec.vocabulary().size(),
        options.integer(CommonOptions.EMBEDDING, 1), CommonOptions.recurrent(options));
    LanguageModel lm = job.build(() -> new LanguageModel(config, new SplittableRandom(job.seed())));
    announce(job.log(), job.data(), lm, split, codec);
    TrainingResult result = job.fit(new LanguageModelObjective(lm),
        LanguageModelData.batches(split.train(), codec, job.batchSize()),
        LanguageModelData.batches(split.validation(), codec, job.batchSize()));
    return new TrainedModel(lm, config, Optional.of(codec.toJson()), result);
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
