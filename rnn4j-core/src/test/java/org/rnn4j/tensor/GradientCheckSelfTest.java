package org.rnn4j.tensor;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.testing.GradientCheck;

/** The gradient check must fail on a wrong gradient, so that its passes mean something. */
class GradientCheckSelfTest {

  /** y = x², with a backward that is wrong by the given factor. */
  private static Tensor square(Tensor x, float factor) {
    float[] y = new float[x.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = x.data()[i] * x.data()[i];
    }
    return Tensor.result(y, x.shape(), dy -> {
      float[] dx = x.gradBuffer();
      for (int i = 0; i < dy.length; i++) {
        dx[i] += factor * 2 * x.data()[i] * dy[i];
      }
    }, x);
  }

  @Test
  void passesACorrectGradient() {
    Tensor x = Tensor.uniform(new SplittableRandom(1), -1f, 1f, 3, 4).requiresGrad(true);
    GradientCheck.check("square", in -> square(in[0], 1f), x);
  }

  @Test
  void failsAGradientOffByFivePercentAndNamesTheWorstElement() {
    Tensor x = Tensor.uniform(new SplittableRandom(1), 1f, 2f, 3, 4).requiresGrad(true);
    AssertionError e = assertThrows(AssertionError.class,
        () -> GradientCheck.check("square", in -> square(in[0], 1.05f), x));
    assertTrue(e.getMessage().contains("input 0 index ["), e.getMessage());
  }

  @Test
  void failsWhenNothingRequiresGrad() {
    Tensor x = Tensor.ones(2);
    assertThrows(AssertionError.class, () -> GradientCheck.check("none", in -> in[0].tanh(), x));
  }
}
