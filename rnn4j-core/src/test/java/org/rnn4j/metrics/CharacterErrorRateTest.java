package org.rnn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CharacterErrorRateTest {

  @Test
  void levenshteinCountsInsertionsDeletionsAndSubstitutions() {
    assertEquals(3, EditDistance.levenshtein(cps("kitten"), cps("sitting"))); // k→s, e→i, +g
    assertEquals(2, EditDistance.levenshtein(cps("flaw"), cps("lawn")));
    assertEquals(0, EditDistance.levenshtein(cps("same"), cps("same")));
    assertEquals(4, EditDistance.levenshtein(cps(""), cps("four")));
    assertEquals(4, EditDistance.levenshtein(cps("four"), cps("")));
    assertEquals(1, EditDistance.levenshtein(new int[] {7, 8, 9}, new int[] {7, 9}));
  }

  @Test
  void rateSumsEditsAndReferenceCharactersOverTheCorpus() {
    CharacterErrorRate cer = new CharacterErrorRate()
        .add("sitting", "kitten") // 3 edits over 6
        .add("I am tired.", "I am very tired."); // 5 insertions over 16
    assertEquals(8, cer.edits());
    assertEquals(22, cer.referenceCharacters());
    assertEquals(8.0 / 22, cer.rate(), 1e-15);
  }

  @Test
  void perfectIsZeroEmptyIsOneAndLongerCanExceedOne() {
    assertEquals(0.0, new CharacterErrorRate().add("Größe", "Größe").rate());
    assertEquals(1.0, new CharacterErrorRate().add("", "Größe").rate());
    assertEquals(3.0, new CharacterErrorRate().add("abcdef", "xy").rate()); // 2 swaps, 4 cuts
    assertTrue(Double.isNaN(new CharacterErrorRate().rate()));
  }

  @Test
  void charactersAreCodePointsNotUtf16Units() {
    // U+1F600 is two UTF-16 units but one character
    assertEquals(1.0 / 2, new CharacterErrorRate().add("a\uD83D\uDE00", "ab").rate());
  }

  private static int[] cps(String s) {
    return s.codePoints().toArray();
  }
}
