package org.rnn4j.cli.onnx;

import static org.rnn4j.cli.onnx.OnnxGraph.FLOAT;
import static org.rnn4j.cli.onnx.OnnxGraph.ints;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.cli.onnx.proto.OnnxModel.Model;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.tensor.Tensor;

/**
 * A language model ({@link LanguageModel#forward}) as an ONNX graph with the state carried in
 * and out, so one graph serves both scoring whole sequences and generating step by step:
 *
 * <pre>
 * inputs   ids (B, T) int64, lengths (B) int32, h0 (L, B, H) [, c0 (L, B, H) for the LSTM]
 * x = Gather(E, ids)ᵀ (T, B, E) → recurrent layers (T, B, H) → logits = y·W_fcᵀ + b_fc
 * outputs  logits (B, T, V), hn (L, B, H) [, cn (L, B, H)]
 * </pre>
 *
 * Positions past a sequence's length hold the output layer applied to zeros; the state is that
 * after each sequence's last real step.
 */
final class LanguageModelOnnx {
  private LanguageModelOnnx() {}

  /**
   * @param model the model
   * @param producerVersion rnn4j's version
   * @return the ONNX model
   */
  static Model export(LanguageModel model, String producerVersion) {
    LanguageModelConfig config = model.config();
    RecurrentSpec spec = config.recurrent();
    Map<String, Tensor> p = model.parameters();
    boolean lstm = spec.cell() == CellKind.LSTM;
    int layers = spec.layers();
    OnnxGraph g = new OnnxGraph("rnn4j_lm");
    String x = SequenceInput.tokens(g, p, "embedding");
    g.input("h0", FLOAT, layers, "batch", spec.hiddenSize());
    if (lstm) {
      g.input("c0", FLOAT, layers, "batch", spec.hiddenSize());
    }
    RecurrentOnnx.Result rnn = RecurrentOnnx.append(g, "rnn", p, spec, x, "lengths",
        Optional.of(new RecurrentOnnx.States("h0", lstm ? Optional.of("c0") : Optional.empty())));
    String y = g.node("Transpose", "y", List.of(rnn.y()), ints("perm", 1, 0, 2));
    Dense.append(g, "fc", p, y, "logits");
    g.output("logits", FLOAT, "batch", "time", config.vocabularySize());
    g.node("Identity", "hn", List.of(rnn.states().h()));
    g.output("hn", FLOAT, layers, "batch", spec.hiddenSize());
    if (lstm) {
      g.node("Identity", "cn", List.of(rnn.states().c().orElseThrow()));
      g.output("cn", FLOAT, layers, "batch", spec.hiddenSize());
    }
    return g.model("rnn4j language model: " + spec.cell().name().toLowerCase() + ", "
        + layers + " layer(s) of " + spec.hiddenSize() + ", vocabulary "
        + config.vocabularySize(), producerVersion,
        config.toJson().toString());
  }
}
