package org.rnn4j.decode.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

/** Best-path decoding on frames made by hand. */
class CtcGreedyTest {
  /** Frames (T, C) whose arg-max is the given class, log-probabilities log 0.7 and log 0.1. */
  private static Tensor frames(int c, int... argmax) {
    float[] y = new float[argmax.length * c];
    for (int t = 0; t < argmax.length; t++) {
      for (int k = 0; k < c; k++) {
        y[t * c + k] = (float) Math.log(k == argmax[t] ? 0.7 : 0.3 / (c - 1));
      }
    }
    return Tensor.of(y, argmax.length, c);
  }

  @Test
  void mergesRepeatsThenDropsBlanks() {
    assertArrayEquals(new int[] {1, 1, 2}, CtcGreedy.decode(frames(4, 1, 1, 0, 1, 2, 2, 0), 0));
    assertArrayEquals(new int[] {3, 1, 3}, CtcGreedy.decode(frames(4, 0, 3, 3, 1, 3, 0, 0), 0));
    assertArrayEquals(new int[] {}, CtcGreedy.decode(frames(3, 0, 0, 0), 0));
    assertArrayEquals(new int[] {}, CtcGreedy.decode(frames(3), 0), "T = 0");
    assertArrayEquals(new int[] {2}, CtcGreedy.decode(frames(3, 2, 2, 2), 0));
  }

  @Test
  void theBlankNeedNotBeZero() {
    // blank 2: class 0 is a label; 0 0 | 2 | 0 → 0 0
    assertArrayEquals(new int[] {0, 0, 1}, CtcGreedy.decode(frames(3, 0, 0, 2, 0, 1, 1), 2));
    assertArrayEquals(new int[] {0, 2, 0}, CtcGreedy.decode(frames(3, 0, 2, 1, 0), 1));
  }

  @Test
  void tiesGoToTheLowestClassAndOnlyTheArgMaxMatters() {
    Tensor tie = Tensor.of(new float[] {0.5f, 0.5f, 0.5f, 0.1f, 0.2f, 0.3f}, 2, 3);
    assertArrayEquals(new int[] {2}, CtcGreedy.decode(tie, 0), "frame 0: 0 over 1 and 2");
    assertArrayEquals(new int[] {0, 2}, CtcGreedy.decode(tie, 1), "unnormalised scores work");
  }

  @Test
  void decodesEachSequenceOfABatchUpToItsLength() {
    Tensor a = frames(3, 1, 0, 1, 2);
    Tensor b = frames(3, 2, 2, 1, 1);
    float[] y = new float[4 * 2 * 3]; // (T, B, C)
    for (int t = 0; t < 4; t++) {
      System.arraycopy(a.data(), t * 3, y, (t * 2) * 3, 3);
      System.arraycopy(b.data(), t * 3, y, (t * 2 + 1) * 3, 3);
    }
    int[][] out = CtcGreedy.decode(Tensor.of(y, 4, 2, 3), new int[] {4, 3}, 0);
    assertArrayEquals(new int[] {1, 1, 2}, out[0]);
    assertArrayEquals(new int[] {2, 1}, out[1], "frame 3 is past the length");
  }

  @Test
  void rejectsABlankOutsideTheClassesAndBadShapes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CtcGreedy.decode(frames(3, 1), 3));
    assertTrue(e.getMessage().contains("blank must lie in [0, 3)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CtcGreedy.decode(Tensor.zeros(2, 2, 3), 0));
    assertTrue(e.getMessage().contains("(T, C)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CtcGreedy.decode(Tensor.zeros(2, 2, 3), new int[] {2, 3}, 0));
    assertTrue(e.getMessage().contains("lengths[1] must lie in [0, 2]"), e.getMessage());
  }
}
