package org.rnn4j.cli.demo;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Binary logistic regression on a bag of words, the baseline a sentence classifier has to beat:
 * each document is the set of its distinct word ids (binary features, order ignored), and the
 * weights are fitted by stochastic gradient descent with an L2 penalty.
 *
 * <pre>
 * x ∈ {0, 1}^V      x_j = 1 when word j occurs in the document
 * p = σ(w·x + b)    w (V), b scalar; predict 1 when p ≥ 0.5
 * L = −[y log p + (1 − y) log(1 − p)] + (λ/2)‖w‖²
 * w ← w − η ((p − y) x + λ w),  b ← b − η (p − y)      one example at a time, shuffled each epoch
 * </pre>
 */
final class BagOfWordsBaseline {
  /**
   * How the weights are fitted.
   *
   * @param epochs passes over the training documents, at least 1
   * @param learningRate η, positive
   * @param l2 λ, non-negative
   */
  record Settings(int epochs, double learningRate, double l2) {
    /** Twenty passes, η = 0.1, λ = 1e-4. */
    static final Settings DEFAULT = new Settings(20, 0.1, 1e-4);

    /** Checks the ranges. */
    Settings {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
      }
      if (!(l2 >= 0)) {
        throw new IllegalArgumentException("l2 must be non-negative, got " + l2);
      }
    }
  }

  private final double[] w; // (V)
  private double b;

  private BagOfWordsBaseline(int vocabularySize) {
    this.w = new double[vocabularySize];
  }

  /**
   * Fits the weights.
   *
   * @param documents N documents, each the word ids of one text, ids in [0, V)
   * @param labels (N) 0 or 1
   * @param vocabularySize V
   * @param settings epochs, learning rate, L2 penalty
   * @param rng the order of the examples in each epoch
   * @return the fitted model
   * @throws IllegalArgumentException if the sizes disagree, a label is not 0 or 1 or an id is
   *     out of range
   */
  static BagOfWordsBaseline fit(List<int[]> documents, int[] labels, int vocabularySize,
      Settings settings, RandomGenerator rng) {
    if (documents.size() != labels.length) {
      throw new IllegalArgumentException("documents and labels must have one size: "
          + documents.size() + " documents, " + labels.length + " labels");
    }
    BagOfWordsBaseline model = new BagOfWordsBaseline(vocabularySize);
    int[][] features = new int[documents.size()][];
    for (int i = 0; i < features.length; i++) {
      features[i] = model.features(documents.get(i));
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("labels must be 0 or 1, labels[" + i + "] = "
            + labels[i]);
      }
    }
    int[] order = new int[features.length];
    Arrays.setAll(order, i -> i);
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      shuffle(order, rng);
      for (int i : order) {
        model.step(features[i], labels[i], settings);
      }
    }
    return model;
  }

  /** One stochastic gradient step on one document. */
  private void step(int[] x, int y, Settings settings) {
    double eta = settings.learningRate();
    double dz = probabilityOf(x) - y; // dL/dz of the cross-entropy
    if (settings.l2() > 0) {
      double shrink = 1 - eta * settings.l2();
      for (int j = 0; j < w.length; j++) {
        w[j] *= shrink;
      }
    }
    for (int j : x) {
      w[j] -= eta * dz;
    }
    b -= eta * dz;
  }

  /**
   * The probability of class 1.
   *
   * @param document word ids in [0, V)
   * @return p = σ(w·x + b)
   */
  double probability(int[] document) {
    return probabilityOf(features(document));
  }

  /** The predicted class, 1 when p ≥ 0.5. */
  int predict(int[] document) {
    return probability(document) >= 0.5 ? 1 : 0;
  }

  /**
   * The fraction of documents whose class is predicted right.
   *
   * @param documents the word ids of each document
   * @param labels (N) 0 or 1
   * @return the accuracy, in [0, 1]
   */
  double accuracy(List<int[]> documents, int[] labels) {
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      right += predict(documents.get(i)) == labels[i] ? 1 : 0;
    }
    return (double) right / labels.length;
  }

  /** The weight of word id j. */
  double weight(int j) {
    return w[j];
  }

  private double probabilityOf(int[] x) {
    double z = b;
    for (int j : x) {
      z += w[j];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The distinct ids of a document: the indices of the ones in its binary vector x. */
  private int[] features(int[] document) {
    for (int id : document) {
      if (id < 0 || id >= w.length) {
        throw new IllegalArgumentException("word ids must lie in [0, " + w.length + "), got "
            + id);
      }
    }
    return Arrays.stream(document).distinct().toArray();
  }

  private static void shuffle(int[] order, RandomGenerator rng) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
