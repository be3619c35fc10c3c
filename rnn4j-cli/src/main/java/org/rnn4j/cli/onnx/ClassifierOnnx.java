package org.rnn4j.cli.onnx;

import static org.rnn4j.cli.onnx.OnnxGraph.FLOAT;
import static org.rnn4j.cli.onnx.OnnxGraph.attribute;
import static org.rnn4j.cli.onnx.OnnxGraph.ints;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.cli.onnx.proto.OnnxModel.Model;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.tensor.Tensor;

/**
 * A sequence classifier ({@link Classifier#forward}) as an ONNX graph:
 *
 * <pre>
 * inputs   ids (B, T) int64 or features (B, T, F) float; lengths (B) int32
 * x (T, B, I) → recurrent layers → y (T, B, D·H), h_n (L·D, B, H)
 * s = pool: LAST  h_n of the top layer, directions side by side      (B, D·H)
 *           MEAN  Σ_{t &lt; n} y⟨t⟩ / n      MAX  max_{t &lt; n} y⟨t⟩
 * outputs  logits = s·W_fcᵀ + b_fc (B, C), probabilities = softmax(logits) (B, C)
 * </pre>
 * Dropout does nothing at inference, so it has no node.
 */
final class ClassifierOnnx {
  private ClassifierOnnx() {}

  /**
   * @param model the model
   * @param producerVersion rnn4j's version
   * @return the ONNX model
   */
  static Model export(Classifier model, String producerVersion) {
    ClassifierConfig config = model.config();
    RecurrentSpec spec = config.recurrent();
    Map<String, Tensor> p = model.parameters();
    OnnxGraph g = new OnnxGraph("rnn4j_classify");
    String x = config.input().tokens() ? SequenceInput.tokens(g, p, "embedding")
        : SequenceInput.features(g, config.input().size());
    RecurrentOnnx.Result rnn = RecurrentOnnx.append(g, "rnn", p, spec, x, "lengths",
        Optional.empty());
    String pooled = switch (config.pooling()) {
      case LAST -> last(g, rnn.states().h(), spec);
      case MEAN -> mean(g, rnn.y());
      case MAX -> max(g, rnn.y());
    };
    Dense.append(g, "fc", p, pooled, "logits");
    g.node("Softmax", "probabilities", List.of("logits"), attribute("axis", -1));
    g.output("logits", FLOAT, "batch", config.classes());
    g.output("probabilities", FLOAT, "batch", config.classes());
    return g.model("rnn4j classifier: " + spec.cell().name().toLowerCase() + ", "
        + config.pooling().name().toLowerCase() + " pooling, classes " + config.labels(),
        producerVersion, config.toJson().toString());
  }

  /** h_n (L·D, B, H) → the top layer's rows (D, B, H) → (B, D, H) → (B, D·H). */
  private static String last(OnnxGraph g, String hn, RecurrentSpec spec) {
    int d = spec.directions();
    int top = (spec.layers() - 1) * d;
    String rows = RecurrentOnnx.slice(g, hn, "top_h", top, d);
    String batchFirst = g.node("Transpose", "top_h_b", List.of(rows), ints("perm", 1, 0, 2));
    return g.node("Reshape", "pooled", List.of(batchFirst,
        g.constant("pooled_shape", new long[] {0, (long) d * spec.hiddenSize()}, 2)));
  }

  /** Σ over real steps / n: (T, B, X) → (B, X). */
  private static String mean(OnnxGraph g, String y) {
    String masked = g.node("Where", "y_masked", List.of(SequenceInput.mask(g, y), y,
        g.constant("zero_f", new float[] {0f})));
    String sum = g.node("ReduceSum", "y_sum", List.of(masked,
        g.constant("axis_0", new long[] {0}, 1)), attribute("keepdims", 0));
    String n = g.node("Unsqueeze", "n", List.of(
        g.node("Cast", "lengths_f", List.of("lengths"), attribute("to", FLOAT)),
        g.constant("axis_1", new long[] {1}, 1))); // (B, 1)
    return g.node("Div", "pooled", List.of(sum, n));
  }

  /** max over real steps: (T, B, X) → (B, X). */
  private static String max(OnnxGraph g, String y) {
    String masked = g.node("Where", "y_masked", List.of(SequenceInput.mask(g, y), y,
        g.constant("minus_infinity", new float[] {Float.NEGATIVE_INFINITY})));
    return g.node("ReduceMax", "pooled", List.of(masked), ints("axes", 0),
        attribute("keepdims", 0));
  }
}
