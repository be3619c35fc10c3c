package org.rnn4j.data.format;

/**
 * A text and its label, as read from a file (ids come later, from a {@code Labels}).
 *
 * @param text the text
 * @param label the label's name as written in the file ("0", "positive", …)
 */
public record LabelledText(String text, String label) {

  /** Checks that both parts are given. */
  public LabelledText {
    if (text == null || label == null) {
      throw new IllegalArgumentException("text and label must be given, got " + text + ", "
          + label);
    }
  }

  /**
   * The message for a record whose label is empty: a class with no name is almost always a
   * mistake in the file (a missing value), not a class.
   *
   * @param field the label field or column
   * @param found the label as written, "" or blanks
   * @return "expected a non-empty label in …, found …"
   */
  public static String emptyLabel(String field, String found) {
    return "expected a non-empty label in \"" + field + "\", found \"" + found + "\"";
  }
}
