package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ActiveRowsTest {

  @Test
  void eachStepCountsRowsUpToTheLastOneStillReal() {
    // sorted longest first: the count falls as rows end
    assertArrayEquals(new int[] {3, 3, 2, 1, 1}, TimeLoop.activeRows(new int[] {5, 3, 2}, 5));
    // unsorted: a long row late in the batch keeps the rows before it
    assertArrayEquals(new int[] {3, 3, 3, 3}, TimeLoop.activeRows(new int[] {1, 0, 4}, 4));
    assertArrayEquals(new int[] {2, 1, 1, 0}, TimeLoop.activeRows(new int[] {3, 1, 0}, 4));
    assertArrayEquals(new int[] {0, 0}, TimeLoop.activeRows(new int[] {0, 0}, 2));
    assertArrayEquals(new int[] {}, TimeLoop.activeRows(new int[] {2}, 0));
  }
}
