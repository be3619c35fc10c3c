package org.rnn4j.task.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.GradientCheck;

class MaskedPoolingTest {
  private static final int[] LENGTHS = {3, 1, 4};

  private static Tensor input() {
    return Tensor.normal(new SplittableRandom(7), 0f, 1f, 3, 4, 5).requiresGrad(true);
  }

  @Test
  void meanBackwardMatchesFiniteDifferences() {
    GradientCheck.check("masked mean", in -> MaskedPooling.mean(in[0], LENGTHS), input());
  }

  @Test
  void maxBackwardMatchesFiniteDifferences() {
    GradientCheck.check("masked max", in -> MaskedPooling.max(in[0], LENGTHS), input());
  }

  @Test
  void paddedStepsNeitherChangeTheResultNorGetGradient() {
    float[] x = {1, 5, 100, // sequence 0: length 2, step 2 is padding
        -4, 2, 100}; // sequence 1: length 1
    Tensor in = Tensor.of(x, 2, 3, 1).requiresGrad(true);
    int[] lengths = {2, 1};
    assertArrayEquals(new float[] {3, -4}, MaskedPooling.mean(in, lengths).data());
    Tensor max = MaskedPooling.max(in, lengths);
    assertArrayEquals(new float[] {5, -4}, max.data());
    max.sum().backward();
    assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0}, in.grad().data());
  }

  @Test
  void rejectsLengthsOutsideOneToT() {
    Tensor in = Tensor.zeros(2, 3, 1);
    assertThrows(IllegalArgumentException.class, () -> MaskedPooling.mean(in, new int[] {0, 1}));
    assertThrows(IllegalArgumentException.class, () -> MaskedPooling.max(in, new int[] {4, 1}));
    assertThrows(IllegalArgumentException.class, () -> MaskedPooling.max(in, new int[] {1}));
  }
}
