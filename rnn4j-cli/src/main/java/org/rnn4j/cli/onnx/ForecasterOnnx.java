package org.rnn4j.cli.onnx;

import static org.rnn4j.cli.onnx.OnnxGraph.FLOAT;
import static org.rnn4j.cli.onnx.OnnxGraph.ints;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.cli.onnx.proto.OnnxModel.Model;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.forecast.Forecaster;
import org.rnn4j.task.forecast.ForecasterConfig;
import org.rnn4j.tensor.Tensor;

/**
 * A forecaster's network ({@link Forecaster#forward}) as an ONNX graph, on normalised values:
 *
 * <pre>
 * inputs   history (B, T, F) float, normalised; lengths (B) int32: each window ends at its length
 * → recurrent layers → s = h_n of the top layer (B, H)
 * outputs  forecast ẑ = reshape(s·W_fcᵀ + b_fc) (B, S, F), the next S normalised steps
 * </pre>
 * The series transform (log, log(1 + x), differencing) and the normaliser are not in the graph:
 * they depend on each series' own raw values. Their fitted parameters are in the model's
 * config, kept in the ONNX model's metadata ({@value OnnxGraph#CONFIG_KEY}).
 */
final class ForecasterOnnx {
  private ForecasterOnnx() {}

  /**
   * @param model the network
   * @param producerVersion rnn4j's version
   * @return the ONNX model
   */
  static Model export(Forecaster model, String producerVersion) {
    ForecasterConfig config = model.config();
    RecurrentSpec spec = config.recurrent();
    Map<String, Tensor> p = model.parameters();
    int f = config.features();
    int s = config.outputSteps();
    OnnxGraph g = new OnnxGraph("rnn4j_forecast");
    g.input("history", FLOAT, "batch", "time", f);
    g.input("lengths", OnnxGraph.INT32, "batch");
    String x = g.node("Transpose", "x", List.of("history"), ints("perm", 1, 0, 2));
    RecurrentOnnx.Result rnn = RecurrentOnnx.append(g, "rnn", p, spec, x, "lengths",
        Optional.empty());
    int top = spec.layers() - 1;
    String last = g.node("Squeeze", "last", List.of(RecurrentOnnx.slice(g, rnn.states().h(),
        "top_h", top, 1), g.constant("axis_0", new long[] {0}, 1)));
    String flat = Dense.append(g, "fc", p, last, "forecast_flat"); // (B, S·F)
    g.node("Reshape", "forecast", List.of(flat,
        g.constant("forecast_shape", new long[] {0, s, f}, 3)));
    g.output("forecast", FLOAT, "batch", s, f);
    return g.model("rnn4j forecaster on normalised values: " + spec.cell().name().toLowerCase()
        + ", " + spec.layers() + " layer(s) of " + spec.hiddenSize() + ", window "
        + config.window() + ", " + s + " step(s) of " + f + " feature(s)", producerVersion,
        config.toJson().toString());
  }
}
