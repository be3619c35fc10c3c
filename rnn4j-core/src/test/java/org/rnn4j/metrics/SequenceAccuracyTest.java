package org.rnn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceAccuracyTest {

  @Test
  void tokenAccuracyComparesPositionsOverTheReferenceLength() {
    SequenceAccuracy a = new SequenceAccuracy()
        .add(List.of("i", "am", "tired"), List.of("i", "am", "tired")) // 3 of 3, exact
        .add(List.of("i", "am"), List.of("i", "am", "very", "tired")) // 2 of 4: missing tokens
        .add(List.of("he", "is", "here", "now"), List.of("he", "was", "here")) // 2 of 3; extra
        .add(List.of("a", "the", "cat"), List.of("the", "cat")); // 0 of 2: shifted
    assertEquals(4, a.sentences());
    assertEquals(1.0 / 4, a.exactMatch(), 1e-15);
    assertEquals(7.0 / 12, a.tokenAccuracy(), 1e-15);
  }

  @Test
  void extraTokensBreakAnExactMatchButNotTokenAccuracy() {
    SequenceAccuracy a = new SequenceAccuracy().add(List.of("yes", "yes"), List.of("yes"));
    assertEquals(0.0, a.exactMatch());
    assertEquals(1.0, a.tokenAccuracy());
  }

  @Test
  void emptyCountsAreNotANumber() {
    assertTrue(Double.isNaN(new SequenceAccuracy().exactMatch()));
    assertTrue(Double.isNaN(new SequenceAccuracy().add(List.of("x"), List.of()).tokenAccuracy()));
  }
}
