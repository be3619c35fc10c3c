package org.rnn4j.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.data.ClassifyExample;
import org.rnn4j.data.Split;
import org.rnn4j.data.TokenIds;
import org.rnn4j.datasets.DataCache;
import org.rnn4j.datasets.Sentiment;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.optim.Adam;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.task.classify.ClassifierObjective;
import org.rnn4j.task.classify.Pooling;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.VocabularyBuilder;
import org.rnn4j.text.WordTokenizer;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.TrainingRecipe;

/**
 * Sentiment of review sentences, across domains: a word-level bidirectional GRU classifier trained
 * on the 2,000 Amazon and Yelp sentences of the UCI "Sentiment Labelled Sentences" (npm {@code
 * sentiment@5.0.2}, CC BY 4.0; a tenth held out for early stopping) and tested on the 1,000
 * IMDb sentences, which it never sees. Words are lower-cased with punctuation split off; words
 * seen once in training are {@code <unk>}. The model embeds each word, reads the sentence both
 * ways and max-pools the outputs.
 *
 * <p>Its test accuracy is printed beside two baselines: the majority class (0.5: the set is
 * balanced) and a bag-of-words logistic regression ({@link BagOfWordsBaseline}) fitted on the
 * same training sentences and vocabulary. With so few short sentences the bag of words is a
 * strong baseline; the demo says which one wins.
 */
public final class SentimentDemo {
  private static final List<String> LABELS = List.of("negative", "positive");
  private static final List<String> TRAIN_DOMAINS = List.of("amazon", "yelp");
  private static final String TEST_DOMAIN = "imdb";
  private static final int MIN_FREQUENCY = 2;
  private static final int BATCH = 32;
  private static final int PATIENCE = 3;

  /**
   * The model and its training.
   *
   * @param embedding E, the word vector size
   * @param hidden H, GRU units per direction
   * @param dropout on the pooled vector while training
   * @param epochs the most epochs (early stopping, after 3 epochs without a better validation loss, usually ends sooner)
   * @param learningRate Adam's step size
   */
  public record Settings(int embedding, int hidden, float dropout, int epochs,
      double learningRate) {
    /** The settings of {@code rnn4j demo sentiment}. */
    public static final Settings DEFAULT = new Settings(48, 48, 0.5f, 12, 3e-3);
  }

  /**
   * What the demo measured on the IMDb sentences.
   *
   * @param rnn the GRU classifier's accuracy
   * @param majority the majority class's accuracy
   * @param bagOfWords the bag-of-words logistic regression's accuracy
   */
  public record Result(double rnn, double majority, double bagOfWords) {}

  private final long seed;
  private final Settings settings;
  private final DemoProgress progress;

  /** @param seed seeds the split, the initial weights, dropout and the batch order */
  public SentimentDemo(long seed) {
    this(seed, Settings.DEFAULT);
  }

  /**
   * @param seed seeds the split, the initial weights, dropout and the batch order
   * @param settings the model and its training
   */
  public SentimentDemo(long seed, Settings settings) {
    this(seed, settings, DemoProgress.BAR);
  }

  /**
   * @param seed seeds everything random
   * @param settings the model and its training
   * @param progress a progress bar or none
   */
  public SentimentDemo(long seed, Settings settings, DemoProgress progress) {
    this.seed = seed;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Trains, tests on IMDb and prints the accuracy beside the baselines.
   *
   * @param out where to print
   * @return the accuracies
   * @throws IOException if the sentiment set is missing (run data/fetch sentiment)
   */
  public Result run(PrintWriter out) throws IOException {
    List<Sentiment.Sentence> all = Sentiment.load(DataCache.locate());
    List<Sentiment.Sentence> source = all.stream()
        .filter(s -> TRAIN_DOMAINS.contains(s.domain())).toList();
    List<Sentiment.Sentence> imdb = all.stream()
        .filter(s -> s.domain().equals(TEST_DOMAIN)).toList();
    Split<Sentiment.Sentence> split = Split.random(source, 0.1, 0, new SplittableRandom(seed));
    TextCodec codec = codec(split.train());
    List<ClassifyExample> train = examples(split.train(), codec);
    List<ClassifyExample> validation = examples(split.validation(), codec);
    List<ClassifyExample> test = examples(imdb, codec);
    Classifier model = new Classifier(new ClassifierConfig(
        ClassifierInput.tokens(codec.vocabulary().size(), settings.embedding()),
        new RecurrentSpec(CellKind.GRU, settings.hidden(), 1, true, settings.dropout()),
        Pooling.MAX, LABELS), new SplittableRandom(seed));
    out.printf(Locale.ROOT, "Sentiment: %,d Amazon and Yelp sentences for training, %,d for"
            + " validation, %,d IMDb sentences for testing; %,d words; a bidirectional GRU"
            + " with %,d parameters.%n", train.size(), validation.size(), test.size(),
        codec.vocabulary().size() - 4, model.parameterCount());
    out.flush();
    ClassifierObjective objective = new ClassifierObjective(model);
    int pad = codec.vocabulary().padId();
    TrainingRecipe.of(settings.epochs(), seed).withLearningRate(settings.learningRate())
        .withEarlyStopping(EarlyStopping.onLoss(PATIENCE))
        .withListeners(progress.listeners())
        .fit(objective, ClassifyBatches.bucketed(train, BATCH, pad, new SplittableRandom(seed + 1)),
            Optional.of(ClassifyBatches.sequential(validation, 100, pad)));
    double rnn = objective.evaluate(ClassifyBatches.sequential(test, 100, pad)).get("accuracy");
    Result r = new Result(rnn, ClassifyBatches.majorityAccuracy(train, test),
        bagOfWords(codec, train, test));
    report(out, r);
    return r;
  }

  private double bagOfWords(
      TextCodec codec, List<ClassifyExample> train, List<ClassifyExample> test) {
    BagOfWordsBaseline baseline = BagOfWordsBaseline.fit(ids(train), labels(train),
        codec.vocabulary().size(), BagOfWordsBaseline.Settings.DEFAULT,
        new SplittableRandom(seed + 2));
    return baseline.accuracy(ids(test), labels(test));
  }

  private static void report(PrintWriter out, Result r) {
    out.printf(Locale.ROOT, "IMDb test accuracy: GRU %.3f; baselines: majority class %.3f,"
        + " bag-of-words logistic regression %.3f%n", r.rnn(), r.majority(), r.bagOfWords());
    out.println(r.rnn() > r.bagOfWords()
        ? "The GRU beats the bag of words on sentences from a domain it never saw."
        : "The bag of words wins: 1,800 short sentences are few for a recurrent network to"
            + " learn word meanings from scratch, and word presence alone decides most of them.");
    out.flush();
  }

  /** Lower-cased words of the training sentences seen at least {@link #MIN_FREQUENCY} times. */
  private static TextCodec codec(List<Sentiment.Sentence> train) {
    return TextCodec.fit(WordTokenizer.standard(),
        train.stream().map(Sentiment.Sentence::text).toList(), MIN_FREQUENCY,
        VocabularyBuilder.UNLIMITED);
  }

  /** Each sentence's word ids and label; an empty sentence becomes one {@code <unk>}. */
  private static List<ClassifyExample> examples(
      List<Sentiment.Sentence> sentences, TextCodec codec) {
    List<ClassifyExample> out = new ArrayList<>(sentences.size());
    for (Sentiment.Sentence s : sentences) {
      int[] ids = codec.encode(s.text(), false);
      if (ids.length == 0) {
        ids = new int[] {codec.vocabulary().unkId()};
      }
      out.add(new ClassifyExample(new TokenIds(ids), s.label()));
    }
    return out;
  }

  private static List<int[]> ids(List<ClassifyExample> examples) {
    return examples.stream().map(e -> ((TokenIds) e.input()).ids()).toList();
  }

  private static int[] labels(List<ClassifyExample> examples) {
    return examples.stream().mapToInt(ClassifyExample::label).toArray();
  }
}
