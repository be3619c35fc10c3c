package org.rnn4j.data;

import java.util.Arrays;

/**
 * A sequence of token ids (the array is kept, not copied).
 *
 * @param ids (T) token ids, each at least 0
 */
public record TokenIds(int[] ids) implements SequenceInput {

  /** Checks the ids. */
  public TokenIds {
    if (ids == null) {
      throw new IllegalArgumentException("ids must be given");
    }
    for (int t = 0; t < ids.length; t++) {
      if (ids[t] < 0) {
        throw new IllegalArgumentException("ids must be at least 0: ids[" + t + "] = " + ids[t]);
      }
    }
  }

  @Override
  public int length() {
    return ids.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenIds other && Arrays.equals(ids, other.ids);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ids);
  }

  @Override
  public String toString() {
    return "TokenIds" + Arrays.toString(ids);
  }
}
