package org.rnn4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnn4j.cli.demo.CharRnnDemo;
import org.rnn4j.cli.demo.DinosaursDemo;
import org.rnn4j.cli.demo.ActivityDemo;
import org.rnn4j.cli.demo.AirlineDemo;
import org.rnn4j.cli.demo.DatesDemo;
import org.rnn4j.cli.demo.DigitsDemo;
import org.rnn4j.cli.demo.DemoProgress;
import org.rnn4j.cli.demo.DnaDemo;
import org.rnn4j.cli.demo.MemoryDemo;
import org.rnn4j.cli.demo.MusicDemo;
import org.rnn4j.cli.demo.NerDemo;
import org.rnn4j.cli.demo.SentimentDemo;
import org.rnn4j.cli.demo.TranslateDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j demo [NAME]}: runs a demo end to end. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Train a model on real data and show what it learned.",
        "Demos: dinosaurs (default): a character LSTM learns 1,325 dinosaur names and invents"
            + " new ones; its validation perplexity is printed beside a unigram baseline.",
        "ner: a bidirectional LSTM tagger with character features learns entities from weakly"
            + " labelled State of the Union sentences and is scored on 42 gold VOA sentences"
            + " beside the gazetteer that labelled its training data (needs data/fetch).",
        "sentiment: a bidirectional GRU classifies review sentences (trained on Amazon and Yelp,"
            + " tested on IMDb) beside the majority class and a bag-of-words logistic regression"
            + " (needs data/fetch).",
        "dna: a bidirectional GRU classifies primate splice junctions (ei, ie, n) from one-hot"
            + " bases beside the majority class (needs data/fetch).",
        "activity: a bidirectional GRU recognises six activities in generated accelerometer"
            + " clips of unseen subjects beside the majority class.",
        "dates: an encoder-decoder with attention turns human-readable dates into ISO 8601,"
            + " tested on held-out patterns and years; prints exact match and writes"
            + " OUT/dates-attention.png.",
        "airline: a small ensemble of GRU forecasters predicts the 12 months of 1960 of the"
            + " airline passengers series from 1949-1959 beside seasonal-naive and naive"
            + " forecasts; writes OUT/airline-forecast.png (needs data/fetch).",
        "music: an LSTM learns the note events (shift, pitch, duration) of the openMSX pieces,"
            + " reports note perplexity on held-out pieces beside a unigram baseline and writes"
            + " a sampled piece to OUT/music-seedN.mid (needs data/fetch music).",
        "translate: German to English on the Ding dictionary's sentence pairs; test BLEU of"
            + " greedy and beam search beside copying the input, examples, and an attention"
            + " heatmap PNG in OUT (needs data/fetch).",
        "memory: a vanilla RNN, a GRU and an LSTM of equal parameter budgets learn delayed"
            + " recall, country-language agreement and the adding problem at distances 5 to 200;"
            + " prints held-out"
            + " accuracy per cell and distance and writes OUT/memory-accuracy.png,"
            + " OUT/memory-gradients.png and OUT/memory-exploding.png (about 8 minutes).",
        "digits: a bidirectional GRU learns spoken digit strings with CTC from speech"
            + " synthesized by espeak-ng (data/make-digits) and prints its digit error rate on"
            + " speakers it never heard and on real TIDIGITS recordings (Debian's"
            + " pocketsphinx-testdata), beside a one-way tanh RNN.",
        "chars: the textbook vanilla RNN, a⟨t⟩ = tanh(Waa·a⟨t−1⟩ + Wax·x⟨t⟩ + ba), on a short"
            + " built-in text; prints its loss and samples."})
final class DemoCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", defaultValue = "dinosaurs", paramLabel = "NAME",
      description = "Which demo (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--iterations", defaultValue = "600",
      description = "chars: training iterations (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--hidden", defaultValue = "96",
      description = "chars: hidden units of the RNN (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--out", defaultValue = ".", paramLabel = "DIR",
      description = "Directory for the files a demo writes: airline-forecast.png,"
          + " music-seedN.mid, the dates and translate attention heatmaps, the memory"
          + " charts (default: the working"
          + " directory).")
  Path outDirectory;

  @Option(names = "--quiet",
      description = "No progress bar on standard error; the results are the same.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    DemoProgress progress = quiet ? DemoProgress.QUIET : DemoProgress.BAR;
    switch (name) {
      case "dinosaurs" -> new DinosaursDemo(seed, progress).run(out);
      case "ner" -> new NerDemo(seed, progress).run(out);
      case "sentiment" -> new SentimentDemo(seed, SentimentDemo.Settings.DEFAULT, progress)
          .run(out);
      case "dna" -> new DnaDemo(seed, DnaDemo.DEFAULT, progress).run(out);
      case "activity" -> new ActivityDemo(seed, ActivityDemo.DEFAULT, progress).run(out);
      case "dates" -> new DatesDemo(seed, DatesDemo.Settings.DEFAULT, progress)
          .run(out, outDirectory);
      case "airline" -> new AirlineDemo(seed).run(out, outDirectory.resolve("airline-forecast.png"));
      case "music" -> new MusicDemo(seed, outDirectory, MusicDemo.Settings.DEFAULT, progress)
          .run(out);
      case "translate" -> new TranslateDemo(seed, TranslateDemo.Settings.DEFAULT, outDirectory,
          progress).run(out);
      case "memory" -> new MemoryDemo(seed, outDirectory).run(out);
      case "digits" -> new DigitsDemo(seed, DigitsDemo.DEFAULT, progress).run(out);
      case "chars" -> new CharRnnDemo(new CharRnnDemo.Settings(hidden, iterations, seed)).run(out);
      default -> throw new IllegalArgumentException(
          "unknown demo '" + name + "': expected one of [dinosaurs, sentiment, ner, dna, activity,"
              + " dates, translate, airline, music, memory, digits, chars]");
    }
    return 0;
  }
}
