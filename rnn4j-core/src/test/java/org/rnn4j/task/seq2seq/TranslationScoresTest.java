package org.rnn4j.task.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.metrics.Bleu;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.WordTokenizer;

class TranslationScoresTest {

  @Test
  void referencesAreTokenisedLikeTheOutputs() {
    // a lower-casing word model: "I am tired." is i / am / tired / .
    TranslationScores s = TranslationScores.of(WordTokenizer.standard(),
        List.of(List.of("i", "am", "tired", "."), List.of("it", "rains")),
        List.of("I am tired.", "It is raining."));
    assertEquals(2, s.sentences());
    assertEquals(0.5, s.exactMatch());
    assertEquals(5.0 / 8, s.tokenAccuracy(), 1e-15); // 4 of 4, then "it" of it / is / raining / .
    // CER on the joined texts: "i am tired ." is exact; "it rains" → "it is raining ." takes 8
    // edits (insert "is ", s → i, insert "ng ."); the references have 12 + 15 characters
    assertEquals(8.0 / (12 + 15), s.characterErrorRate(), 1e-15);
    Bleu bleu = new Bleu().add(List.of("i", "am", "tired", "."), List.of("i", "am", "tired", "."))
        .add(List.of("it", "rains"), List.of("it", "is", "raining", "."));
    assertEquals(bleu.score(), s.bleu());
  }

  @Test
  void characterOutputsAreScoredOnWordsForBleu() {
    CharTokenizer chars = new CharTokenizer();
    TranslationScores s = TranslationScores.of(chars,
        List.of(chars.tokenize("the cat sat on the mat")), List.of("the cat is on the mat"));
    assertEquals(37.99178428257963, s.bleu().score(), 1e-9); // BleuTest's sacrebleu figure
    assertArrayEquals(new long[] {6, 5, 4, 3}, s.bleu().totals(), "words, not characters");
    assertEquals(3.0 / 21, s.characterErrorRate(), 1e-15); // "sat" → "is": 3 edits
    assertEquals(0.0, s.exactMatch());
    // "the cat " agrees (8 characters); after it the output is shifted by one and no position
    // agrees: s/i, a/s, t/' ', ' '/o, …
    assertEquals(8.0 / 21, s.tokenAccuracy(), 1e-15);
  }

  @Test
  void perfectOutputsScoreFullMarks() {
    TranslationScores s = TranslationScores.of(WordTokenizer.standard(),
        List.of(List.of("good", "morning", ",", "everyone", "!")),
        List.of("Good morning, everyone!"));
    assertEquals(100.0, s.bleu().score(), 1e-12);
    assertEquals(0.0, s.characterErrorRate());
    assertEquals(1.0, s.exactMatch());
    assertEquals(1.0, s.tokenAccuracy());
  }

  @Test
  void rejectsUnpairedLists() {
    assertThrows(IllegalArgumentException.class, () -> TranslationScores.of(new CharTokenizer(),
        List.of(), List.of("x")));
  }
}
