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
}
