package org.rnn4j.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.rnn4j.datasets.DataCache;
import org.rnn4j.io.ModelFile;
import org.rnn4j.speech.ctc.CtcFamily;
import org.rnn4j.speech.ctc.RecognitionEvaluation;
import org.rnn4j.speech.ctc.Recognizer;
import org.rnn4j.speech.ctc.SpeechCorpus;
import org.rnn4j.speech.ctc.SpeechRecognizer;
import org.rnn4j.speech.ctc.Utterance;
import org.rnn4j.speech.data.Tidigits;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.train.Optimization;
import org.rnn4j.train.TrainingRecipe;

/**
 * Spoken digits: a two-layer bidirectional GRU trained with CTC on digit strings synthesized by espeak-ng
 * ({@code data/make-digits}: seven accents, stock and random speakers, clean and noisy), tested
 * on speakers it never heard and on real recordings, the TIDIGITS utterances of Debian's
 * pocketsphinx-testdata (Sphinx's cepstra of 20 filters from 1 Hz to 4 kHz, which the model's
 * front end reproduces), and, apart, the two recordings there that say digits alone (the raw
 * TIDIGITS recording and a card-game recording, "five five"), read by rnn4j's own front end.
 * Beside it, the baseline: a one-way tanh RNN of the same width trained the same way.
 *
 * <p>Prints {@code digit error rate: NN.N%}: digits inserted, deleted or substituted per digit
 * spoken, by best-path decoding.
 *
 * @param seed seeds the synthesis, the initial weights, augmentation and the batch order
 * @param settings the data and the training
 * @param progress a progress bar or none
 */
public record DigitsDemo(long seed, Settings settings, DemoProgress progress) {

  /**
   * @param train synthesized training recordings
   * @param test synthesized test recordings (held-out speakers)
   * @param hidden H per direction
   * @param layers L
   * @param epochs training epochs of each model
   * @param learningRate Adam's first step size, annealed to 0 along a cosine
   */
  public record Settings(int train, int test, int hidden, int layers, int epochs,
      double learningRate) {}

  /** A recognizer the demo trains: its name in the output, its cell, its directions. */
  private record Model(String name, String cell, boolean bidirectional) {}

  /** The recognizer, then the baseline. */
  private static final List<Model> MODELS = List.of(
      new Model("two-layer bidirectional GRU", "gru", true),
      new Model("baseline: two-layer one-way tanh RNN", "rnn_tanh", false));

  /** The settings of {@code rnn4j demo digits}. */
  public static final Settings DEFAULT = new Settings(6000, 300, 96, 2, 20, 4e-3);

  /**
   * The error rates of one model.
   *
   * @param synthesized on the held-out synthesized speakers
   * @param tidigits on the TIDIGITS utterances, as Sphinx's cepstra
   * @param recordings on the real recordings of digits, through rnn4j's own front end
   */
  public record Result(RecognitionEvaluation synthesized,
      Optional<RecognitionEvaluation> tidigits, Optional<RecognitionEvaluation> recordings) {}

  /**
   * Synthesizes the data when missing, trains the recognizer and the baseline, and prints their
   * digit error rates.
   *
   * @param out where to print
   * @return the recognizer's and the baseline's results
   * @throws IOException if the data cannot be made or read
   */
  public List<Result> run(PrintWriter out) throws IOException {
    Path digits = synthesized(out);
    List<Utterance> test = SpeechCorpus.read(digits.resolve("test"), "0", "1");
    List<Utterance> tidigits = tidigits();
    List<Utterance> recordings = recordings();
    List<Result> results = new ArrayList<>();
    for (Model m : MODELS) {
      TrainedModel trained = train(digits.resolve("train"), m);
      SpeechRecognizer recognizer = new SpeechRecognizer((Recognizer) trained.model());
      Result r = new Result(recognizer.evaluate("held-out synthesized speakers", test,
          SpeechRecognizer.Decoding.BEST_PATH),
          evaluate(recognizer, "real TIDIGITS speech (Sphinx's cepstra)", tidigits),
          evaluate(recognizer, "real recordings (rnn4j's front end)", recordings));
      out.printf(Locale.ROOT, "%s (%,d parameters):%n", m.name(),
          trained.model().parameterCount());
      print(out, r.synthesized());
      r.tidigits().ifPresentOrElse(e -> print(out, e), () -> out.println("  real speech: not"
          + " measured, pocketsphinx-testdata is not installed (apt-get install"
          + " pocketsphinx-testdata)"));
      r.recordings().ifPresent(e -> print(out, e));
      out.flush();
      results.add(r);
    }
    return results;
  }

  private static Optional<RecognitionEvaluation> evaluate(SpeechRecognizer recognizer,
      String name, List<Utterance> utterances) throws IOException {
    return utterances.isEmpty() ? Optional.empty() : Optional.of(recognizer.evaluate(name,
        utterances, SpeechRecognizer.Decoding.BEST_PATH));
  }

  private static void print(PrintWriter out, RecognitionEvaluation e) {
    out.printf(Locale.ROOT, "  digit error rate: %.1f%% on %s (%,d utterances, %,d digits);"
            + " strings exactly right %.1f%%%n", 100 * e.score().errorRate(), e.source(),
        e.score().utterances(), e.score().referenceSymbols(),
        100 * e.score().utteranceAccuracy());
  }

  private TrainedModel train(Path data, Model model) throws IOException {
    TaskOptions options = TaskOptions.none().with(CtcFamily.FEATURES, "tidigits")
        .with(CommonOptions.CELL, model.cell())
        .with(CommonOptions.HIDDEN, Integer.toString(settings.hidden()))
        .with(CommonOptions.LAYERS, Integer.toString(settings.layers()))
        .with(CtcFamily.SPEC_AUGMENT, "true");
    if (model.bidirectional()) {
      options = options.with(CommonOptions.BIDIRECTIONAL, "true");
    }
    TrainingRecipe recipe = TrainingRecipe.of(settings.epochs(), seed)
        .withLearningRate(settings.learningRate()).withClipNorm(5)
        .withOptimization(Optimization.DEFAULT.withSchedule(Optimization.Schedule.COSINE,
            Optimization.DEFAULT_DECAY_EVERY, Optimization.DEFAULT_DECAY_FACTOR,
            Optimization.DEFAULT_PLATEAU_PATIENCE))
        .withListeners(progress.listeners());
    return new CtcFamily().train(new TrainingJob(data, options, recipe, 32, 0.05,
        new PrintWriter(Writer.nullWriter())));
  }

  /**
   * data/cache/digits (data/make-digits' own default) or, for another seed or other sizes,
   * data/cache/digits-SEED-TRAIN-TEST, made by data/make-digits when missing.
   */
  private Path synthesized(PrintWriter out) throws IOException {
    DataCache cache = DataCache.locate();
    Path digits = cache.root().resolve(seed == 1 && settings.train() == DEFAULT.train()
        && settings.test() == DEFAULT.test() ? "digits"
        : "digits-" + seed + "-" + settings.train() + "-" + settings.test());
    Path script = cache.root().toAbsolutePath().getParent().resolve("make-digits");
    if (!Files.isExecutable(script)) {
      throw new IOException(script + " not found: the digits demo runs in an rnn4j checkout,"
          + " whose data/make-digits synthesizes its speech");
    }
    // the data is made again when the arguments or either script change
    Path stamp = digits.resolve("made-with");
    String made = "--seed " + seed + " --train " + settings.train() + " --test "
        + settings.test();
    String scripts = ModelFile.sha256(script) + " "
        + ModelFile.sha256(script.resolveSibling("AddNoise.java"));
    if (Files.isRegularFile(stamp)
        && Files.readString(stamp).strip().equals(made + " " + scripts)) {
      return digits;
    }
    out.printf(Locale.ROOT, "Synthesizing %,d training and %,d test recordings with espeak-ng"
        + " (data/make-digits %s) ...%n", settings.train(), settings.test(), made);
    out.flush();
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(made.split(" ")));
    command.addAll(List.of("--out", digits.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException(script + " failed (exit " + (p.isAlive() ? "none, timed out"
            : p.exitValue()) + "); run it yourself to see why (it needs espeak-ng)");
      }
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while synthesizing", e);
    }
    Files.writeString(stamp, made + " " + scripts + "\n");
    return digits;
  }

  /** The TIDIGITS feature files, when pocketsphinx-testdata is there. */
  private static List<Utterance> tidigits() throws IOException {
    Path dir = Tidigits.DEFAULT_DIRECTORY;
    if (!Files.isRegularFile(dir.resolve("tidigits.lsn"))) {
      return List.of();
    }
    List<Utterance> out = new ArrayList<>();
    for (Tidigits.Utterance u : Tidigits.load(dir)) {
      out.add(new Utterance(dir.resolve(u.id() + ".mfc"), u.digits()));
    }
    return out;
  }

  /**
   * The recordings of pocketsphinx-testdata that are digits alone: the raw TIDIGITS recording
   * and the card-game recording "five five".
   */
  private static List<Utterance> recordings() {
    Path data = Tidigits.DEFAULT_DIRECTORY.getParent();
    List<Utterance> out = new ArrayList<>();
    for (Utterance u : List.of(new Utterance(data.resolve("tidigits/dhd.2934z.raw"), "29340"),
        new Utterance(data.resolve("cards/004.wav"), "55"))) {
      if (Files.isRegularFile(u.audio())) {
        out.add(u);
      }
    }
    return out;
  }
}
