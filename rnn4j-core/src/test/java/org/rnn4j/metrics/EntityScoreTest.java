package org.rnn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked examples, counted the way conlleval counts them. */
class EntityScoreTest {

  private static List<String> tags(String s) {
    return Arrays.asList(s.split(" "));
  }

  /** {correct, gold, predicted} entity counts of one sentence. */
  private static long[] score(String gold, String predicted) {
    EntityScore s = new EntityScore();
    s.add(tags(gold), tags(predicted));
    return new long[] {s.correctChunks(), s.goldChunks(), s.predictedChunks()};
  }

  @Test
  void exactMatchesCountAndBoundaryOrTypeErrorsDoNot() {
    EntityScore s = new EntityScore();
    s.add(tags("B-PER I-PER O B-LOC O B-ORG"), tags("B-PER I-PER O B-LOC I-LOC O"));
    assertEquals(1, s.correctChunks()); // PER; LOC is too long, ORG missed
    assertEquals(3, s.goldChunks());
    assertEquals(2, s.predictedChunks());
    assertEquals(0.5, s.precision(), 1e-12);
    assertEquals(1.0 / 3, s.recall(), 1e-12);
    assertEquals(0.4, s.f1(), 1e-12);
    assertEquals(4.0 / 6, s.tokenAccuracy(), 1e-12);
  }

  @Test
  void iWithoutBStartsAnEntity() {
    assertArrayEquals(new long[] {1, 1, 1}, score("B-PER I-PER", "I-PER I-PER"));
    assertArrayEquals(new long[] {1, 1, 1}, score("O I-LOC O", "O B-LOC O"));
  }

  @Test
  void iAfterAnotherTypeStartsANewEntity() {
    // gold PER[0] LOC[1]: I-LOC after B-PER opens a LOC entity
    assertArrayEquals(new long[] {2, 2, 2}, score("B-PER I-LOC", "B-PER B-LOC"));
  }

  @Test
  void aTypeChangeMidSpanSplitsIt() {
    // predicted PER[0] LOC[1] PER[2] against one gold PER[0..2]
    assertArrayEquals(new long[] {0, 1, 3}, score("B-PER I-PER I-PER", "B-PER I-LOC I-PER"));
  }

  @Test
  void bInsideASpanEndsTheEntityBeforeIt() {
    assertArrayEquals(new long[] {0, 1, 2}, score("B-PER I-PER", "B-PER B-PER"));
  }

  @Test
  void iobOneInputScoresAsConllevalScoresIt() {
    // IOB1: I- opens, B- separates adjacent entities of one type: gold [0,1] and [2]
    assertArrayEquals(new long[] {0, 2, 1}, score("I-PER I-PER B-PER", "I-PER I-PER I-PER"));
    assertArrayEquals(new long[] {2, 2, 2}, score("I-PER I-PER B-PER", "B-PER I-PER B-PER"));
  }

  @Test
  void entitiesAtSentenceEndCloseAtTheBoundary() {
    assertArrayEquals(new long[] {1, 1, 1}, score("O B-LOC", "O B-LOC"));
    assertArrayEquals(new long[] {0, 1, 1}, score("B-LOC I-LOC", "B-LOC O"));
    assertArrayEquals(new long[] {0, 1, 1}, score("O B-PER", "O B-LOC"));
    EntityScore s = new EntityScore(); // the next sentence's I- starts a new entity
    s.add(tags("O B-PER"), tags("O B-PER"));
    s.add(tags("I-PER O"), tags("I-PER O"));
    assertEquals(2, s.correctChunks());
    assertEquals(2, s.goldChunks());
  }

  @Test
  void typesMayContainHyphensAndAreCountedPerType() {
    EntityScore s = new EntityScore();
    s.add(tags("B-GPE-X I-GPE-X O B-PER"), tags("B-GPE-X I-GPE-X O O"));
    assertEquals(1, s.correctChunks());
    assertArrayEquals(new long[] {1, 1, 1}, s.countsByType().get("GPE-X"));
    assertArrayEquals(new long[] {0, 1, 0}, s.countsByType().get("PER"));
  }

  @Test
  void noEntitiesGiveZeroScoresAndMismatchedLengthsAreRejected() {
    EntityScore s = new EntityScore();
    s.add(tags("O O"), tags("O O"));
    assertEquals(0, s.precision());
    assertEquals(0, s.recall());
    assertEquals(0, s.f1());
    assertEquals(1.0, s.tokenAccuracy());
    assertThrows(IllegalArgumentException.class, () -> s.add(tags("O"), tags("O O")));
  }
}
