package org.rnn4j.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rnn4j.cli.demo.FeatureClassification.Result;
import org.rnn4j.cli.demo.FeatureClassification.Settings;
import org.rnn4j.data.ClassifyExample;
import org.rnn4j.data.Features;
import org.rnn4j.data.Split;
import org.rnn4j.datasets.DataCache;
import org.rnn4j.datasets.SpliceJunctions;
import org.rnn4j.datasets.SpliceJunctions.DnaSequence;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.Pooling;

/**
 * Splice junctions in primate DNA: the 3,186 sequences of 60 bases of the StatLog "DNA" data
 * (Debian {@code r-cran-mlbench}, GPL-2), each a donor site {@code ei} (exon → intron), an
 * acceptor site {@code ie} (intron → exon) or neither {@code n}. Each base is a one-hot vector
 * (A, C, G, T), so a sequence is (T = 60, F = 4); a bidirectional GRU reads it both ways and
 * max-pools its outputs. A seeded random split keeps 70% for training, 10% for early stopping
 * and 20% for the test.
 *
 * <p>The test accuracy and confusion matrix are printed beside the majority class ({@code n},
 * about 52%).
 *
 * @param seed seeds the split, the initial weights, dropout and the batch order
 * @param settings the model and its training
 * @param progress a progress bar or none
 */
public record DnaDemo(long seed, Settings settings, DemoProgress progress) {
  private static final String BASES = "ACGT";

  /** The settings of {@code rnn4j demo dna}. */
  public static final Settings DEFAULT = new Settings(64, 0.3f, 40, 3e-3);

  /** The demo with its default settings. */
  public DnaDemo(long seed) {
    this(seed, DEFAULT);
  }

  /** The demo with these settings and a progress bar. */
  public DnaDemo(long seed, Settings settings) {
    this(seed, settings, DemoProgress.BAR);
  }

  /**
   * Trains, tests and prints the accuracy and confusion matrix beside the majority class.
   *
   * @param out where to print
   * @return the test confusion matrix and the baseline
   * @throws IOException if the DNA set is missing (run data/fetch dna)
   */
  public Result run(PrintWriter out) throws IOException {
    List<ClassifyExample> all = examples(SpliceJunctions.load(DataCache.locate()));
    Split<ClassifyExample> split = Split.random(all, 0.1, 0.2, new SplittableRandom(seed));
    Classifier model = FeatureClassification.model(settings, BASES.length(), Pooling.MAX,
        SpliceJunctions.CLASSES, seed);
    out.printf(Locale.ROOT, "Splice junctions: %,d DNA sequences of %d bases for training, %,d"
            + " for validation, %,d for testing; classes %s; a bidirectional GRU with %,d"
            + " parameters.%n", split.train().size(), SpliceJunctions.LENGTH,
        split.validation().size(), split.test().size(), SpliceJunctions.CLASSES,
        model.parameterCount());
    out.flush();
    Result r = FeatureClassification.trainAndTest(model, settings, progress, seed, seed + 1,
        split.train(),
        split.validation(), split.test());
    out.printf(Locale.ROOT, "test accuracy: GRU %.3f; baseline: majority class (n) %.3f%n",
        r.confusion().accuracy(), r.majority());
    out.println(r.confusion());
    out.flush();
    return r;
  }

  /** Each sequence as one-hot bases (60, 4) with its class id. */
  static List<ClassifyExample> examples(List<DnaSequence> sequences) {
    List<ClassifyExample> out = new ArrayList<>(sequences.size());
    for (DnaSequence s : sequences) {
      out.add(new ClassifyExample(oneHot(s.bases()),
          SpliceJunctions.CLASSES.indexOf(s.label())));
    }
    return out;
  }

  /**
   * @param bases letters of ACGT
   * @return (T, 4) one-hot rows in the order A, C, G, T
   * @throws IllegalArgumentException on any other letter
   */
  static Features oneHot(String bases) {
    float[] x = new float[bases.length() * BASES.length()]; // (T, 4)
    for (int t = 0; t < bases.length(); t++) {
      int b = BASES.indexOf(bases.charAt(t));
      if (b < 0) {
        throw new IllegalArgumentException("bases must be letters of ACGT, got '"
            + bases.charAt(t) + "' at position " + (t + 1));
      }
      x[t * BASES.length() + b] = 1f;
    }
    return new Features(x, BASES.length());
  }
}
