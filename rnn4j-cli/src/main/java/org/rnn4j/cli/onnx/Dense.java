package org.rnn4j.cli.onnx;

import java.util.List;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/** A {@link org.rnn4j.nn.Linear} layer as ONNX nodes: y = MatMul(x, Wᵀ) + b over the last axis. */
final class Dense {
  private Dense() {}

  /**
   * @param g the graph
   * @param name the layer's parameter prefix: {@code name.weight} (O, I), {@code name.bias} (O)
   * @param parameters the model's parameters
   * @param x (…, I)
   * @param output the name of y (…, O)
   * @return output
   */
  static String append(OnnxGraph g, String name, Map<String, Tensor> parameters, String x,
      String output) {
    Tensor w = parameters.get(name + ".weight");
    Tensor b = parameters.get(name + ".bias");
    int out = w.shape()[0];
    int in = w.shape()[1];
    String product = g.node("MatMul", name + "_xw", List.of(x,
        g.constant(name + "_weight_t", transpose(w), in, out)));
    return g.node("Add", output, List.of(product, g.constant(name + "_bias", b.data(), out)));
  }

  /**
   * @param w (R, C) row-major
   * @return wᵀ (C, R) row-major, a new array
   */
  static float[] transpose(Tensor w) {
    int rows = w.shape()[0];
    int cols = w.shape()[1];
    float[] t = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = w.data()[r * cols + c];
      }
    }
    return t;
  }
}
