package org.rnn4j.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words split at whitespace, Unicode-aware: letters, combining marks and digits of any script
 * make words; text is first put in Unicode normalization form NFC, so "é" written as e + accent is
 * the same token as the precomposed "é".
 *
 * <p>With {@code splitPunctuation}, every other character (punctuation, symbols) is a token of its
 * own, except an apostrophe, hyphen or period between two letters or digits, which stays inside
 * the word ("don't", "well-known", "3.5", "U.S" then "."). Without it, tokens are the
 * whitespace-separated runs. With {@code lowerCase}, tokens are lower-cased with {@link
 * Locale#ROOT}, so the result does not depend on the machine's locale.
 *
 * @param lowerCase lower-case every token
 * @param splitPunctuation make punctuation and symbols separate tokens
 */
public record WordTokenizer(boolean lowerCase, boolean splitPunctuation) implements Tokenizer {

  /** Lower-cased words with punctuation split off: the usual setting for word-level models. */
  public static WordTokenizer standard() {
    return new WordTokenizer(true, true);
  }

  @Override
  public List<String> tokenize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    if (lowerCase) {
      s = s.toLowerCase(Locale.ROOT);
    }
    List<String> tokens = new ArrayList<>();
    int[] cps = s.codePoints().toArray();
    int start = -1; // start of the current word, or -1
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        start = flush(tokens, cps, start, i);
      } else if (!splitPunctuation || isWordChar(cp) || isJoiner(cps, i, start)) {
        if (start < 0) {
          start = i;
        }
      } else {
        start = flush(tokens, cps, start, i);
        tokens.add(Character.toString(cp));
      }
    }
    flush(tokens, cps, start, cps.length);
    return tokens;
  }

  @Override
  public String join(List<String> tokens) {
    return String.join(" ", tokens);
  }

  private static boolean isWordChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.CONNECTOR_PUNCTUATION;
  }

  /** An apostrophe, hyphen or period inside a word: a word character on both sides. */
  private static boolean isJoiner(int[] cps, int i, int start) {
    int cp = cps[i];
    boolean joiner = cp == '\'' || cp == '\u2019' || cp == '-' || cp == '.';
    return joiner && start >= 0 && i + 1 < cps.length && isWordChar(cps[i + 1]);
  }

  private static int flush(List<String> tokens, int[] cps, int start, int end) {
    if (start >= 0) {
      tokens.add(new String(cps, start, end - start));
    }
    return -1;
  }
}
