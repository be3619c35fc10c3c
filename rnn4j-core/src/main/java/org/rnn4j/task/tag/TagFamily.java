package org.rnn4j.task.tag;

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
import java.util.stream.Stream;
import org.rnn4j.data.Split;
import org.rnn4j.data.TagBatch;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.data.format.TaggedSentences;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.AbstractTaskFamily;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.StartingModel;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.WordTokenizer;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.TrainingResult;
import org.rnn4j.train.ValidationMetric;

/**
 * The tag family: a bidirectional tagger with character features trained on tagged sentences
 * (CoNLL columns or OpenNLP name-finder files), loaded for use as a {@link SentenceTagger}.
 *
 * <p>Training reads the sentences, holds out a random part for validation, takes the tag set
 * from all sentences (sorted) and the word vocabulary from the training part, spells every word
 * in characters of that vocabulary ({@link TaggerData}) and trains one bidirectional recurrent
 * layer stack ({@code --cell}, {@code --hidden}, {@code --layers}, {@code --dropout}) over word
 * embeddings ({@code --embedding}) and character features of {@value #CHAR_EMBEDDING}-dimensional
 * character embeddings read by a {@value #CHAR_HIDDEN}-unit character BiGRU.
 */
public final class TagFamily extends AbstractTaskFamily {
  static final TaskOption FORMAT = TaskOption.value("format", "FORMAT",
      "conll or opennlp (required).", null, TRAIN, EVAL);
  static final TaskOption TOKEN_COLUMN = TaskOption.value("token-column", "COLUMN",
      "With --format conll: the token column, from 0.", "0", TRAIN, EVAL);
  static final TaskOption TAG_COLUMN = TaskOption.value("tag-column", "COLUMN",
      "With --format conll: the tag column, from 0 (3 is CoNLL-2003's entities).", "3", TRAIN,
      EVAL);
  public TagFamily() {
    super(TaggerConfig.TASK, "a bidirectional tagger with character features over tagged"
            + " sentences (--format conll with --token-column/--tag-column, or opennlp name-finder"
            + " files).",
        options(List.of(FORMAT, TOKEN_COLUMN, TAG_COLUMN, CommonOptions.EMBEDDING),
            CommonOptions.RECURRENT_ONE_WAY,
            List.of(CommonOptions.LOWER_CASE, CommonOptions.MAX_LENGTH)),
        TaggerConfig::fromJson, SentenceTagger::load);
  }

  /** Ec, the size of each character's embedding (also used by distributed training). */
  public static final int CHAR_EMBEDDING = 16;
  /** Hc, the character GRU's units per direction (also used by distributed training). */
  public static final int CHAR_HIDDEN = 32;

  /** The tagged sentences of a file, read as the options say. */
  static List<TaggedSentence> read(Path data, TaskOptions options) throws IOException {
    return TaggedSentences.read(data, options.get(FORMAT).orElse(null),
        options.integer(TOKEN_COLUMN, 0), options.integer(TAG_COLUMN, 0));
  }

  @Override
  public TrainedModel train(TrainingJob job) throws IOException {
    TaskOptions options = job.options();
    List<TaggedSentence> sentences = cut(job, read(job.data(), options));
    if (sentences.size() < 2) {
      throw new IllegalArgumentException(job.data() + ": needs at least 2 sentences to train and"
          + " validate, found " + sentences.size());
    }
    Split<TaggedSentence> split = job.split(sentences, file -> cut(job, read(file, options)));
    Optional<StartingModel> start = StartingModel.of(job, TaggerConfig.TASK);
    TaggerConfig config;
    TextCodec codec;
    if (start.isPresent()) {
      codec = start.get().codec(options);
      config = startingConfig(start.get(), options);
    } else {
      List<String> tags = Stream.concat(split.train().stream(), split.validation().stream())
          .flatMap(s -> s.tags().stream()).distinct().sorted()
          .toList();
      Vocabulary words = TaggerData.words(split.train(), options.flag(CommonOptions.LOWER_CASE));
      Vocabulary chars = TaggerData.characters(words);
      RecurrentSpec recurrent = CommonOptions.recurrent(options)
          .withBidirectional(TaggerConfig.DEFAULT_BIDIRECTIONAL);
      config = TaggerConfig.of(words.size(),
              options.integer(CommonOptions.EMBEDDING, 1), recurrent, tags)
          .withChars(new CharFeatures(chars.size(), CHAR_EMBEDDING, CHAR_HIDDEN,
              TaggerData.spellings(words, chars)));
      codec = new TextCodec(new WordTokenizer(options.flag(CommonOptions.LOWER_CASE), false),
          words);
    }
    List<String> tags = config.tags();
    Vocabulary words = codec.vocabulary();
    boolean lowerCase = ((WordTokenizer) codec.tokenizer()).lowerCase();
    Tagger tagger = job.build(() -> new Tagger(config, new SplittableRandom(job.seed())));
    if (start.isPresent()) {
      start.get().copyInto(tagger);
    }
    announce(job.log(), job.data(), tagger, split, codec);
    TrainingResult result = job.fit(new TaggerObjective(tagger),
        batches(job, job.data(), split.train(), words, tags, lowerCase),
        batches(job, job.validationData().orElse(job.data()), split.validation(), words, tags,
            lowerCase));
    return new TrainedModel(tagger, config, Optional.of(codec.toJson()), result);
  }

  /** The sentences' batches; a tag the model lacks is named with the file it is in. */
  private static BatchSource<TagBatch> batches(TrainingJob job, Path file,
      List<TaggedSentence> sentences, Vocabulary words, List<String> tags, boolean lowerCase) {
    try {
      return TaggerData.batches(sentences, words, tags, lowerCase, job.batchSize());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage()
          + job.initFrom().map(m -> " (the tags of --init-from " + m + ")").orElse(""), e);
    }
  }

  /** The model's config, after checking that the options given agree with it. */
  private static TaggerConfig startingConfig(StartingModel start, TaskOptions options)
      throws IOException {
    TaggerConfig config = TaggerConfig.fromJson(start.config(), start.file());
    start.require(options, CommonOptions.EMBEDDING, Integer.toString(config.embeddingSize()));
    start.requireRecurrent(options, config.recurrent());
    return config;
  }

  private static void announce(PrintWriter log, Path data, Tagger tagger,
      Split<TaggedSentence> split, TextCodec codec) {
    List<String> tags = tagger.config().tags();
    log.printf(Locale.ROOT, "training a %s tagger of %d tags %s on %s: %,d for training,"
            + " %,d for validation, vocabulary %,d %s tokens, %,d parameters%n",
        tagger.config().recurrent().cell(), tags.size(), tags, data, split.train().size(),
        split.validation().size(), codec.vocabulary().size(), codec.tokenizer(),
        tagger.parameterCount());
    log.flush();
  }

  /** The sentences cut to --max-length tokens (and their tags), when given. */
  private static List<TaggedSentence> cut(TrainingJob job, List<TaggedSentence> sentences) {
    Optional<Integer> max = job.options().optionalInteger(CommonOptions.MAX_LENGTH, 1);
    if (max.isEmpty()) {
      return sentences;
    }
    int m = max.get();
    List<TaggedSentence> out = new ArrayList<>(sentences.size());
    int cut = 0;
    for (TaggedSentence s : sentences) {
      if (s.tokens().size() > m) {
        out.add(new TaggedSentence(s.tokens().subList(0, m), s.tags().subList(0, m)));
        cut++;
      } else {
        out.add(s);
      }
    }
    CommonOptions.report(job.log(), "cut", cut, sentences.size(), m);
    return out;
  }

  @Override
  public List<ValidationMetric> validationMetrics() {
    return List.of(ValidationMetric.LOSS,
        ValidationMetric.higher("f1", "entity F1 over BIO spans"),
        ValidationMetric.higher("precision", "entity precision"),
        ValidationMetric.higher("recall", "entity recall"),
        ValidationMetric.higher("token_accuracy", "the share of tokens tagged right"));
  }
}
