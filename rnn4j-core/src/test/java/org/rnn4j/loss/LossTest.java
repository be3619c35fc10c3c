package org.rnn4j.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.GradientCheck;

/** Values against hand computations, padding invariance, and gradient checks of every loss. */
class LossTest {
  private final SplittableRandom rng = new SplittableRandom(3);

  private Tensor param(int... shape) {
    return Tensor.uniform(rng, -2f, 2f, shape).requiresGrad(true);
  }

  @Test
  void crossEntropyMatchesTheDefinition() {
    Tensor z = Tensor.of(new float[] {1f, 2f, 3f, 0f, 0f, 0f}, 2, 3);
    float loss = CrossEntropy.loss(z, new int[] {2, 0}, CrossEntropy.Options.DEFAULT).item();
    double l0 = -Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
    double l1 = Math.log(3);
    assertEquals((l0 + l1) / 2, loss, 1e-6);
    // label smoothing ε = 0.1: ℓ = 0.9·(−log p_y) + 0.1·mean_j(−log p_j)
    float smooth = CrossEntropy.loss(z, new int[] {2, 0},
        new CrossEntropy.Options(CrossEntropy.DEFAULT_IGNORE_INDEX, 0.1f)).item();
    double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    double mean0 = ((1 - lse) + (2 - lse) + (3 - lse)) / 3;
    double expected = (0.9 * l0 - 0.1 * mean0 + l1) / 2; // row 1 is uniform: every −log p = ln 3
    assertEquals(expected, smooth, 1e-6);
  }

  @Test
  void crossEntropyPaddingAndIgnoredTargetsDoNotCount() {
    Tensor z = Tensor.uniform(rng, -1f, 1f, 2, 4, 5);
    int[] targets = {1, 2, 3, 4, 0, 1, 7, 7}; // row 1 has length 2: 7 at padded steps is never read
    float padded = CrossEntropy.loss(z, targets, new int[] {4, 2}, CrossEntropy.Options.DEFAULT)
        .item();
    int[] ignored = {1, 2, 3, 4, 0, 1, -100, -100};
    float viaIgnore = CrossEntropy.loss(z.reshape(8, 5), ignored, CrossEntropy.Options.DEFAULT)
        .item();
    assertEquals(viaIgnore, padded, 1e-7f);
    Tensor six = Tensor.concat(0, z.slice(0, 0, 1).reshape(4, 5),
        z.slice(0, 1, 2).slice(1, 0, 2).reshape(2, 5));
    float alone = CrossEntropy.loss(six, new int[] {1, 2, 3, 4, 0, 1},
        CrossEntropy.Options.DEFAULT).item();
    assertEquals(alone, padded, 1e-6f);
  }

  @Test
  void crossEntropyGradients() {
    int[] targets = {1, 2, 3, 4, 0, 1, 2, 0};
    GradientCheck.check("cross-entropy",
        x -> CrossEntropy.loss(x[0], targets, CrossEntropy.Options.DEFAULT), param(8, 5));
    GradientCheck.check("cross-entropy masked, smoothed, ignore",
        x -> CrossEntropy.loss(x[0], new int[] {1, 2, -1, 4, 0, 1, 2, 0}, new int[] {3, 2},
            new CrossEntropy.Options(-1, 0.2f)), param(2, 4, 5));
  }

  @Test
  void crossEntropyRejectsBadTargets() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CrossEntropy.loss(Tensor.zeros(2, 3), new int[] {0, 3}, CrossEntropy.Options.DEFAULT));
    assertTrue(e.getMessage().contains("position 1 must lie in [0, 3)"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> CrossEntropy.loss(Tensor.zeros(2, 3), new int[] {0}, CrossEntropy.Options.DEFAULT));
    assertEquals(0f, CrossEntropy.loss(Tensor.zeros(2, 3), new int[] {-100, -100},
        CrossEntropy.Options.DEFAULT).item(), "nothing counted");
  }

  @Test
  void regressionAndBinaryLossesMatchTheirDefinitions() {
    Tensor x = Tensor.of(new float[] {1f, -2f, 0.5f, 3f}, 4);
    float[] y = {0f, 0f, 1f, 1f};
    assertEquals((1 + 4 + 0.25 + 4) / 4, ElementwiseLoss.mse(x, y, null).item(), 1e-6);
    assertEquals((1 + 2 + 0.5 + 2) / 4, ElementwiseLoss.mae(x, y, null).item(), 1e-6);
    double bce = 0;
    for (int i = 0; i < 4; i++) {
      double p = 1 / (1 + Math.exp(-x.data()[i]));
      bce += -(y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p));
    }
    assertEquals(bce / 4, ElementwiseLoss.binaryCrossEntropyWithLogits(x, y, null).item(), 1e-6);
    assertEquals(0f, ElementwiseLoss.binaryCrossEntropyWithLogits(
        Tensor.of(new float[] {100f}, 1), new float[] {1f}, null).item(), 1e-6f, "stable");
  }

  @Test
  void elementwiseLossGradientsWithLengths() {
    float[] y = new float[2 * 3 * 2];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) rng.nextDouble();
    }
    int[] lengths = {3, 1};
    GradientCheck.check("mse", x -> ElementwiseLoss.mse(x[0], y, lengths), param(2, 3, 2));
    Tensor awayFromKink = Tensor.zeros(2, 3, 2); // |x − y| ≥ 0.1: MAE has a kink at x = y
    for (int i = 0; i < y.length; i++) {
      float offset = (float) (0.1 + rng.nextDouble());
      awayFromKink.data()[i] = y[i] + (i % 2 == 0 ? offset : -offset);
    }
    GradientCheck.check("mae", x -> ElementwiseLoss.mae(x[0], y, lengths),
        awayFromKink.requiresGrad(true));
    GradientCheck.check("bce",
        x -> ElementwiseLoss.binaryCrossEntropyWithLogits(x[0], y, lengths), param(2, 3, 2));
    float masked = ElementwiseLoss.mse(Tensor.of(new float[] {1, 1, 9, 9}, 2, 2, 1),
        new float[] {0, 0, 0, 0}, new int[] {2, 0}).item();
    assertEquals(1f, masked, "only the two real steps count");
  }
}
