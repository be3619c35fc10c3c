package org.rnn4j.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnn4j.data.BatchPlan;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.data.ClassifyExample;
import org.rnn4j.data.Collate;
import org.rnn4j.train.BatchSource;

/**
 * Labelled sequences padded into batches once, up front, for the {@link
 * org.rnn4j.train.Trainer} (which shuffles the order of the batches every epoch). The demos'
 * sets are small, so holding every padded batch costs little and each epoch pads nothing.
 */
final class ClassifyBatches implements BatchSource<ClassifyBatch> {
  private final List<ClassifyBatch> batches;

  private ClassifyBatches(List<ClassifyBatch> batches) {
    this.batches = List.copyOf(batches);
  }

  /**
   * Batches of similar lengths (see {@link BatchPlan#bucketed}), to cut padding.
   *
   * @param examples the labelled sequences
   * @param batchSize B
   * @param padId the input padding id (ignored for features)
   * @param rng which examples share a batch
   * @return the batches
   */
  static ClassifyBatches bucketed(
      List<ClassifyExample> examples, int batchSize, int padId, RandomGenerator rng) {
    int[] lengths = new int[examples.size()];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = examples.get(i).input().length();
    }
    return of(examples,
        BatchPlan.bucketed(lengths, batchSize, BatchPlan.DEFAULT_POOL_BATCHES, rng), padId);
  }

  /**
   * Batches in the examples' order, for evaluation.
   *
   * @param examples the labelled sequences
   * @param batchSize B
   * @param padId the input padding id (ignored for features)
   * @return the batches
   */
  static ClassifyBatches sequential(List<ClassifyExample> examples, int batchSize, int padId) {
    return of(examples, BatchPlan.sequential(examples.size(), batchSize), padId);
  }

  private static ClassifyBatches of(
      List<ClassifyExample> examples, List<int[]> plan, int padId) {
    List<ClassifyBatch> out = new ArrayList<>(plan.size());
    for (int[] indices : plan) {
      out.add(Collate.classify(examples, indices, padId));
    }
    return new ClassifyBatches(out);
  }

  @Override
  public int size() {
    return batches.size();
  }

  @Override
  public ClassifyBatch batch(int index) {
    return batches.get(index);
  }

  /**
   * The accuracy of always predicting the most frequent training class (ties: the lowest id).
   *
   * @param train where the majority class is counted
   * @param test where it is scored
   * @return the fraction of {@code test} in the training majority class
   */
  static double majorityAccuracy(List<ClassifyExample> train, List<ClassifyExample> test) {
    int classes = 1;
    for (ClassifyExample e : train) {
      classes = Math.max(classes, e.label() + 1);
    }
    long[] counts = new long[classes];
    train.forEach(e -> counts[e.label()]++);
    int majority = 0;
    for (int c = 1; c < classes; c++) {
      if (counts[c] > counts[majority]) {
        majority = c;
      }
    }
    final int m = majority;
    return test.isEmpty() ? Double.NaN
        : (double) test.stream().filter(e -> e.label() == m).count() / test.size();
  }
}
