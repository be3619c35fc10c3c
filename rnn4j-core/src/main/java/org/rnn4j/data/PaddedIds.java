package org.rnn4j.data;

import java.util.Arrays;

/**
 * Token ids padded into (B, T), for {@code Tensor.embedding(weight, ids, batch, time)}.
 *
 * @param ids (B, T) row-major; steps past a sequence's length hold {@code padId}
 * @param batch B
 * @param time T
 * @param lengths (B) each sequence's length
 * @param padId the id on padded steps (the vocabulary's {@code <pad>})
 */
public record PaddedIds(int[] ids, int batch, int time, int[] lengths, int padId)
    implements Padded {

  /** Checks that the sizes agree. */
  public PaddedIds {
    if (ids == null || lengths == null) {
      throw new IllegalArgumentException("ids and lengths must be given");
    }
    if (ids.length != batch * time || lengths.length != batch) {
      throw new IllegalArgumentException("ids must be (B, T) = (" + batch + ", " + time
          + ") and lengths (B): got " + ids.length + " ids and " + lengths.length + " lengths");
    }
    Collate.checkLengths(lengths, time);
  }

  /** The ids of sequence b, without padding. */
  public int[] sequence(int b) {
    return Arrays.copyOfRange(ids, b * time, b * time + lengths[b]);
  }
}
