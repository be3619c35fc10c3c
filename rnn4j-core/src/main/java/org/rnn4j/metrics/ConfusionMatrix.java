package org.rnn4j.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of (gold, predicted) class pairs, and the metrics derived from them.
 *
 * <pre>
 * n[g][p]       examples of gold class g predicted as p          C × C counts
 * accuracy      = Σ_c n[c][c] / Σ n
 * precision(c)  = n[c][c] / Σ_g n[g][c]       (0 when class c was never predicted)
 * recall(c)     = n[c][c] / Σ_p n[c][p]       (0 when class c never occurs in gold)
 * f1(c)         = 2·P·R / (P + R)             (0 when P + R = 0)
 * macroF1       = mean of f1(c) over the classes that occur in gold or predictions
 * </pre>
 * The macro average skips classes absent from both, as scikit-learn's {@code f1_score(average =
 * "macro")} does with its default labels.
 */
public final class ConfusionMatrix {
  private final List<String> labels;
  private final long[][] counts; // (C, C): [gold][predicted]

  /**
   * An empty matrix over named classes.
   *
   * @param labels the class names; class id c is {@code labels.get(c)}
   * @throws IllegalArgumentException if there are no labels
   */
  public ConfusionMatrix(List<String> labels) {
    if (labels == null || labels.isEmpty()) {
      throw new IllegalArgumentException("a confusion matrix needs at least one class label");
    }
    this.labels = List.copyOf(labels);
    this.counts = new long[labels.size()][labels.size()];
  }

  /**
   * An empty matrix over classes named by their ids "0", "1", ….
   *
   * @param classes C, at least 1
   * @return the matrix
   */
  public static ConfusionMatrix ofClasses(int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be at least 1, got " + classes);
    }
    List<String> names = new ArrayList<>(classes);
    for (int c = 0; c < classes; c++) {
      names.add(Integer.toString(c));
    }
    return new ConfusionMatrix(names);
  }

  /**
   * A matrix of paired gold and predicted class ids.
   *
   * @param labels the class names
   * @param gold (N) gold class ids
   * @param predicted (N) predicted class ids
   * @return the filled matrix
   * @throws IllegalArgumentException if the lengths differ or an id is out of range
   */
  public static ConfusionMatrix of(List<String> labels, int[] gold, int[] predicted) {
    if (gold.length != predicted.length) {
      throw new IllegalArgumentException("gold and predicted must have equal lengths, got "
          + gold.length + " and " + predicted.length);
    }
    ConfusionMatrix m = new ConfusionMatrix(labels);
    for (int i = 0; i < gold.length; i++) {
      m.add(gold[i], predicted[i]);
    }
    return m;
  }

  /**
   * Counts one example.
   *
   * @param gold its gold class id in [0, C)
   * @param predicted its predicted class id in [0, C)
   * @throws IllegalArgumentException if an id is out of range
   */
  public void add(int gold, int predicted) {
    int c = labels.size();
    if (gold < 0 || gold >= c || predicted < 0 || predicted >= c) {
      throw new IllegalArgumentException("class ids must lie in [0, " + c + "), got gold " + gold
          + " and predicted " + predicted);
    }
    counts[gold][predicted]++;
  }

  /** The class names, in id order. */
  public List<String> labels() {
    return labels;
  }

  /** C, the number of classes. */
  public int classes() {
    return labels.size();
  }

  /**
   * @param gold a gold class id
   * @param predicted a predicted class id
   * @return how many examples of {@code gold} were predicted as {@code predicted}
   */
  public long count(int gold, int predicted) {
    return counts[gold][predicted];
  }

  /** N, the number of examples counted. */
  public long total() {
    long n = 0;
    for (long[] row : counts) {
      for (long v : row) {
        n += v;
      }
    }
    return n;
  }

  /** The fraction of examples predicted correctly; NaN when nothing was counted. */
  public double accuracy() {
    long right = 0;
    for (int c = 0; c < counts.length; c++) {
      right += counts[c][c];
    }
    long n = total();
    return n == 0 ? Double.NaN : (double) right / n;
  }

  /** Examples of gold class c (row sum). */
  public long goldCount(int c) {
    long n = 0;
    for (long v : counts[c]) {
      n += v;
    }
    return n;
  }

  /** Examples predicted as class c (column sum). */
  public long predictedCount(int c) {
    long n = 0;
    for (long[] row : counts) {
      n += row[c];
    }
    return n;
  }

  /** Precision of class c; 0 when it was never predicted. */
  public double precision(int c) {
    long p = predictedCount(c);
    return p == 0 ? 0 : (double) counts[c][c] / p;
  }

  /** Recall of class c; 0 when it never occurs in gold. */
  public double recall(int c) {
    long g = goldCount(c);
    return g == 0 ? 0 : (double) counts[c][c] / g;
  }

  /** F1 of class c, the harmonic mean of its precision and recall; 0 when both are 0. */
  public double f1(int c) {
    return Prf.f1(precision(c), recall(c));
  }

  /**
   * The unweighted mean F1 over the classes that occur in gold or predictions.
   *
   * @return macro-F1; NaN when nothing was counted
   */
  public double macroF1() {
    double sum = 0;
    int present = 0;
    for (int c = 0; c < counts.length; c++) {
      if (goldCount(c) > 0 || predictedCount(c) > 0) {
        sum += f1(c);
        present++;
      }
    }
    return present == 0 ? Double.NaN : sum / present;
  }

  /**
   * A table with gold classes as rows and predicted classes as columns, then each class's
   * precision, recall and F1, e.g.
   *
   * <pre>
   * gold \ predicted   neg   pos
   * neg                  5     1
   * pos                  2     4
   * </pre>
   */
  @Override
  public String toString() {
    int width = "gold \\ predicted".length();
    int cell = 5;
    for (String label : labels) {
      width = Math.max(width, label.length());
      cell = Math.max(cell, label.length());
    }
    for (long[] row : counts) {
      for (long v : row) {
        cell = Math.max(cell, Long.toString(v).length());
      }
    }
    StringBuilder s = new StringBuilder(String.format("%-" + width + "s", "gold \\ predicted"));
    for (String label : labels) {
      s.append("  ").append(String.format("%" + cell + "s", label));
    }
    s.append('\n');
    for (int g = 0; g < counts.length; g++) {
      s.append(String.format("%-" + width + "s", labels.get(g)));
      for (long v : counts[g]) {
        s.append("  ").append(String.format("%" + cell + "d", v));
      }
      s.append('\n');
    }
    s.append(String.format("%-" + width + "s  %9s  %9s  %9s%n", "class", "precision", "recall",
        "f1"));
    for (int c = 0; c < counts.length; c++) {
      s.append(String.format("%-" + width + "s  %9.4f  %9.4f  %9.4f%n", labels.get(c),
          precision(c), recall(c), f1(c)));
    }
    s.append(String.format("accuracy %.4f, macro-F1 %.4f", accuracy(), macroF1()));
    return s.toString();
  }

  /** A copy of the counts, (C, C) indexed [gold][predicted]. */
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int g = 0; g < counts.length; g++) {
      copy[g] = counts[g].clone();
    }
    return copy;
  }
}
