package org.rnn4j.task.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.data.ClassifyExample;
import org.rnn4j.data.Collate;
import org.rnn4j.data.TokenIds;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.BatchSource;

/** Labelled texts as padded classification batches of token ids. */
public final class ClassifierData {
  private ClassifierData() {}

  /**
   * @param texts the texts
   * @param labels (texts.size()) class ids
   * @param codec tokenizer and vocabulary
   * @param batchSize texts per batch, at least 1
   * @return batches in text order; the trainer shuffles their order
   */
  public static BatchSource<ClassifyBatch> batches(List<String> texts, int[] labels,
      TextCodec codec, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (labels.length != texts.size()) {
      throw new IllegalArgumentException("one label per text: " + texts.size() + " texts, "
          + labels.length + " labels");
    }
    List<ClassifyExample> examples = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      int[] ids = codec.encode(texts.get(i), false);
      if (ids.length == 0) {
        ids = new int[] {codec.vocabulary().unkId()}; // an empty text still gets one step
      }
      examples.add(new ClassifyExample(new TokenIds(ids), labels[i]));
    }
    List<ClassifyBatch> batches = new ArrayList<>();
    for (int from = 0; from < examples.size(); from += batchSize) {
      int[] indices = IntStream.range(from, Math.min(from + batchSize, examples.size())).toArray();
      batches.add(Collate.classify(examples, indices, codec.vocabulary().padId()));
    }
    return BatchSource.of(batches);
  }
}
