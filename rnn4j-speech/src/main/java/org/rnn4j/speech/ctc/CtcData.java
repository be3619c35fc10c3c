package org.rnn4j.speech.ctc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.rnn4j.data.BatchPlan;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Features;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.loss.CtcTargets;
import org.rnn4j.train.BatchSource;

/**
 * Recordings as CTC batches: the front end's steps of every file, computed once and in parallel,
 * with each transcript's class ids ({@link SymbolIds}).
 */
public final class CtcData {
  private CtcData() {}

  /**
   * The steps of every utterance, in order, computed on all cores.
   *
   * @param frontEnd the features
   * @param utterances the recordings
   * @return one (T, F) array per utterance
   * @throws IOException naming the first file that cannot be read
   */
  public static List<float[][]> steps(FrontEnd frontEnd, List<Utterance> utterances)
      throws IOException {
    try {
      return IntStream.range(0, utterances.size()).parallel().mapToObj(i -> {
        try {
          return AudioFiles.steps(frontEnd, utterances.get(i).audio());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Batches of recordings of similar length, to cut padding; the trainer shuffles their order.
   *
   * @param steps (N) each recording's (T, F) steps
   * @param labels (N) each transcript's class ids
   * @param batchSize B
   * @param rng decides which recordings share a batch
   * @return the batches
   */
  public static BatchSource<CtcBatch> batches(List<float[][]> steps, List<int[]> labels,
      int batchSize, RandomGenerator rng) {
    int[] lengths = steps.stream().mapToInt(s -> s.length).toArray();
    List<CtcBatch> batches = new ArrayList<>();
    for (int[] indices : BatchPlan.bucketed(lengths, batchSize,
        BatchPlan.DEFAULT_POOL_BATCHES, rng)) {
      batches.add(batch(steps, labels, indices));
    }
    return BatchSource.of(batches);
  }

  /**
   * The recordings at {@code indices} as one batch (also the batches of distributed training).
   *
   * @param steps (N) each recording's (T, F) steps
   * @param labels (N) each transcript's class ids
   * @param indices the recordings of the batch
   * @return inputs padded to (B, T, F) and the targets concatenated
   */
  public static CtcBatch batch(List<float[][]> steps, List<int[]> labels, int[] indices) {
    List<Features> inputs = new ArrayList<>();
    int[] targetLengths = new int[indices.length];
    int total = 0;
    for (int i = 0; i < indices.length; i++) {
      inputs.add(Features.of(steps.get(indices[i])));
      targetLengths[i] = labels.get(indices[i]).length;
      total += targetLengths[i];
    }
    int[] concatenated = new int[total];
    int at = 0;
    for (int index : indices) {
      int[] l = labels.get(index);
      System.arraycopy(l, 0, concatenated, at, l.length);
      at += l.length;
    }
    return new CtcBatch((PaddedFeatures) Collate.pad(inputs, 0),
        CtcTargets.concatenated(concatenated, targetLengths));
  }
}
