package org.rnn4j.tensor;

import static org.rnn4j.testing.GradientCheck.check;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A finite-difference gradient check for every op. */
class OpsGradientTest {
  private final SplittableRandom rng = new SplittableRandom(11);

  private Tensor param(int... shape) {
    return Tensor.uniform(rng, -1f, 1f, shape).requiresGrad(true);
  }

  /** Values in [lo, hi) or in (−hi, −lo]: away from zero, for div, log and relu. */
  private Tensor awayFromZero(float lo, float hi, boolean positiveOnly, int... shape) {
    Tensor t = Tensor.uniform(rng, lo, hi, shape);
    if (!positiveOnly) {
      float[] d = t.data();
      for (int i = 0; i < d.length; i += 2) {
        d[i] = -d[i];
      }
    }
    return t.requiresGrad(true);
  }

  @Test
  void addSameShapeBiasRowAndScalar() {
    check("add", x -> x[0].add(x[1]), param(2, 3, 4), param(2, 3, 4));
    check("add bias", x -> x[0].add(x[1]), param(2, 3, 4), param(4));
    check("add bias on the left", x -> x[1].add(x[0]), param(3, 4), param(2, 3, 4));
    check("add scalar tensor", x -> x[0].add(x[1]), param(5, 2), param(1));
    check("add constant", x -> x[0].add(0.5f), param(3, 2));
  }

  @Test
  void subMulDivWithBroadcasting() {
    check("sub", x -> x[0].sub(x[1]), param(4, 3), param(3));
    check("sub left broadcast", x -> x[1].sub(x[0]), param(3), param(4, 3));
    check("mul", x -> x[0].mul(x[1]), param(2, 5), param(2, 5));
    check("mul bias", x -> x[0].mul(x[1]), param(3, 2, 5), param(2, 5));
    check("mul constant", x -> x[0].mul(-1.5f), param(4));
    check("div", x -> x[0].div(x[1]), param(3, 4), awayFromZero(0.5f, 2f, false, 3, 4));
    check("div bias", x -> x[0].div(x[1]), param(2, 3, 4), awayFromZero(0.5f, 2f, false, 4));
    check("div left broadcast", x -> x[1].div(x[0]), awayFromZero(0.5f, 2f, false, 4),
        param(3, 4));
  }

  @Test
  void activations() {
    check("tanh", x -> x[0].tanh(), Tensor.uniform(rng, -3f, 3f, 4, 5).requiresGrad(true));
    check("sigmoid", x -> x[0].sigmoid(), Tensor.uniform(rng, -4f, 4f, 4, 5).requiresGrad(true));
    check("relu", x -> x[0].relu(), awayFromZero(0.1f, 2f, false, 4, 5));
    check("exp", x -> x[0].exp(), param(3, 4));
    check("log", x -> x[0].log(), awayFromZero(0.5f, 3f, true, 3, 4));
  }

  @Test
  void matmulTwoAndThreeDimensional() {
    check("matmul 2-D", x -> x[0].matmul(x[1]), param(3, 4), param(4, 5));
    check("matmul (B,T,K)x(K,N)", x -> x[0].matmul(x[1]), param(2, 3, 4), param(4, 5));
    check("matmul row vector", x -> x[0].matmul(x[1]), param(1, 7), param(7, 1));
    check("matmulT 2-D", x -> x[0].matmulT(x[1]), param(3, 4), param(5, 4));
    check("matmulT (B,T,K)", x -> x[0].matmulT(x[1]), param(2, 3, 4), param(6, 4));
  }

  @Test
  void softmaxAndLogSoftmaxOnTheLastAxis() {
    check("softmax", x -> x[0].softmax(), Tensor.uniform(rng, -2f, 2f, 3, 5).requiresGrad(true));
    check("softmax 3-D", x -> x[0].softmax(), param(2, 2, 4));
    check("logSoftmax", x -> x[0].logSoftmax(),
        Tensor.uniform(rng, -2f, 2f, 3, 5).requiresGrad(true));
    check("logSoftmax 3-D", x -> x[0].logSoftmax(), param(2, 3, 4));
  }

  @Test
  void sumsAndMeans() {
    check("sum", x -> x[0].sum(), param(3, 4));
    check("mean", x -> x[0].mean(), param(3, 4));
    for (int axis = -1; axis < 3; axis++) {
      int a = axis;
      check("sum axis " + a, x -> x[0].sum(a), param(2, 3, 4));
      check("mean axis " + a, x -> x[0].mean(a), param(2, 3, 4));
    }
  }

  @Test
  void reshapeAndTranspose() {
    check("reshape", x -> x[0].reshape(4, -1).mul(x[1]), param(2, 3, 2), param(4, 3));
    check("transpose", x -> x[0].transpose().matmul(x[1]), param(3, 4), param(3, 2));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void sliceAndConcatAlongEachAxis(int axis) {
    check("slice axis " + axis, x -> x[0].slice(axis, 1, 3), param(3, 4, 5));
    check("concat axis " + axis, x -> Tensor.concat(axis, x[0], x[1], x[2]),
        param(3, 4, 5), param(3, 4, 5), param(3, 4, 5));
  }

  @Test
  void concatOfUnequalPartsWithAConstantPart() {
    Tensor constant = Tensor.uniform(rng, -1f, 1f, 2, 1);
    check("concat", x -> Tensor.concat(1, x[0], x[1], x[2]), param(2, 3), constant, param(2, 2));
  }

  @Test
  void embeddingScatterAddsRepeatedIds() {
    int[] ids = {0, 3, 3, 1, 0, 2};
    check("embedding", x -> Tensor.embedding(x[0], ids, 2, 3), param(4, 5));
  }

  @Test
  void dropoutWithAFixedSeed() {
    check("dropout", x -> x[0].dropout(0.4f, new SplittableRandom(5)), param(6, 7));
  }

  @Test
  void aThreeStepVanillaRnnThroughTheGraph() {
    // a<t> = tanh(x<t>·Waxᵀ + a<t−1>·Waaᵀ + b), loss over all steps
    Tensor xs = param(2, 3, 4); // (B, T, I)
    check("rnn unrolled", p -> {
      Tensor a = Tensor.zeros(2, 5);
      Tensor out = null;
      for (int t = 0; t < 3; t++) {
        Tensor xt = p[0].slice(1, t, t + 1).reshape(2, 4);
        a = xt.matmulT(p[1]).add(a.matmulT(p[2])).add(p[3]).tanh();
        out = out == null ? a : Tensor.concat(1, out, a);
      }
      return out;
    }, xs, param(5, 4), param(5, 5), param(5));
  }
}
