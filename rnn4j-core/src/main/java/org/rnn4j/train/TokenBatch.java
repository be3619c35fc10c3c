package org.rnn4j.train;

import java.util.Arrays;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.data.TagBatch;

/**
 * A batch for next-token prediction: B sequences of at most T token ids, each with the id that
 * should follow every position.
 *
 * @param ids (B, T) inputs, row-major, padded after each sequence's end
 * @param targets (B, T) the next id at every position
 * @param lengths (B) real lengths
 * @param continuesStream whether row b continues row b of the previous batch (truncated
 *     backpropagation through time: the state is carried over, detached)
 */
public record TokenBatch(int[] ids, int[] targets, int[] lengths, boolean continuesStream) {

  /** Checks that the arrays agree. */
  public TokenBatch {
    if (lengths.length == 0 || ids.length % lengths.length != 0) {
      throw new IllegalArgumentException("ids must hold B·T ids for B = " + lengths.length
          + " sequences, got " + ids.length);
    }
    if (targets.length != ids.length) {
      throw new IllegalArgumentException("targets must match ids: expected " + ids.length
          + ", got " + targets.length);
    }
    int t = ids.length / lengths.length;
    for (int i = 0; i < lengths.length; i++) {
      if (lengths[i] < 0 || lengths[i] > t) {
        throw new IllegalArgumentException(
            "lengths[" + i + "] must lie in [0, " + t + "], got " + lengths[i]);
      }
    }
  }

  /**
   * The next-token batch of a collated language-model batch ({@code Collate.tag} over
   * {@code TagExample.nextToken} examples): its padded ids and their targets.
   *
   * @param batch ids (B, T) as {@link PaddedIds}, targets (B, T)
   * @param continuesStream whether it continues the previous batch's rows
   * @throws IllegalArgumentException if the inputs are features, not ids
   */
  public static TokenBatch of(TagBatch batch, boolean continuesStream) {
    if (!(batch.inputs() instanceof PaddedIds ids)) {
      throw new IllegalArgumentException(
          "a language-model batch needs token ids, got " + batch.inputs().getClass().getSimpleName());
    }
    return new TokenBatch(ids.ids(), batch.targets(), ids.lengths(), continuesStream);
  }

  /** B. */
  public int batchSize() {
    return lengths.length;
  }

  /** T. */
  public int steps() {
    return ids.length / lengths.length;
  }

  /** Real tokens in the batch, Σ lengths. */
  public long tokens() {
    return Arrays.stream(lengths).asLongStream().sum();
  }
}
