package org.rnn4j.data;

/**
 * Sequence → label (many-to-one): a review and its sentiment, a DNA window and its class.
 *
 * @param input the sequence, at least one step long
 * @param label the class id, at least 0
 */
public record ClassifyExample(SequenceInput input, int label) {

  /** Checks the parts. */
  public ClassifyExample {
    Checks.nonEmpty(input, "input");
    if (label < 0) {
      throw new IllegalArgumentException("label must be at least 0, got " + label);
    }
  }
}
