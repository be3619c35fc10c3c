package org.rnn4j.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.rnn4j.data.BatchPlan;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Shuffle;
import org.rnn4j.data.Split;
import org.rnn4j.data.TagBatch;
import org.rnn4j.data.TagExample;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.datasets.DataCache;
import org.rnn4j.datasets.SotuWeakNer;
import org.rnn4j.datasets.VoaNames;
import org.rnn4j.metrics.EntityScore;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.tag.CharFeatures;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerConfig;
import org.rnn4j.task.tag.TaggerData;
import org.rnn4j.task.tag.TaggerObjective;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.TrainingListener;
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.train.TrainingResult;

/**
 * The named-entity demo (many-to-many, Tx = Ty): a bidirectional LSTM tagger, reading each
 * word's embedding and its spelling (a character GRU), learns BIO tags from State of the Union
 * sentences labelled weakly by rules and gazetteers ({@link SotuWeakNer}), then tags the 42
 * human-labelled Voice of America sentences ({@link VoaNames}). Its entity-level precision,
 * recall and F1 (conlleval rules, {@link EntityScore}) are printed beside those of the weak
 * labeller itself applied to the same sentences, the baseline the tagger learned from.
 *
 * <p>The weak labels use the VOA types already (person, location, organization, date); {@link
 * #WEAK_TO_VOA} states the mapping, so every type is scored and no type is dropped.
 *
 * <p>Training data: a seeded sample of the speeches' sentences of at most {@value #MAX_TOKENS}
 * tokens (the longest VOA sentence has 38), 10% of it held out for validation (weak labels too)
 * and early stopping on its entity F1; batches of sentences of similar length.
 *
 * <p>Vocabulary: the words of the sampled sentences and of the VOA sentences (their words only,
 * never their tags). A VOA word outside the training text thus keeps its spelling, so the
 * character features (capitals, suffixes) still see it; its word vector stays at its random
 * initial value, as no training sentence updates it. With a vocabulary of the training text
 * alone, such a word would become {@code <unk>} and lose its character features too, since the
 * tagger spells only the words of its vocabulary.
 */
public final class NerDemo {
  /** Weak-label type → VOA gold type. */
  static final Map<String, String> WEAK_TO_VOA = Map.of("person", "person", "location",
      "location", "organization", "organization", "date", "date");
  /** The VOA types, in the order the tags and the table list them. */
  static final List<String> TYPES = List.of("person", "location", "organization", "date");
  static final int SENTENCES = 12_000;
  static final int MAX_TOKENS = 40;
  static final int EPOCHS = 8;
  private static final int PATIENCE = 2;
  private static final int BATCH = 32;
  private static final int EMBEDDING = 50;
  private static final int HIDDEN = 64;
  private static final int CHAR_EMBEDDING = 16;
  private static final int CHAR_HIDDEN = 24;
  private static final float DROPOUT = 0.25f;
  private static final double LEARNING_RATE = 0.01;

  private final long seed;
  private final int sentences;
  private final int epochs;
  private final DemoProgress progress;

  /** @param seed seeds the sample, the split, the weights and the batches */
  public NerDemo(long seed) {
    this(seed, DemoProgress.BAR);
  }

  /**
   * @param seed seeds everything random
   * @param progress a progress bar or none
   */
  public NerDemo(long seed, DemoProgress progress) {
    this(seed, SENTENCES, EPOCHS, progress);
  }

  /**
   * @param seed seeds the sample, the split, the weights and the batches
   * @param sentences how many weakly labelled sentences to sample (train and validation)
   * @param epochs at most this many epochs
   */
  NerDemo(long seed, int sentences, int epochs) {
    this(seed, sentences, epochs, DemoProgress.BAR);
  }

  private NerDemo(long seed, int sentences, int epochs, DemoProgress progress) {
    if (sentences < 10 || epochs < 1) {
      throw new IllegalArgumentException("need at least 10 sentences and 1 epoch, got "
          + sentences + " sentences and " + epochs + " epochs");
    }
    this.seed = seed;
    this.sentences = sentences;
    this.epochs = epochs;
    this.progress = progress;
  }

  /**
   * What the demo measured on the VOA gold sentences.
   *
   * @param tagger the trained tagger's entity scores
   * @param gazetteer the weak labeller's entity scores
   * @param goldSentences VOA sentences scored
   * @param trainSize weakly labelled sentences trained on
   * @param validation the best validation metrics on held-out weak labels
   */
  record Result(EntityScore tagger, EntityScore gazetteer, int goldSentences, int trainSize,
      Map<String, Double> validation) {}

  /**
   * Trains, scores and prints.
   *
   * @param out where the report goes (the progress bar goes to standard output)
   * @throws IOException if the data cache lacks the sotu or voa sets (run data/fetch)
   */
  public void run(PrintWriter out) throws IOException {
    Result r = evaluate(DataCache.locate(), out, progress.listeners());
    out.printf(Locale.ROOT, "held-out weak labels (%,d trained on): entity F1 %.1f%%, the tagger"
        + " imitating the rules%n", r.trainSize(), 100 * r.validation().get("f1"));
    out.printf(Locale.ROOT, "VOA gold set, %d sentences, %d entities; entity-level precision,"
            + " recall and F1 in %% (conlleval rules); types scored: %s%n", r.goldSentences(),
        r.tagger().goldChunks(), String.join(", ", TYPES));
    out.printf(Locale.ROOT, "  %-13s %5s | %-30s | %-30s%n", "", "gold",
        "BiLSTM tagger: ok/found P R F1", "gazetteer baseline: ok/found P R F1");
    out.println("  " + row("all", totals(r.tagger()), totals(r.gazetteer())));
    Map<String, long[]> model = r.tagger().countsByType();
    Map<String, long[]> base = r.gazetteer().countsByType();
    for (String type : TYPES) {
      out.println("  " + row(type, model.getOrDefault(type, new long[3]),
          base.getOrDefault(type, new long[3])));
    }
    out.flush();
  }

  /**
   * Loads the data, trains the tagger and scores it and the weak labeller on the VOA sentences.
   *
   * @param cache the data cache holding the sotu and voa sets
   * @param out where to print what is trained
   * @param listeners training listeners (a progress bar)
   * @return the scores
   * @throws IOException if a set is missing
   */
  Result evaluate(DataCache cache, PrintWriter out, List<TrainingListener> listeners)
      throws IOException {
    List<TaggedSentence> gold = VoaNames.load(cache);
    List<TaggedSentence> sample = sample(SotuWeakNer.load(cache), new SplittableRandom(seed));
    Split<TaggedSentence> split = Split.random(sample, 0.1, 0, new SplittableRandom(seed + 1));
    Vocabulary words = wordVocabulary(sample, gold);
    Vocabulary chars = TaggerData.characters(words);
    List<String> tags = tagNames();
    Tagger tagger = new Tagger(TaggerConfig.of(words.size(), EMBEDDING,
            new RecurrentSpec(CellKind.LSTM, HIDDEN, 1, true, DROPOUT), tags)
        .withChars(new CharFeatures(chars.size(), CHAR_EMBEDDING, CHAR_HIDDEN,
            TaggerData.spellings(words, chars))), new SplittableRandom(seed + 2));
    out.printf(Locale.ROOT, "State of the Union, weak labels: %,d sentences for training, %,d"
            + " held out; %,d words, %d characters; a BiLSTM tagger with character features,"
            + " %,d parameters.%n", split.train().size(), split.validation().size(),
        words.size() - 4, chars.size() - 4, tagger.parameterCount());
    out.flush();
    TrainingResult result = TrainingRecipe.of(epochs, seed).withLearningRate(LEARNING_RATE)
        .withEarlyStopping(new EarlyStopping("f1", true, PATIENCE)).withListeners(listeners)
        .fit(new TaggerObjective(tagger), batches(examples(split.train(), words, tags),
                words.padId(), new SplittableRandom(seed + 3)),
            Optional.of(batches(examples(split.validation(), words, tags), words.padId(),
                new SplittableRandom(seed + 4))));
    tagger.eval();
    int[][] predicted = tagger.predict(Collate.tag(examples(gold, words, tags),
        IntStream.range(0, gold.size()).toArray(), words.padId()).inputs());
    EntityScore model = new EntityScore();
    for (int i = 0; i < gold.size(); i++) {
      model.add(gold.get(i).tags(), IntStream.of(predicted[i]).mapToObj(tags::get).toList());
    }
    return new Result(model, baseline(SotuWeakNer.labeler(cache), gold), gold.size(),
        split.train().size(), result.best().orElse(result.lastValidation()));
  }

  /** The weak labeller's tags on the gold sentences, scored against the gold tags. */
  static EntityScore baseline(Function<List<String>, TaggedSentence> labeler,
      List<TaggedSentence> gold) {
    EntityScore score = new EntityScore();
    for (TaggedSentence s : gold) {
      score.add(s.tags(), toVoa(labeler.apply(s.tokens()).tags()));
    }
    return score;
  }

  /**
   * BIO tags of weak-label types as tags of VOA types.
   *
   * @param tags weak tags ("O", "B-location", …)
   * @return the same tags with each type mapped by {@link #WEAK_TO_VOA}
   * @throws IllegalArgumentException for a type the mapping does not know
   */
  static List<String> toVoa(List<String> tags) {
    List<String> out = new ArrayList<>(tags.size());
    for (String tag : tags) {
      if (tag.equals(TaggedSentence.OUTSIDE)) {
        out.add(tag);
        continue;
      }
      String type = WEAK_TO_VOA.get(tag.substring(tag.indexOf('-') + 1));
      if (type == null) {
        throw new IllegalArgumentException("weak tag " + tag + " has a type outside "
            + WEAK_TO_VOA.keySet());
      }
      out.add(tag.substring(0, tag.indexOf('-') + 1) + type);
    }
    return out;
  }

  /** "O", then B- and I- of each VOA type. */
  static List<String> tagNames() {
    List<String> tags = new ArrayList<>();
    tags.add(TaggedSentence.OUTSIDE);
    for (String type : TYPES) {
      tags.add("B-" + type);
      tags.add("I-" + type);
    }
    return tags;
  }

  /**
   * A seeded sample of the speeches' sentences of 1 to MAX_TOKENS tokens, tags mapped: two
   * thirds of it sentences with at least one weak entity (a third of all sentences have one),
   * so that more of the training signal is about entities.
   */
  private List<TaggedSentence> sample(List<SotuWeakNer.Speech> speeches, SplittableRandom rng) {
    List<TaggedSentence> pool = new ArrayList<>();
    for (SotuWeakNer.Speech speech : speeches) {
      for (TaggedSentence s : speech.sentences()) {
        if (!s.tokens().isEmpty() && s.tokens().size() <= MAX_TOKENS) {
          pool.add(s);
        }
      }
    }
    int withEntities = sentences * 2 / 3;
    List<TaggedSentence> chosen = new ArrayList<>();
    int taken = 0;
    for (TaggedSentence s : Shuffle.shuffled(pool, rng)) {
      boolean entity = !s.spans().isEmpty();
      if (entity ? taken < withEntities : chosen.size() - taken < sentences - withEntities) {
        chosen.add(new TaggedSentence(s.tokens(), toVoa(s.tags())));
        taken += entity ? 1 : 0;
      }
    }
    return chosen;
  }

  /** The words of the training sample, then those of the gold sentences (never their tags). */
  private static Vocabulary wordVocabulary(List<TaggedSentence> train, List<TaggedSentence> gold) {
    List<TaggedSentence> both = new ArrayList<>(train);
    both.addAll(gold); // words only: TaggerData.words reads no tag
    return TaggerData.words(both, false);
  }

  private static List<TagExample> examples(List<TaggedSentence> sentences, Vocabulary words,
      List<String> tags) {
    return TaggerData.examples(sentences, words, tags, false);
  }

  /** Batches of sentences of similar length, collated once; the trainer shuffles their order. */
  private static BatchSource<TagBatch> batches(List<TagExample> examples, int padId,
      SplittableRandom rng) {
    int[] lengths = examples.stream().mapToInt(e -> e.tags().length).toArray();
    List<TagBatch> batches = BatchPlan.bucketed(lengths, BATCH, BatchPlan.DEFAULT_POOL_BATCHES,
        rng).stream().map(indices -> Collate.tag(examples, indices, padId)).toList();
    return BatchSource.of(batches);
  }

  /** One line of the table: a type's gold count, then each system's counts and scores. */
  private static String row(String type, long[] model, long[] baseline) {
    return String.format(Locale.ROOT, "%-13s %5d | %s | %s", type, model[1], scores(model),
        scores(baseline));
  }

  /** {correct, gold, predicted} entities over all types. */
  private static long[] totals(EntityScore score) {
    return new long[] {score.correctChunks(), score.goldChunks(), score.predictedChunks()};
  }

  /** "ok/found P R F1" of {correct, gold, predicted} counts, in percent. */
  private static String scores(long[] counts) {
    double p = counts[2] == 0 ? 0 : 100.0 * counts[0] / counts[2];
    double r = counts[1] == 0 ? 0 : 100.0 * counts[0] / counts[1];
    return String.format(Locale.ROOT, "%3d/%-3d %5.1f %5.1f %5.1f     ", counts[0], counts[2], p,
        r, f1(counts));
  }

  /** F1 in percent of {correct, gold, predicted} counts. */
  static double f1(long[] counts) {
    long denominator = counts[1] + counts[2];
    return denominator == 0 ? 0 : 100.0 * 2 * counts[0] / denominator;
  }
}
