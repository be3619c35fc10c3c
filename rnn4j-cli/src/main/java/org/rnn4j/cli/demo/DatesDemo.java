package org.rnn4j.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnn4j.cli.chart.AttentionHeatmap;
import org.rnn4j.data.BatchPlan;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Seq2SeqBatch;
import org.rnn4j.data.Seq2SeqExample;
import org.rnn4j.data.Seq2SeqIds;
import org.rnn4j.data.TokenIds;
import org.rnn4j.datasets.DateFormats;
import org.rnn4j.datasets.DateFormats.DatePair;
import org.rnn4j.datasets.DateFormats.Part;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.seq2seq.Seq2Seq;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;
import org.rnn4j.task.seq2seq.Seq2SeqData;
import org.rnn4j.task.seq2seq.Seq2SeqObjective;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.train.TrainingResult;

/**
 * Written dates to ISO 8601, character by character: "tuesday, 3 march 2021", "3. März 2021" or
 * "03.03.2021" → "2021-03-03". The pairs come from the seeded {@link DateFormats} generator (nine
 * locales, fifteen patterns, a fifth in lower case). A GRU encoder reads the source both ways;
 * a GRU decoder with additive attention writes the ten target characters.
 *
 * <p>Training and validation pairs share one distribution (training patterns, years not ending
 * in 7); the test pairs each use a held-out pattern ({@code EEE d MMM yyyy}, {@code dd/MM/yyyy}),
 * a held-out year, or both. The test exact match is printed beside two baselines: the most
 * common training target, and a rule that copies digits (the four-digit run is the year, the
 * other runs day and month in the order the text gives them, month 01 when the month is a
 * word). Apart from the test, the exact match on {@link Part#PROBE} dates ({@code MMMM yyyy,
 * d}, an order of parts no training pattern has) is printed as a harder probe. The attention of
 * one test date is printed as a text heatmap and written as a PNG ({@link #HEATMAP_FILE}).
 */
public final class DatesDemo {
  private static final int TEST_PAIRS = 2_000;
  private static final int PROBE_PAIRS = 500;
  private static final int SHOWN_MISTAKES = 5;
  private static final int BATCH = 32;
  private static final int EVAL_BATCH = 200;
  private static final int PATIENCE = 3;
  private static final int EMBEDDING = 32;
  /** Light to dark: a weight w prints as RAMP[min(9, ⌊10·w⌋)]. */
  static final String RAMP = " .:-=+*#%@";
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  /**
   * The data, the model and its training.
   *
   * @param trainPairs training pairs (a tenth as many more are drawn for validation)
   * @param hidden H, GRU units per encoder direction and of the decoder
   * @param epochs the most epochs (early stopping, after 3 epochs without a better validation
   *     loss, may end sooner)
   * @param learningRate Adam's step size
   */
  public record Settings(int trainPairs, int hidden, int epochs, double learningRate) {
    /** The settings of {@code rnn4j demo dates}. */
    public static final Settings DEFAULT = new Settings(20_000, 96, 8, 3e-3);

    /** Checks the settings. */
    public Settings {
      if (trainPairs < 10 || hidden < 1 || epochs < 1 || !(learningRate > 0)) {
        throw new IllegalArgumentException("settings must have trainPairs ≥ 10, hidden ≥ 1,"
            + " epochs ≥ 1 and learningRate > 0, got " + trainPairs + ", " + hidden + ", "
            + epochs + ", " + learningRate);
      }
    }
  }

  /**
   * What the demo measured on the held-out test pairs.
   *
   * @param exactMatch the fraction of test dates the model writes exactly right
   * @param heldOutPatternMatch exact match on the test dates written with a held-out pattern
   * @param heldOutYearOnlyMatch exact match on the test dates with a training pattern (and so a
   *     held-out year)
   * @param mostCommonTarget exact match of always writing the most common training target
   * @param copyDigits exact match of the digit-copying rule
   * @param heldOutPatterns exact match on each held-out pattern
   * @param probeMatch exact match on the probe dates ({@code MMMM yyyy, d}), not part of the test
   * @param mistakes the first few wrong test dates, as text
   * @param epochs epochs trained
   */
  public record Result(double exactMatch, double heldOutPatternMatch,
      double heldOutYearOnlyMatch, double mostCommonTarget, double copyDigits,
      Map<String, Double> heldOutPatterns, double probeMatch, List<String> mistakes,
      int epochs) {}

  /** A split as pairs and the model's examples. */
  private record Pairs(List<DatePair> pairs, List<Seq2SeqExample> examples) {}

  /** What turns decoded ids back into text. */
  private record Decoding(TextCodec target, Seq2SeqIds ids) {}

  /** The file name of the attention heatmap, in the output directory. */
  public static final String HEATMAP_FILE = "dates-attention.png";

  private final long seed;
  private final Settings settings;
  private final DemoProgress progress;

  /** @param seed seeds the pairs, the initial weights and the batch order */
  public DatesDemo(long seed) {
    this(seed, Settings.DEFAULT);
  }

  /**
   * @param seed seeds the pairs, the initial weights and the batch order
   * @param settings the data, the model and its training
   */
  public DatesDemo(long seed, Settings settings) {
    this(seed, settings, DemoProgress.BAR);
  }

  /**
   * @param seed seeds everything random
   * @param settings the model and its training
   * @param progress a progress bar or none
   */
  public DatesDemo(long seed, Settings settings, DemoProgress progress) {
    this.seed = seed;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Trains, tests on held-out patterns and years, and prints the exact match beside the
   * baselines and one attention heatmap, as text and as {@link #HEATMAP_FILE} in {@code outDir}.
   *
   * @param out where to print
   * @param outDir where the heatmap PNG goes
   * @return the test figures
   * @throws IOException if the heatmap cannot be written
   */
  public Result run(PrintWriter out, Path outDir) throws IOException {
    int validationPairs = Math.max(1, settings.trainPairs() / 10);
    List<DatePair> drawn = DateFormats.generate(settings.trainPairs() + validationPairs,
        Part.TRAIN, new SplittableRandom(seed));
    List<DatePair> trainPairs = drawn.subList(0, settings.trainPairs());
    TextCodec source = codec(trainPairs, DatePair::human);
    TextCodec target = codec(trainPairs, DatePair::iso);
    Pairs train = part(trainPairs, source, target);
    Pairs validation = part(drawn.subList(settings.trainPairs(), drawn.size()), source, target);
    Pairs test = part(DateFormats.generate(TEST_PAIRS, Part.TEST,
        new SplittableRandom(seed + 1)), source, target);
    Seq2SeqIds ids = Seq2SeqIds.of(source.vocabulary(), target.vocabulary());
    Seq2Seq model = new Seq2Seq(Seq2SeqConfig.of(
            RecurrentSpec.of(CellKind.GRU, settings.hidden()).withBidirectional(true),
            source.vocabulary().size(), target.vocabulary().size())
        .withEmbeddingSizes(EMBEDDING, EMBEDDING), new SplittableRandom(seed));
    out.printf(Locale.ROOT, "Dates: %,d pairs for training, %,d for validation, %,d held-out"
            + " pairs for testing; %d source and %d target characters; a bidirectional GRU"
            + " encoder-decoder with attention, %,d parameters.%n", train.pairs().size(),
        validation.pairs().size(), test.pairs().size(), source.vocabulary().size(),
        target.vocabulary().size(), model.parameterCount());
    out.flush();
    Seq2SeqObjective objective = new Seq2SeqObjective(model, ids.bosId(), ids.eosId());
    TrainingResult trained = TrainingRecipe.of(settings.epochs(), seed)
        .withLearningRate(settings.learningRate())
        .withEarlyStopping(EarlyStopping.onLoss(PATIENCE))
        .withListeners(progress.listeners())
        .fit(objective,
            Seq2SeqData.bucketed(train.examples(), ids, BATCH, new SplittableRandom(seed + 2)),
            Optional.of(Seq2SeqData.sequential(validation.examples(), ids, EVAL_BATCH)));
    model.eval(); // decoding below runs in evaluation mode
    Decoding decoding = new Decoding(target, ids);
    Pairs probe = part(DateFormats.generate(PROBE_PAIRS, Part.PROBE,
        new SplittableRandom(seed + 3)), source, target);
    Result r = score(model, test, trainPairs, decoding, trained.epochsCompleted(),
        exactMatch(model, probe, decoding));
    out.printf(Locale.ROOT, "exact match: %.1f%% on held-out test dates (held-out pattern %.1f%%,"
            + " training pattern with held-out year %.1f%%); baselines: most common training"
            + " date %.1f%%, copy digits %.1f%%%n", 100 * r.exactMatch(),
        100 * r.heldOutPatternMatch(), 100 * r.heldOutYearOnlyMatch(),
        100 * r.mostCommonTarget(), 100 * r.copyDigits());
    r.heldOutPatterns().forEach((p, f) -> out.printf(Locale.ROOT,
        "  held-out pattern \"%s\": %.1f%%%n", p, 100 * f));
    r.mistakes().forEach(m -> out.println("  wrong: " + m));
    out.printf(Locale.ROOT, "probe, not part of the test: %.1f%% on \"MMMM yyyy, d\" (the day"
        + " after the year, an order no training pattern has)%n", 100 * r.probeMatch());
    DatePair shown = firstOfPattern(test.pairs(), trainPairs);
    Seq2Seq.Decoded attention = decodeOne(model, shown, source, target);
    out.print(heatmap(attention, shown, target));
    Path png = outDir.resolve(HEATMAP_FILE);
    AttentionHeatmap.write(png, "\"" + shown.human() + "\" → \""
        + target.decode(attention.ids()[0]) + "\"", source.tokenizer().tokenize(shown.human()),
        Arrays.stream(attention.ids()[0]).mapToObj(target.vocabulary()::token).toList(),
        attention.attention()[0]);
    out.println("attention heatmap: " + png);
    out.flush();
    return r;
  }

  /** A character codec of every character in one side of the pairs. */
  private static TextCodec codec(List<DatePair> pairs, Function<DatePair, String> side) {
    return TextCodec.fit(new CharTokenizer(), pairs.stream().map(side).toList());
  }

  private static Pairs part(List<DatePair> pairs, TextCodec source, TextCodec target) {
    List<Seq2SeqExample> examples = new ArrayList<>(pairs.size());
    for (DatePair p : pairs) {
      examples.add(new Seq2SeqExample(new TokenIds(source.encode(p.human(), false)),
          target.encode(p.iso(), false)));
    }
    return new Pairs(List.copyOf(pairs), examples);
  }

  /** Greedy decoding of every test date, scored overall, by kind, and against the baselines. */
  private static Result score(Seq2Seq model, Pairs test, List<DatePair> trainPairs,
      Decoding decoding, int epochs, double probeMatch) {
    Set<String> trainPatterns = new HashSet<>();
    trainPairs.forEach(p -> trainPatterns.add(p.pattern()));
    String common = mostCommon(trainPairs);
    long[] right = new long[2]; // [held-out pattern, training pattern]
    long[] total = new long[2];
    Map<String, long[]> byPattern = new TreeMap<>(); // pattern → [right, wrong]
    long commonRight = 0;
    long digitsRight = 0;
    List<String> mistakes = new ArrayList<>();
    List<String> written = write(model, test, decoding);
    for (int i = 0; i < written.size(); i++) {
      DatePair p = test.pairs().get(i);
      int kind = trainPatterns.contains(p.pattern()) ? 1 : 0;
      boolean ok = written.get(i).equals(p.iso());
      if (!ok && mistakes.size() < SHOWN_MISTAKES) {
        mistakes.add(String.format(Locale.ROOT, "\"%s\" (%s, %s) → %s, not %s", p.human(),
            p.pattern(), p.locale(), written.get(i), p.iso()));
      }
      total[kind]++;
      right[kind] += ok ? 1 : 0;
      if (kind == 0) {
        byPattern.computeIfAbsent(p.pattern(), k -> new long[2])[ok ? 0 : 1]++;
      }
      commonRight += common.equals(p.iso()) ? 1 : 0;
      digitsRight += copyDigits(p.human()).equals(p.iso()) ? 1 : 0;
    }
    double n = test.pairs().size();
    return new Result((right[0] + right[1]) / n, fraction(right[0], total[0]),
        fraction(right[1], total[1]), commonRight / n, digitsRight / n, fractions(byPattern),
        probeMatch, List.copyOf(mistakes), epochs);
  }

  /** The fraction of pairs whose greedy decoding is exactly their ISO date. */
  private static double exactMatch(Seq2Seq model, Pairs pairs, Decoding decoding) {
    List<String> written = write(model, pairs, decoding);
    long right = 0;
    for (int i = 0; i < written.size(); i++) {
      right += written.get(i).equals(pairs.pairs().get(i).iso()) ? 1 : 0;
    }
    return fraction(right, written.size());
  }

  /** Each pair's date as the model writes it (greedy decoding), in the pairs' order. */
  private static List<String> write(Seq2Seq model, Pairs pairs, Decoding decoding) {
    Seq2SeqIds ids = decoding.ids();
    List<String> out = new ArrayList<>(pairs.pairs().size());
    for (int[] indices : BatchPlan.sequential(pairs.pairs().size(), EVAL_BATCH)) {
      Seq2SeqBatch batch = Collate.seq2seq(pairs.examples(), indices, ids);
      for (int[] row : model.greedy(batch.source(), batch.decoderInputs().time(), ids.bosId(),
          ids.eosId())) {
        out.add(decoding.target().decode(row));
      }
    }
    return out;
  }

  private static Map<String, Double> fractions(Map<String, long[]> counts) {
    Map<String, Double> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, fraction(v[0], v[0] + v[1])));
    return out;
  }

  private static double fraction(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  private static String mostCommon(List<DatePair> pairs) {
    Map<String, Integer> counts = new HashMap<>();
    pairs.forEach(p -> counts.merge(p.iso(), 1, Integer::sum));
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())) // ties: earliest
        .orElseThrow().getKey();
  }

  /**
   * The digit-copying baseline: the first four-digit run is the year; of the other runs, the
   * first two are day and month in the text's order (month first when the year leads, as in
   * yyyy/MM/dd), or the one run is the day and the month is taken to be 01.
   *
   * @param human a written date
   * @return the rule's ISO date, or "" when the text has no year
   */
  static String copyDigits(String human) {
    Matcher m = DIGITS.matcher(human);
    String year = null;
    boolean yearFirst = false;
    List<String> others = new ArrayList<>();
    while (m.find()) {
      if (year == null && m.group().length() == 4) {
        year = m.group();
        yearFirst = others.isEmpty();
      } else {
        others.add(m.group());
      }
    }
    if (year == null || others.isEmpty()) {
      return "";
    }
    String day = others.get(others.size() > 1 && yearFirst ? 1 : 0);
    String month = others.size() > 1 ? others.get(yearFirst ? 0 : 1) : "1";
    return String.format(Locale.ROOT, "%s-%02d-%02d", year, Integer.parseInt(month),
        Integer.parseInt(day));
  }

  /** The first test date with a held-out pattern, else the first test date. */
  private static DatePair firstOfPattern(List<DatePair> test, List<DatePair> train) {
    Set<String> trainPatterns = new HashSet<>();
    train.forEach(p -> trainPatterns.add(p.pattern()));
    return test.stream().filter(p -> !trainPatterns.contains(p.pattern())).findFirst()
        .orElse(test.get(0));
  }

  /** Greedy decoding of one date, with its attention. */
  private static Seq2Seq.Decoded decodeOne(Seq2Seq model, DatePair pair, TextCodec source,
      TextCodec target) {
    int[] x = source.encode(pair.human(), false);
    return model.decode(Collate.pad(List.of(new TokenIds(x)), source.vocabulary().padId()),
        pair.iso().length() + 1, target.vocabulary().bosId(), target.vocabulary().eosId());
  }

  /**
   * One date's attention as text: a row per output character, a column per input character,
   * each weight drawn with {@link #RAMP}.
   *
   * @param d the decoding of that one date
   */
  static String heatmap(Seq2Seq.Decoded d, DatePair pair, TextCodec target) {
    int[] y = d.ids()[0];
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "attention for \"%s\" (%s, %s) → \"%s\"%n",
        pair.human(), pair.pattern(), pair.locale(), target.decode(y)));
    s.append("    ").append(pair.human()).append('\n');
    for (int t = 0; t < y.length; t++) {
      s.append("  ").append(target.vocabulary().token(y[t])).append(' ');
      for (float w : d.attention()[0][t]) {
        s.append(RAMP.charAt(Math.min(RAMP.length() - 1, (int) (w * RAMP.length()))));
      }
      s.append('\n');
    }
    return s.toString();
  }
}
