package org.rnn4j.task.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.rnn4j.data.Collate;
import org.rnn4j.data.TagExample;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.TokenBatch;

/**
 * Short texts (names, sentences) as next-token batches: each text is one sequence, read from
 * {@code <bos>} and predicting its tokens then {@code <eos>}; sequences are padded per batch.
 */
public final class LanguageModelData {
  private LanguageModelData() {}

  /**
   * @param texts the texts, one sequence each, in the order batches are cut
   * @param codec tokenizer and vocabulary
   * @param batchSize texts per batch, at least 1
   * @return batches of up to {@code batchSize} sequences; the trainer shuffles their order
   */
  public static BatchSource<TokenBatch> batches(List<String> texts, TextCodec codec,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    Vocabulary v = codec.vocabulary();
    List<TagExample> examples = texts.stream()
        .map(t -> TagExample.nextToken(codec.encode(t, false), v.bosId(), v.eosId())).toList();
    List<TokenBatch> batches = new ArrayList<>();
    for (int from = 0; from < examples.size(); from += batchSize) {
      int[] indices = IntStream.range(from, Math.min(from + batchSize, examples.size())).toArray();
      batches.add(TokenBatch.of(Collate.tag(examples, indices, v.padId()), false));
    }
    return BatchSource.of(batches);
  }
}
