package org.rnn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LengthOrderTest {
  @Test
  void longestFirstWithTiesInInputOrder() {
    assertArrayEquals(new int[] {2, 0, 3, 1}, LengthOrder.longestFirst(new int[] {3, 1, 7, 3}));
    assertArrayEquals(new int[] {}, LengthOrder.longestFirst(new int[] {}));
  }
}
