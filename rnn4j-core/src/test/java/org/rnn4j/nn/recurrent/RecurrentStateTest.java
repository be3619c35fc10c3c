package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

class RecurrentStateTest {

  /** (L·D, B, H) = (2, 3, 2) with value 100·l + 10·b + j, so every entry names its place. */
  private static Tensor numbered(float offset) {
    float[] data = new float[2 * 3 * 2];
    for (int l = 0; l < 2; l++) {
      for (int b = 0; b < 3; b++) {
        for (int j = 0; j < 2; j++) {
          data[(l * 3 + b) * 2 + j] = offset + 100 * l + 10 * b + j;
        }
      }
    }
    return Tensor.of(data, 2, 3, 2);
  }

  @Test
  void selectPicksAndReordersBatchRowsOfEveryLayer() {
    RecurrentState state = new RecurrentState(numbered(0), Optional.of(numbered(1000)));
    RecurrentState picked = state.select(new int[] {2, 0, 2, 1});
    assertArrayEquals(new int[] {2, 4, 2}, picked.h().shape());
    assertArrayEquals(new float[] {20, 21, 0, 1, 20, 21, 10, 11,
        120, 121, 100, 101, 120, 121, 110, 111}, picked.h().data());
    assertEquals(1120, picked.c().orElseThrow().get(1, 0, 0));
    assertEquals(1011, picked.c().orElseThrow().get(0, 3, 1));
    picked.h().data()[0] = -1;
    assertEquals(20, state.h().get(0, 2, 0), "the selection is a copy");
    assertFalse(picked.h().requiresGrad());

    RecurrentState gru = new RecurrentState(numbered(0), Optional.empty());
    assertTrue(gru.select(new int[] {1}).c().isEmpty());
    assertArrayEquals(new float[] {10, 11, 110, 111}, gru.select(new int[] {1}).h().data());
  }

  @Test
  void selectChecksTheRows() {
    RecurrentState state = new RecurrentState(numbered(0), Optional.empty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> state.select(new int[] {0, 3}));
    assertTrue(e.getMessage().contains("[0, 3), got rows[1] = 3"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> state.select(new int[0]));
  }
}
