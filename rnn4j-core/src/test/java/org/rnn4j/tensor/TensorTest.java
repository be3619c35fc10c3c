package org.rnn4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Creation, access, forward values and autograd semantics of tensors. */
class TensorTest {

  @Test
  void createsTensorsOfTheRequestedShape() {
    assertArrayEquals(new int[] {2, 3}, Tensor.zeros(2, 3).shape());
    assertEquals(6f, Tensor.ones(2, 3).sum().item());
    assertEquals(1, Tensor.scalar(4f).size());
    assertEquals(0, Tensor.scalar(4f).rank());
    assertEquals(2.5f, Tensor.full(2.5f, 4).get(3));
    Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertEquals(6f, t.get(1, 2));
    t.set(9f, 0, 1);
    assertEquals(9f, t.data()[1]);
  }

  @Test
  void seededRandomTensorsRepeatAndHaveTheRightMoments() {
    Tensor a = Tensor.normal(new SplittableRandom(3), 1f, 2f, 100, 100);
    Tensor b = Tensor.normal(new SplittableRandom(3), 1f, 2f, 100, 100);
    assertArrayEquals(a.data(), b.data());
    assertEquals(1f, a.mean().item(), 0.05f);
    float var = a.add(-1f).mul(a.add(-1f)).mean().item();
    assertEquals(4f, var, 0.2f);
    Tensor u = Tensor.uniform(new SplittableRandom(3), -2f, 3f, 10_000);
    for (float v : u.data()) {
      assertTrue(v >= -2f && v < 3f);
    }
    assertEquals(0.5f, u.mean().item(), 0.05f);
  }

  @Test
  void shapeErrorsNameTheArgumentExpectedAndActual() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.of(new float[5], 2, 3));
    assertTrue(e.getMessage().contains("expected 6, got 5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)));
    assertTrue(e.getMessage().contains("[4, 5]") && e.getMessage().contains("[2, 3]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.zeros(2, 3).add(Tensor.zeros(2)));
    assertTrue(e.getMessage().startsWith("add: shapes do not broadcast: a [2, 3], b [2]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(4, -1));
    assertTrue(e.getMessage().contains("requested [4, -1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).slice(1, 2, 4));
    assertTrue(e.getMessage().contains("[2, 4)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.concat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)));
    assertTrue(e.getMessage().contains("tensor 1 has [2, 4]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.embedding(Tensor.zeros(3, 2), new int[] {0, 3}, 2));
    assertTrue(e.getMessage().contains("got 3"), e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 3).get(2, 0));
  }

  @Test
  void matmulMatchesHandComputedProducts() {
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor b = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
    assertArrayEquals(new float[] {4, 5, 10, 11}, a.matmul(b).data());
    assertArrayEquals(new float[] {4, 5, 10, 11}, a.matmulT(b.transpose()).data());
    Tensor batched = a.reshape(1, 2, 3).matmul(b);
    assertArrayEquals(new int[] {1, 2, 2}, batched.shape());
  }

  @Test
  void softmaxRowsSumToOneAndSurviveLargeLogits() {
    Tensor x = Tensor.of(new float[] {1000f, 1001f, 1002f, -5f, 0f, 5f}, 2, 3);
    Tensor p = x.softmax();
    assertEquals(1f, p.slice(0, 0, 1).sum().item(), 1e-6f);
    assertEquals(1f, p.slice(0, 1, 2).sum().item(), 1e-6f);
    Tensor logP = x.logSoftmax();
    for (int i = 0; i < 6; i++) {
      assertEquals(Math.log(p.data()[i]), logP.data()[i], 1e-5);
    }
    assertEquals(-0.40760596f, logP.get(0, 2), 1e-6f);
  }

  @Test
  void sliceAndConcatAreInverse() {
    Tensor x = Tensor.uniform(new SplittableRandom(2), -1f, 1f, 3, 4, 5);
    for (int axis = 0; axis < 3; axis++) {
      int len = x.dim(axis);
      Tensor joined = Tensor.concat(axis, x.slice(axis, 0, 1), x.slice(axis, 1, len));
      assertArrayEquals(x.data(), joined.data());
    }
    assertEquals(x.get(2, 1, 3), x.slice(1, 1, 2).get(2, 0, 3));
  }

  @Test
  void reductionsOverAnAxis() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new float[] {5, 7, 9}, x.sum(0).data());
    assertArrayEquals(new float[] {2, 5}, x.mean(-1).data());
    assertArrayEquals(new int[] {2}, x.sum(1).shape());
  }

  @Test
  void dropoutKeepsTheExpectationAndIsSeeded() {
    Tensor x = Tensor.ones(100_000);
    Tensor y = x.dropout(0.3f, new SplittableRandom(9));
    assertEquals(1f, y.mean().item(), 0.02f);
    int zeros = 0;
    for (float v : y.data()) {
      zeros += v == 0f ? 1 : 0;
    }
    assertEquals(0.3, zeros / 100_000.0, 0.01);
    assertArrayEquals(y.data(), x.dropout(0.3f, new SplittableRandom(9)).data());
    assertSame(x, x.dropout(0f, new SplittableRandom(9)));
    assertThrows(IllegalArgumentException.class, () -> x.dropout(1f, new SplittableRandom(9)));
  }

  @Test
  void leafGradientsAccumulateOverBackwardCalls() {
    Tensor w = Tensor.of(new float[] {2f, 3f}, 2).requiresGrad(true);
    Tensor loss = w.mul(w).sum(); // d/dw = 2w
    loss.backward();
    assertArrayEquals(new float[] {4f, 6f}, w.grad().data());
    loss.backward();
    assertArrayEquals(new float[] {8f, 12f}, w.grad().data());
    w.zeroGrad();
    assertArrayEquals(new float[] {0f, 0f}, w.grad().data());
  }

  @Test
  void aTensorUsedTwiceReceivesBothGradients() {
    Tensor x = Tensor.of(new float[] {3f}, 1).requiresGrad(true);
    Tensor h = x.tanh();
    h.add(h.mul(2f)).sum().backward(); // d/dx of 3·tanh(x)
    double expected = 3 * (1 - Math.pow(Math.tanh(3), 2));
    assertEquals(expected, x.grad().item(), 1e-6);
  }

  @Test
  void intermediateGradientsLiveOnlyDuringTheBackwardPass() {
    Tensor x = Tensor.of(new float[] {0.5f, -1f, 2f}, 3).requiresGrad(true);
    Tensor h = x.tanh();
    Tensor loss = h.mul(h).sum(); // d/dx = 2·tanh(x)·(1 − tanh²(x))
    loss.backward();
    assertFalse(h.hasGrad());
    IllegalStateException e = assertThrows(IllegalStateException.class, h::grad);
    assertTrue(e.getMessage().contains("exists only during backward()"), e.getMessage());
    float[] first = x.grad().data().clone();
    for (int i = 0; i < 3; i++) {
      double t = Math.tanh(x.data()[i]);
      assertEquals(2 * t * (1 - t * t), first[i], 1e-6);
    }
    // the same graph again reuses the buffers given back by the first pass, dirty: the result
    // must not notice
    x.zeroGrad();
    x.tanh().mul(3f).exp().sum().backward(); // a different graph of the same sizes
    x.zeroGrad();
    loss.backward();
    assertArrayEquals(first, x.grad().data());
  }

  @Test
  void eachResultOfAMultiResultOpSendsItsGradientToTheOneBackwardStep() {
    // y0 = 2x (3), y1 = x0·x1 (1): one op, two results
    Tensor x = Tensor.of(new float[] {1.5f, -2f, 0.5f}, 3).requiresGrad(true);
    float[][] seen = new float[2][];
    CustomOp.MultiBackward backward = (dOuts, grads) -> {
      seen[0] = dOuts[0] == null ? null : dOuts[0].clone();
      seen[1] = dOuts[1] == null ? null : dOuts[1].clone();
      float[] dx = grads.buffer(0);
      for (int i = 0; i < 3; i++) {
        dx[i] += 2f * dOuts[0][i];
      }
      if (dOuts[1] != null) {
        dx[0] += dOuts[1][0] * x.data()[1];
        dx[1] += dOuts[1][0] * x.data()[0];
      }
    };
    float[] d = x.data();
    Tensor[] y = CustomOp.recordAll(
        new float[][] {{2 * d[0], 2 * d[1], 2 * d[2]}, {d[0] * d[1]}}, new int[][] {{3}, {1}},
        backward, x);
    y[0].sum().add(y[1].mul(5f).sum()).backward();
    assertArrayEquals(new float[] {1f, 1f, 1f}, seen[0]);
    assertArrayEquals(new float[] {5f}, seen[1]);
    assertArrayEquals(new float[] {2f + 5f * -2f, 2f + 5f * 1.5f, 2f}, x.grad().data());

    x.zeroGrad(); // only the first result in the loss: the second's gradient is null
    Tensor[] again = CustomOp.recordAll(
        new float[][] {{2 * d[0], 2 * d[1], 2 * d[2]}, {d[0] * d[1]}}, new int[][] {{3}, {1}},
        backward, x);
    again[0].sum().backward();
    assertNull(seen[1]);
    assertArrayEquals(new float[] {2f, 2f, 2f}, x.grad().data());

    x.zeroGrad(); // only the second: the first's gradient is zeros
    again = CustomOp.recordAll(
        new float[][] {{2 * d[0], 2 * d[1], 2 * d[2]}, {d[0] * d[1]}}, new int[][] {{3}, {1}},
        backward, x);
    again[1].sum().backward();
    assertArrayEquals(new float[] {0f, 0f, 0f}, seen[0]);
    assertArrayEquals(new float[] {-2f, 1.5f, 0f}, x.grad().data());
  }

  @Test
  void noGradScopeRecordsNothing() {
    Tensor w = Tensor.ones(2).requiresGrad(true);
    try (NoGrad scope = NoGrad.enter()) {
      assertTrue(NoGrad.isActive());
      Tensor y = w.mul(w).sum();
      assertFalse(y.requiresGrad());
      assertThrows(IllegalStateException.class, y::backward);
    }
    assertFalse(NoGrad.isActive());
    assertTrue(w.mul(w).sum().requiresGrad());
  }

  @Test
  void detachCutsTheGraph() {
    Tensor w = Tensor.ones(2).requiresGrad(true);
    Tensor h = w.mul(3f).detach();
    assertFalse(h.requiresGrad());
    assertTrue(h.isLeaf());
    h.requiresGrad(true).sum().backward();
    assertFalse(w.hasGrad());
  }

  @Test
  void backwardNeedsAScalarThatRequiresGrad() {
    Tensor w = Tensor.ones(2).requiresGrad(true);
    assertThrows(IllegalStateException.class, () -> w.mul(2f).backward());
    assertThrows(IllegalStateException.class, () -> Tensor.ones(1).backward());
    assertThrows(IllegalStateException.class, () -> w.mul(2f).requiresGrad(false));
    assertThrows(IllegalStateException.class, () -> Tensor.ones(2).grad());
  }

  @Test
  void aGraphTwentyThousandOpsDeepDoesNotOverflowTheStack() {
    Tensor x = Tensor.of(new float[] {0.5f}, 1).requiresGrad(true);
    Tensor h = x;
    for (int i = 0; i < 20_000; i++) {
      h = h.mul(1f);
    }
    h.sum().backward();
    assertEquals(1f, x.grad().item());
  }
}
