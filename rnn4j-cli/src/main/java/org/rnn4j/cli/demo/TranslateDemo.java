package org.rnn4j.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.rnn4j.cli.chart.AttentionHeatmap;
import org.rnn4j.data.Seq2SeqIds;
import org.rnn4j.data.Split;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.datasets.DataCache;
import org.rnn4j.datasets.DingPairs;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.seq2seq.Seq2Seq;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;
import org.rnn4j.task.seq2seq.Seq2SeqData;
import org.rnn4j.task.seq2seq.Seq2SeqObjective;
import org.rnn4j.task.seq2seq.TranslationScores;
import org.rnn4j.task.seq2seq.Translator;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.text.Tokenizer;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.VocabularyBuilder;
import org.rnn4j.text.WordTokenizer;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.train.TrainingResult;

/**
 * German → English, word by word, on the sentence pairs of the Ding dictionary ({@link
 * DingPairs}): lower-cased words with punctuation split off, pairs of at most {@code maxTokens}
 * tokens a side, a seeded split into training, validation and test pairs. Words seen once in
 * training become {@code <unk>}. A bidirectional GRU encoder, a GRU decoder with additive
 * attention and input feeding.
 *
 * <p>On the held-out test pairs it prints corpus BLEU (sacrebleu's way, 'exp' smoothing, on the
 * lower-cased tokens), character error rate and exact match of greedy decoding and of beam
 * search (k = 4), beside copying the German source as the English output; then a few example
 * translations, and writes the attention heatmap of one test sentence as a PNG.
 */
public final class TranslateDemo {
  private static final int BATCH = 32;
  private static final int EVAL_BATCH = 200;
  private static final int PATIENCE = 2;
  private static final int MIN_COUNT = 2;
  private static final int BEAM = 4;
  private static final int EXAMPLES = 6;
  /** The file name of the heatmap, in the output directory. */
  public static final String HEATMAP = "translate-attention.png";

  /**
   * The data, the model and its training.
   *
   * @param maxTokens the most tokens on either side of a pair kept
   * @param testPairs held-out pairs for the test
   * @param validationPairs held-out pairs for early stopping
   * @param hidden H, GRU units per encoder direction and of the decoder
   * @param embedding the size of the word vectors on both sides
   * @param dropout the dropout probability while training (see {@link Seq2SeqConfig})
   * @param epochs the most epochs (early stopping after 2 without a better validation loss)
   * @param learningRate Adam's step size
   * @param lengthPenalty α of the beam search
   */
  public record Settings(int maxTokens, int testPairs, int validationPairs, int hidden,
      int embedding, float dropout, int epochs, double learningRate, double lengthPenalty) {
    /** The settings of {@code rnn4j demo translate}. */
    public static final Settings DEFAULT = new Settings(10, 1_000, 500, 128, 64, 0f, 4, 3e-3,
        1.0);

    /** Checks the settings. */
    public Settings {
      if (maxTokens < 2 || testPairs < 1 || validationPairs < 1 || hidden < 1 || embedding < 1
          || !(dropout >= 0 && dropout < 1) || epochs < 1 || !(learningRate > 0)
          || !(lengthPenalty >= 0)) {
        throw new IllegalArgumentException("settings out of range: maxTokens " + maxTokens
            + ", testPairs " + testPairs + ", validationPairs " + validationPairs + ", hidden "
            + hidden + ", embedding " + embedding + ", dropout " + dropout + ", epochs " + epochs
            + ", learningRate " + learningRate + ", lengthPenalty " + lengthPenalty);
      }
    }
  }

  /**
   * What the demo measured on the test pairs.
   *
   * @param greedy the scores of greedy decoding
   * @param beam the scores of beam search (k = 4)
   * @param copy the scores of copying the German source
   * @param trainPairs pairs trained on
   * @param epochs epochs trained
   * @param heatmap the PNG written
   */
  public record Result(TranslationScores greedy, TranslationScores beam, TranslationScores copy,
      int trainPairs, int epochs, Path heatmap) {}

  private final long seed;
  private final Settings settings;
  private final Path outDir;
  private final DemoProgress progress;

  /**
   * @param seed seeds the split, the initial weights and the batch order
   * @param settings the data, the model and its training
   * @param outDir where the heatmap goes
   */
  public TranslateDemo(long seed, Settings settings, Path outDir) {
    this(seed, settings, outDir, DemoProgress.BAR);
  }

  /**
   * @param seed seeds everything random
   * @param settings the model and its training
   * @param outDir where the attention heatmaps go
   * @param progress a progress bar or none
   */
  public TranslateDemo(long seed, Settings settings, Path outDir, DemoProgress progress) {
    this.seed = seed;
    this.settings = settings;
    this.outDir = outDir;
    this.progress = progress;
  }

  /**
   * Trains, tests and prints the scores beside the copy baseline, examples and the heatmap's path.
   *
   * @param out where to print
   * @return the test figures
   * @throws IOException if the Ding pairs are missing (run data/fetch) or the PNG cannot be
   *     written
   */
  public Result run(PrintWriter out) throws IOException {
    WordTokenizer words = WordTokenizer.standard();
    List<SentencePair> pairs = DingPairs.load(DataCache.locate()).stream()
        .filter(p -> words.tokenize(p.source()).size() <= settings.maxTokens()
            && words.tokenize(p.target()).size() <= settings.maxTokens())
        .toList();
    double n = pairs.size();
    Split<SentencePair> split = Split.random(pairs, settings.validationPairs() / n,
        settings.testPairs() / n, new SplittableRandom(seed));
    TextCodecPair codecs = new TextCodecPair(codec(split.train(), SentencePair::source, words),
        codec(split.train(), SentencePair::target, words));
    Seq2SeqIds ids = Seq2SeqIds.of(codecs.source().vocabulary(), codecs.target().vocabulary());
    Seq2Seq model = new Seq2Seq(Seq2SeqConfig.of(
            new RecurrentSpec(CellKind.GRU, settings.hidden(), 1, true, settings.dropout()),
            codecs.source().vocabulary().size(), codecs.target().vocabulary().size())
        .withEmbeddingSizes(settings.embedding(), settings.embedding()),
        new SplittableRandom(seed));
    out.printf(Locale.ROOT, "Ding German-English pairs of at most %d words a side: %,d for"
            + " training, %,d for validation, %,d held out for testing; vocabularies of %,d German"
            + " and %,d English words (seen twice or more); a bidirectional GRU encoder-decoder"
            + " with attention, %,d parameters.%n", settings.maxTokens(), split.train().size(),
        split.validation().size(), split.test().size(), codecs.source().vocabulary().size(),
        codecs.target().vocabulary().size(), model.parameterCount());
    out.flush();
    TrainingResult trained = TrainingRecipe.of(settings.epochs(), seed)
        .withLearningRate(settings.learningRate())
        .withEarlyStopping(EarlyStopping.onLoss(PATIENCE))
        .withListeners(progress.listeners())
        .fit(new Seq2SeqObjective(model, ids.bosId(), ids.eosId()),
            Seq2SeqData.bucketed(Seq2SeqData.examples(split.train(), codecs), ids, BATCH,
                new SplittableRandom(seed + 2)),
            Optional.of(Seq2SeqData.sequential(Seq2SeqData.examples(split.validation(), codecs),
                ids, EVAL_BATCH)));
    return report(out, Translator.of(model, codecs), codecs, split.test(), trained, split);
  }

  private Result report(PrintWriter out, Translator translator, TextCodecPair codecs,
      List<SentencePair> test, TrainingResult trained, Split<SentencePair> split)
      throws IOException {
    List<String> sources = test.stream().map(SentencePair::source).toList();
    List<String> references = test.stream().map(SentencePair::target).toList();
    List<Translator.Translation> greedy = translator.translate(sources, Translator.Options.GREEDY);
    List<Translator.Translation> beam = translator.translate(sources, new Translator.Options(BEAM,
        settings.lengthPenalty(), OptionalInt.empty()));
    Tokenizer target = codecs.target().tokenizer();
    Result r = new Result(score(target, greedy, references), score(target, beam, references),
        TranslationScores.of(target, sources.stream().map(target::tokenize).toList(), references),
        split.train().size(), trained.epochsCompleted(), outDir.resolve(HEATMAP));
    out.printf(Locale.ROOT, "test BLEU: greedy %.2f, beam %d (alpha %.1f) %.2f; copy the German"
            + " %.2f%n", r.greedy().bleu().score(), BEAM, settings.lengthPenalty(),
        r.beam().bleu().score(), r.copy().bleu().score());
    line(out, "greedy", r.greedy());
    line(out, "beam", r.beam());
    line(out, "copy", r.copy());
    for (int i = 0; i < Math.min(EXAMPLES, test.size()); i++) {
      out.printf("  de: %s%n  en: %s%n  greedy: %s%n  beam:   %s%n", sources.get(i),
          references.get(i), greedy.get(i).text(), beam.get(i).text());
    }
    int shown = heatmapIndex(beam);
    AttentionHeatmap.write(r.heatmap(), "\"" + sources.get(shown) + "\" → \""
        + beam.get(shown).text() + "\"", beam.get(shown).sourceTokens(), beam.get(shown).tokens(),
        beam.get(shown).attention());
    out.printf("attention heatmap of \"%s\": %s%n", sources.get(shown), r.heatmap());
    out.flush();
    return r;
  }

  private static void line(PrintWriter out, String name, TranslationScores s) {
    out.printf(Locale.ROOT, "  %-6s %s; CER %.3f, exact match %.1f%%%n", name, s.bleu(),
        s.characterErrorRate(), 100 * s.exactMatch());
  }

  private static TranslationScores score(Tokenizer target,
      List<Translator.Translation> outputs, List<String> references) {
    return TranslationScores.of(target, outputs.stream().map(Translator.Translation::tokens)
        .toList(), references);
  }

  /**
   * The first test sentence whose beam translation has 4 to 10 tokens, none of them {@code <unk>},
   * else the first.
   */
  private static int heatmapIndex(List<Translator.Translation> beam) {
    for (int i = 0; i < beam.size(); i++) {
      List<String> tokens = beam.get(i).tokens();
      if (tokens.size() >= 4 && tokens.size() <= 10 && !tokens.contains(Vocabulary.UNK)) {
        return i;
      }
    }
    return 0;
  }

  /** A word codec of one side of the training pairs: words seen at least twice. */
  private static TextCodec codec(List<SentencePair> pairs, Function<SentencePair, String> side,
      WordTokenizer words) {
    return TextCodec.fit(words, pairs.stream().map(side).toList(), MIN_COUNT,
        VocabularyBuilder.UNLIMITED);
  }
}
