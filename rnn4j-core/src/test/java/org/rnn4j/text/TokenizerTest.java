package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void charTokenizerSplitsCodePointsNotUtf16Units() {
    CharTokenizer t = new CharTokenizer();
    List<String> tokens = t.tokenize("aé🦖b");
    assertEquals(List.of("a", "é", "🦖", "b"), tokens);
    assertEquals("aé🦖b", t.join(tokens));
  }

  @Test
  void wordTokenizerSplitsPunctuationAndKeepsInnerJoiners() {
    WordTokenizer t = new WordTokenizer(false, true);
    assertEquals(List.of("Don't", "stop", ",", "well-known", "3.5", "km", "!", "(", "ok", ")"),
        t.tokenize("Don't stop, well-known 3.5 km! (ok)"));
  }

  @Test
  void wordTokenizerLowerCasesWithRootLocale() {
    assertEquals(List.of("istanbul", "ist", "groß", "."),
        WordTokenizer.standard().tokenize("ISTANBUL ist GROß."));
  }

  @Test
  void wordTokenizerNormalizesToNfcAndHandlesOtherScripts() {
    WordTokenizer t = new WordTokenizer(false, true);
    String decomposed = "Cafe\u0301";
    assertEquals(List.of("Café"), t.tokenize(decomposed));
    assertEquals(List.of("Привет", ",", "мир", "!"), t.tokenize("Привет, мир!"));
    assertEquals(List.of("東京", "。"), t.tokenize("東京。"));
  }

  @Test
  void wordTokenizerWithoutPunctuationSplitKeepsWhitespaceRuns() {
    WordTokenizer t = new WordTokenizer(false, false);
    assertEquals(List.of("Hello,", "world!"), t.tokenize("  Hello,\u00a0world!\n"));
    assertEquals("Hello, world!", t.join(t.tokenize("Hello, world!")));
  }
}
