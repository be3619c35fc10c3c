package org.rnn4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierData;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.BatchSource;

/** Class probabilities of texts under a classifier, in evaluation mode, batched. */
final class Predictions {
  private static final int BATCH = 64;

  private Predictions() {}

  /** Each text's probabilities (C), in the order of {@code texts}. */
  static List<float[]> probabilities(Classifier classifier, TextCodec codec, List<String> texts) {
    BatchSource<ClassifyBatch> batches =
        ClassifierData.batches(texts, new int[texts.size()], codec, BATCH);
    classifier.eval();
    List<float[]> out = new ArrayList<>();
    int c = classifier.config().classes();
    try (NoGrad scope = NoGrad.enter()) {
      for (int i = 0; i < batches.size(); i++) {
        float[] p = classifier.forward(batches.batch(i).inputs()).softmax().data(); // (B, C)
        for (int row = 0; row < p.length / c; row++) {
          out.add(java.util.Arrays.copyOfRange(p, row * c, row * c + c));
        }
      }
    }
    return out;
  }

  static int argmax(float[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }
}
