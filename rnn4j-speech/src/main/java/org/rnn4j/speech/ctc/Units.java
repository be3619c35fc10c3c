package org.rnn4j.speech.ctc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one output symbol of a recognizer is: a character of the transcript, or a word. */
public enum Units {
  /** Each character (code point), spaces between words included. */
  CHARACTERS,
  /** Each word, the transcript split at white space. */
  WORDS;

  /**
   * The symbols of a transcript, white space collapsed to single spaces and trimmed first.
   *
   * @param transcript the text
   * @return its symbols, in order
   */
  public List<String> split(String transcript) {
    String text = transcript.strip().replaceAll("\\s+", " ");
    List<String> symbols = new ArrayList<>();
    if (text.isEmpty()) {
      return symbols;
    }
    if (this == WORDS) {
      return List.of(text.split(" "));
    }
    text.codePoints().forEach(c -> symbols.add(new String(Character.toChars(c))));
    return symbols;
  }

  /** The text of symbols: characters side by side, words with a space between. */
  public String join(List<String> symbols) {
    return String.join(this == WORDS ? " " : "", symbols);
  }

  /** The name on the command line and in model files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
