package org.rnn4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.Fixture;

/**
 * Clipping equals PyTorch's clip_grad_norm_ and clip_grad_value_ on clip.safetensors (written by
 * tools/fixtures/make_optimizer_fixtures.py; float32 in PyTorch, whose norm is summed per tensor
 * in float32, so 1e−6 relative), and handles zero, missing and non-finite gradients.
 */
class GradientClippingTest {
  private static final int TENSORS = 3;

  private static List<Tensor> withGradients(float[]... grads) {
    List<Tensor> params = new ArrayList<>();
    for (float[] g : grads) {
      Tensor p = Tensor.zeros(g.length);
      Grads.set(p, g);
      params.add(p);
    }
    return params;
  }

  private static List<Tensor> fromFixture(Fixture f, String kase) {
    List<Tensor> params = new ArrayList<>();
    for (int i = 0; i < TENSORS; i++) {
      Tensor before = f.tensor(kase + ".before." + i);
      Tensor p = Tensor.zeros(before.shape());
      Grads.set(p, before.data());
      params.add(p);
    }
    return params;
  }

  @ParameterizedTest
  @ValueSource(strings = {"norm_clipped", "norm_unchanged"})
  void clipByGlobalNormMatchesPyTorchFixture(String kase) throws IOException {
    Fixture f = Fixture.load("optim/clip.safetensors");
    List<Tensor> params = fromFixture(f, kase);
    double expectedNorm = Double.parseDouble(f.meta(kase + ".total_norm"));
    double norm = GradientClipping.clipByGlobalNorm(params,
        Double.parseDouble(f.meta(kase + ".limit")));
    assertEquals(expectedNorm, norm, 1e-6 * expectedNorm);
    for (int i = 0; i < TENSORS; i++) {
      f.assertClose(kase + ".after." + i, params.get(i).grad(), 1e-6, 1e-3);
    }
  }

  @Test
  void clipByValueMatchesPyTorchFixture() throws IOException {
    Fixture f = Fixture.load("optim/clip.safetensors");
    List<Tensor> params = fromFixture(f, "value");
    GradientClipping.clipByValue(params, Double.parseDouble(f.meta("value.limit")));
    for (int i = 0; i < TENSORS; i++) {
      f.assertClose("value.after." + i, params.get(i).grad(), 0, 1);
    }
  }

  @Test
  void normIsTakenOverAllTensorsAndReturnedBeforeClipping() {
    List<Tensor> params = withGradients(new float[] {3f}, new float[] {0f, 4f});
    assertEquals(5.0, GradientClipping.globalNorm(params));
    assertEquals(5.0, GradientClipping.clipByGlobalNorm(params, 1.0));
    double scale = 1.0 / (5.0 + 1e-6);
    assertArrayEquals(new float[] {(float) (3 * scale)}, params.get(0).grad().data(), 0f);
    assertArrayEquals(new float[] {0f, (float) (4 * scale)}, params.get(1).grad().data(), 0f);
  }

  @Test
  void zeroGradientsGiveZeroNormAndStayZero() {
    List<Tensor> params = withGradients(new float[3], new float[2]);
    assertEquals(0.0, GradientClipping.clipByGlobalNorm(params, 1.0));
    assertArrayEquals(new float[3], params.get(0).grad().data(), 0f);
    assertEquals(0.0, GradientClipping.globalNorm(List.of()));
  }

  @Test
  void parametersWithoutGradientAreIgnored() {
    List<Tensor> params = withGradients(new float[] {6f, 8f});
    params.add(Tensor.ones(4));
    assertEquals(10.0, GradientClipping.clipByGlobalNorm(params, 20.0));
    GradientClipping.clipByValue(params, 1.0);
    assertArrayEquals(new float[] {1f, 1f}, params.get(0).grad().data(), 0f);
    assertTrue(!params.get(1).hasGrad());
  }

  @Test
  void nonFiniteNormIsReturnedAndGradientsAreLeftAlone() {
    List<Tensor> nan = withGradients(new float[] {1f, Float.NaN}, new float[] {100f});
    assertTrue(Double.isNaN(GradientClipping.clipByGlobalNorm(nan, 1.0)));
    assertArrayEquals(new float[] {100f}, nan.get(1).grad().data(), 0f);
    List<Tensor> inf = withGradients(new float[] {Float.POSITIVE_INFINITY, 2f});
    assertEquals(Double.POSITIVE_INFINITY, GradientClipping.clipByGlobalNorm(inf, 1.0));
    assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, 2f}, inf.get(0).grad().data(), 0f);
  }

  @Test
  void normOfLargeFloatsDoesNotOverflow() {
    List<Tensor> params = withGradients(new float[] {3e30f, 4e30f});
    assertEquals(5e30, GradientClipping.globalNorm(params), 1e24);
  }

  @Test
  void clipByValueKeepsNanAndClampsInfinities() {
    List<Tensor> params = withGradients(new float[] {Float.NaN, Float.NEGATIVE_INFINITY, 0.2f});
    GradientClipping.clipByValue(params, 0.5);
    assertArrayEquals(new float[] {Float.NaN, -0.5f, 0.2f}, params.get(0).grad().data(), 0f);
  }

  @Test
  void badLimitsAreRejectedByName() {
    List<Tensor> params = withGradients(new float[] {1f});
    IllegalArgumentException norm = assertThrows(IllegalArgumentException.class,
        () -> GradientClipping.clipByGlobalNorm(params, 0));
    assertTrue(norm.getMessage().startsWith("maxNorm "), norm.getMessage());
    IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
        () -> GradientClipping.clipByValue(params, -1));
    assertTrue(value.getMessage().startsWith("clip "), value.getMessage());
  }
}
