package org.rnn4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  // gold:      a a a b b c
  // predicted: a a b b c c
  private static final List<String> LABELS = List.of("a", "b", "c");
  private static final int[] GOLD = {0, 0, 0, 1, 1, 2};
  private static final int[] PREDICTED = {0, 0, 1, 1, 2, 2};

  @Test
  void perClassScoresMatchHandCounts() {
    ConfusionMatrix m = ConfusionMatrix.of(LABELS, GOLD, PREDICTED);
    assertEquals(6, m.total());
    assertEquals(4.0 / 6, m.accuracy(), 1e-12);
    assertEquals(2, m.count(0, 0));
    assertEquals(1, m.count(0, 1));
    assertEquals(1.0, m.precision(0), 1e-12);
    assertEquals(2.0 / 3, m.recall(0), 1e-12);
    assertEquals(0.8, m.f1(0), 1e-12);
    assertEquals(0.5, m.precision(1), 1e-12);
    assertEquals(0.5, m.recall(1), 1e-12);
    assertEquals(0.5, m.precision(2), 1e-12);
    assertEquals(1.0, m.recall(2), 1e-12);
    assertEquals(2.0 / 3, m.f1(2), 1e-12);
    assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, m.macroF1(), 1e-12);
  }

  @Test
  void macroF1SkipsClassesAbsentFromGoldAndPredictions() {
    ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b", "unused"),
        new int[] {0, 1}, new int[] {0, 0});
    // a: P = 1/2, R = 1, F1 = 2/3; b: F1 = 0; "unused" does not count
    assertEquals((2.0 / 3 + 0) / 2, m.macroF1(), 1e-12);
  }

  @Test
  void toStringIsATableWithGoldRowsAndPredictedColumns() {
    String table = ConfusionMatrix.of(LABELS, GOLD, PREDICTED).toString();
    String[] lines = table.split("\n");
    assertTrue(lines[0].startsWith("gold \\ predicted"), table);
    assertTrue(lines[1].matches("a\\s+2\\s+1\\s+0"), lines[1]);
    assertTrue(lines[2].matches("b\\s+0\\s+1\\s+1"), lines[2]);
    assertTrue(lines[3].matches("c\\s+0\\s+0\\s+1"), lines[3]);
    assertTrue(table.contains("accuracy 0.6667"), table);
  }

  @Test
  void rejectsOutOfRangeIdsAndMismatchedLengths() {
    ConfusionMatrix m = ConfusionMatrix.ofClasses(2);
    assertThrows(IllegalArgumentException.class, () -> m.add(2, 0));
    assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(LABELS, new int[] {0}, new int[] {0, 1}));
    assertTrue(Double.isNaN(m.accuracy()));
  }
}
