package org.rnn4j.nn.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnn4j.testing.GradientCheck.check;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

/** Finite-difference gradient checks and masking of the fused attention ops. */
class AttentionOpsTest {
  private static final int[] FULL = {4, 4, 4};
  private static final int[] RAGGED = {4, 1, 2};

  private final SplittableRandom rng = new SplittableRandom(7);

  private Tensor param(int... shape) {
    return Tensor.uniform(rng, -1f, 1f, shape).requiresGrad(true);
  }

  @Test
  void addPerRowBackwardMatchesFiniteDifferences() {
    check("addPerRow", x -> AttentionOps.addPerRow(x[0], x[1]), param(3, 4, 5), param(3, 5));
  }

  @Test
  void scoresBackwardMatchesFiniteDifferences() {
    check("scores full", x -> AttentionOps.scores(x[0], x[1], FULL), param(3, 4, 5),
        param(3, 5));
    check("scores with lengths", x -> AttentionOps.scores(x[0], x[1], RAGGED), param(3, 4, 5),
        param(3, 5));
  }

  @Test
  void maskedSoftmaxBackwardMatchesFiniteDifferences() {
    check("maskedSoftmax full", x -> AttentionOps.maskedSoftmax(x[0], FULL),
        Tensor.uniform(rng, -2f, 2f, 3, 4).requiresGrad(true));
    check("maskedSoftmax with lengths", x -> AttentionOps.maskedSoftmax(x[0], RAGGED),
        Tensor.uniform(rng, -2f, 2f, 3, 4).requiresGrad(true));
  }

  @Test
  void weightedSumBackwardMatchesFiniteDifferences() {
    check("weightedSum full", x -> AttentionOps.weightedSum(x[0], x[1], FULL), param(3, 4),
        param(3, 4, 5));
    check("weightedSum with lengths", x -> AttentionOps.weightedSum(x[0], x[1], RAGGED),
        param(3, 4), param(3, 4, 5));
  }

  @Test
  void maskedSoftmaxGivesZeroWeightAndZeroGradientOnPadding() {
    Tensor e = Tensor.uniform(rng, -2f, 2f, 3, 4).requiresGrad(true);
    e.data()[1 * 4 + 3] = 1e30f; // a huge padded score must not matter
    Tensor alpha = AttentionOps.maskedSoftmax(e, RAGGED);
    alpha.mul(Tensor.uniform(rng, -1f, 1f, 3, 4)).sum().backward();
    for (int b = 0; b < 3; b++) {
      double sum = 0;
      for (int s = 0; s < 4; s++) {
        sum += alpha.get(b, s);
        if (s >= RAGGED[b]) {
          assertEquals(0f, alpha.get(b, s), "weight at padding (" + b + ", " + s + ")");
          assertEquals(0f, e.grad().get(b, s), "gradient at padding (" + b + ", " + s + ")");
        }
      }
      assertEquals(1.0, sum, 1e-6, "weights of row " + b);
    }
    assertEquals(1f, alpha.get(1, 0), "a row of length 1 puts all weight on its one position");
  }

  @Test
  void paddedKeysReceiveZeroGradient() {
    Tensor keys = param(3, 4, 5);
    Tensor q = param(3, 5);
    Tensor alpha = param(3, 4);
    AttentionOps.scores(keys, q, RAGGED).sum()
        .add(AttentionOps.weightedSum(alpha, keys, RAGGED).sum()).backward();
    for (int b = 0; b < 3; b++) {
      for (int s = RAGGED[b]; s < 4; s++) {
        for (int h = 0; h < 5; h++) {
          assertEquals(0f, keys.grad().get(b, s, h), "keys gradient at padding");
        }
        assertEquals(0f, alpha.grad().get(b, s), "alpha gradient at padding");
      }
    }
  }
}
