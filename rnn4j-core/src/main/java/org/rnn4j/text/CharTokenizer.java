package org.rnn4j.text;

import java.util.ArrayList;
import java.util.List;

/**
 * One token per Unicode code point, so a character outside the Basic Multilingual Plane (an
 * emoji, a rare CJK ideograph) is one token, not two UTF-16 halves. Joining concatenates.
 */
public final class CharTokenizer implements Tokenizer {

  /** A character tokenizer (it has no settings). */
  public CharTokenizer() {}

  @Override
  public List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>(text.length());
    text.codePoints().forEach(cp -> tokens.add(Character.toString(cp)));
    return tokens;
  }

  @Override
  public String join(List<String> tokens) {
    return String.join("", tokens);
  }

  /** All character tokenizers are the same: it has no settings. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CharTokenizer;
  }

  @Override
  public int hashCode() {
    return CharTokenizer.class.hashCode();
  }

  @Override
  public String toString() {
    return "CharTokenizer";
  }
}
