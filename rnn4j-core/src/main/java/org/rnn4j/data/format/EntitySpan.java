package org.rnn4j.data.format;

/**
 * A named entity: tokens [start, end) of a sentence and their type.
 *
 * @param start the first token, from 0
 * @param end one past the last token
 * @param type the entity type, e.g. "person", "LOC"
 */
public record EntitySpan(int start, int end, String type) {

  /** Checks the range. */
  public EntitySpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("an entity needs 0 <= start < end, got [" + start + ", "
          + end + ")");
    }
    if (type == null || type.isEmpty()) {
      throw new IllegalArgumentException("an entity needs a type");
    }
  }
}
