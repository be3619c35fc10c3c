package org.rnn4j.data;

import java.util.Arrays;

/**
 * Sequence → sequence of equal length (many-to-many, Tx = Ty): a tag per token (named entities),
 * or a language model's next token at each step.
 *
 * @param input the sequence (T), at least one step long
 * @param tags (T) the target id of each step, each at least 0
 */
public record TagExample(SequenceInput input, int[] tags) {

  /** Checks that there is one tag per step. */
  public TagExample {
    Checks.nonEmpty(input, "input");
    if (tags == null || tags.length != input.length()) {
      throw new IllegalArgumentException("tags must have one entry per input step: expected "
          + input.length() + ", got " + (tags == null ? "none" : tags.length));
    }
    Checks.nonNegative(tags, "tags");
  }

  /**
   * A language-model example from one sequence of ids: the input is {@code <bos>} then the ids,
   * the target at each step the next id, ending with {@code <eos>}.
   *
   * @param ids (T) token ids of one text
   * @param bosId the begin-of-sequence id
   * @param eosId the end-of-sequence id
   * @return input (T+1) = bos, ids…; tags (T+1) = ids…, eos
   */
  public static TagExample nextToken(int[] ids, int bosId, int eosId) {
    int[] input = new int[ids.length + 1];
    int[] target = new int[ids.length + 1];
    input[0] = bosId;
    System.arraycopy(ids, 0, input, 1, ids.length);
    System.arraycopy(ids, 0, target, 0, ids.length);
    target[ids.length] = eosId;
    return new TagExample(new TokenIds(input), target);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TagExample e && e.input.equals(input) && Arrays.equals(e.tags, tags);
  }

  @Override
  public int hashCode() {
    return 31 * input.hashCode() + Arrays.hashCode(tags);
  }

  @Override
  public String toString() {
    return "TagExample(" + input + ", tags=" + Arrays.toString(tags) + ")";
  }
}
