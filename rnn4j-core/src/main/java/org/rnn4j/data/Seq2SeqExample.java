package org.rnn4j.data;

import java.util.Arrays;

/**
 * Sequence → sequence of another length (many-to-many, Tx ≠ Ty): a sentence and its translation,
 * a written date and its ISO form. The target holds no {@code <bos>} or {@code <eos>}; {@link
 * Collate#seq2seq} adds them.
 *
 * @param source the input sequence (Tx), at least one step long
 * @param target (Ty) target token ids, each at least 0
 */
public record Seq2SeqExample(SequenceInput source, int[] target) {

  /** Checks the parts. */
  public Seq2SeqExample {
    Checks.nonEmpty(source, "source");
    if (target == null) {
      throw new IllegalArgumentException("target must be given");
    }
    Checks.nonNegative(target, "target");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Seq2SeqExample e && e.source.equals(source)
        && Arrays.equals(e.target, target);
  }

  @Override
  public int hashCode() {
    return 31 * source.hashCode() + Arrays.hashCode(target);
  }

  @Override
  public String toString() {
    return "Seq2SeqExample(" + source + ", target=" + Arrays.toString(target) + ")";
  }
}
