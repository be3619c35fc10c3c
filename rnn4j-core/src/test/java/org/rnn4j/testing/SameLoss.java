package org.rnn4j.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.Tensor;

/**
 * Checks that two ways of computing a model's loss agree: the value and the gradient of every
 * parameter, each element within {@code rtol} of the largest magnitude of its expected tensor.
 */
public final class SameLoss {
  private SameLoss() {}

  /**
   * @param model the model whose parameters both losses depend on
   * @param expected computes the reference loss (a scalar that requires gradients)
   * @param actual computes the loss under test
   * @param rtol tolerance relative to each tensor's largest magnitude
   * @throws AssertionError naming the first tensor and element that differ
   */
  public static void assertSame(Module model, Supplier<Tensor> expected,
      Supplier<Tensor> actual, double rtol) {
    Map<String, float[]> want = lossAndGradients(model, expected);
    Map<String, float[]> got = lossAndGradients(model, actual);
    for (Map.Entry<String, float[]> e : want.entrySet()) {
      assertClose(e.getKey(), e.getValue(), got.get(e.getKey()), rtol);
    }
  }

  private static Map<String, float[]> lossAndGradients(Module model, Supplier<Tensor> loss) {
    model.zeroGrad();
    Tensor value = loss.get();
    value.backward();
    Map<String, float[]> out = new LinkedHashMap<>();
    out.put("loss", new float[] {value.item()});
    model.parameters().forEach((name, p) -> out.put(name,
        p.hasGrad() ? p.grad().data().clone() : new float[p.size()]));
    return out;
  }

  private static void assertClose(String what, float[] expected, float[] actual, double rtol) {
    double scale = 0;
    for (float x : expected) {
      scale = Math.max(scale, Math.abs(x));
    }
    for (int i = 0; i < expected.length; i++) {
      if (!(Math.abs(expected[i] - actual[i]) <= rtol * scale)) {
        throw new AssertionError(String.format("%s at flat index %d: expected %.8g, got %.8g"
            + " (allowed %.2g)", what, i, expected[i], actual[i], rtol * scale));
      }
    }
  }
}
