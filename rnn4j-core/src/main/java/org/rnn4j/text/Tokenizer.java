package org.rnn4j.text;

import java.util.List;

/** Splits text into tokens and joins tokens back into text. */
public sealed interface Tokenizer permits CharTokenizer, WordTokenizer {

  /**
   * The tokens of {@code text}, in order.
   *
   * @param text any text
   * @return the tokens; empty for empty text
   */
  List<String> tokenize(String text);

  /**
   * Text made of {@code tokens}: the inverse of {@link #tokenize} up to the whitespace that
   * tokenization dropped.
   *
   * @param tokens tokens as {@link #tokenize} returns them
   * @return the joined text
   */
  String join(List<String> tokens);
}
