package org.rnn4j.cli.onnx;

import static org.rnn4j.cli.onnx.OnnxGraph.attribute;
import static org.rnn4j.cli.onnx.OnnxGraph.ints;
import static org.rnn4j.cli.onnx.OnnxGraph.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.cli.onnx.proto.OnnxModel;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.tensor.Tensor;

/**
 * A stacked recurrent layer ({@link org.rnn4j.nn.recurrent.Recurrent}) as ONNX's own RNN, GRU and
 * LSTM operators, one node per layer, with the weights reordered from PyTorch's gate order (which
 * rnn4j keeps) to ONNX's:
 *
 * <pre>
 * LSTM  rnn4j i, f, g, o   →  ONNX i, o, f, c
 * GRU   rnn4j r, z, n      →  ONNX z, r, h     (linear_before_reset = 1: n = tanh(W_n·x + b_in
 *                                               + r ⊙ (R_n·h + b_hn)), as rnn4j computes it)
 * RNN   one gate; activation Tanh or Relu
 * W (D, G·H, I), R (D, G·H, H), B (D, 2·G·H) = [b_ih; b_hh] per direction (forward, reverse)
 * </pre>
 *
 * <p>Values are time-major: x (T, B, I) in, y (T, B, D·H) out; sequence_lens (B, int32) makes
 * each sequence stop at its length (the reverse direction starts at its last real step), and
 * the states h⟨0⟩, c⟨0⟩ and the final ones are (L·D, B, H) as in {@link
 * org.rnn4j.nn.recurrent.RecurrentState}.
 */
final class RecurrentOnnx {
  private RecurrentOnnx() {}

  /** The graph values of the layer's final states: h (L·D, B, H) and, for the LSTM, c. */
  record States(String h, Optional<String> c) {}

  /** The layer's output and final states. */
  record Result(String y, States states) {}

  /**
   * Appends the layers.
   *
   * @param g the graph
   * @param name the layer's parameter prefix, e.g. "rnn"
   * @param parameters the model's parameters by name
   * @param spec cell, H, L, directions
   * @param x (T, B, I) float
   * @param lengths (B) int32
   * @param initial h⟨0⟩ and c⟨0⟩ (L·D, B, H), or empty for zeros
   * @return y (T, B, D·H) and the final states
   */
  static Result append(OnnxGraph g, String name, Map<String, Tensor> parameters,
      RecurrentSpec spec, String x, String lengths, Optional<States> initial) {
    int h = spec.hiddenSize();
    int d = spec.bidirectional() ? 2 : 1;
    boolean lstm = spec.cell() == CellKind.LSTM;
    List<String> hs = new ArrayList<>();
    List<String> cs = new ArrayList<>();
    String input = x;
    for (int layer = 0; layer < spec.layers(); layer++) {
      String at = name + "_l" + layer;
      String w = g.constant(at + "_W", stack(parameters, name, "weight_ih", layer, d, spec), d,
          (long) spec.cell().gates() * h,
          parameters.get(name + ".weight_ih_l" + layer).shape()[1]);
      String r = g.constant(at + "_R", stack(parameters, name, "weight_hh", layer, d, spec), d,
          (long) spec.cell().gates() * h, h);
      String b = g.constant(at + "_B", biases(parameters, name, layer, d, spec), d,
          2L * spec.cell().gates() * h);
      String h0 = "";
      String c0 = "";
      if (initial.isPresent()) {
        h0 = slice(g, initial.get().h(), at + "_h0", layer * d, d);
        c0 = lstm ? slice(g, initial.get().c().orElseThrow(), at + "_c0", layer * d, d) : "";
      }
      List<String> in = new ArrayList<>(List.of(input, w, r, b, lengths, h0));
      List<String> out = new ArrayList<>(List.of(at + "_Y", at + "_Yh"));
      if (lstm) {
        in.add(c0);
        out.add(at + "_Yc");
      }
      g.node(op(spec.cell()), out, in, attributes(spec));
      hs.add(out.get(1));
      if (lstm) {
        cs.add(out.get(2));
      }
      // (T, D, B, H) → (T, B, D, H) → (T, B, D·H)
      String yt = g.node("Transpose", at + "_Yt", List.of(out.get(0)), ints("perm", 0, 2, 1, 3));
      input = g.node("Reshape", at + "_y", List.of(yt,
          g.constant(at + "_shape", new long[] {0, 0, (long) d * h}, 3)));
    }
    String hn = concat(g, hs, name + "_hn");
    Optional<String> cn = lstm ? Optional.of(concat(g, cs, name + "_cn")) : Optional.empty();
    return new Result(input, new States(hn, cn));
  }

  private static String op(CellKind cell) {
    return switch (cell) {
      case LSTM -> "LSTM";
      case GRU -> "GRU";
      case RNN_TANH, RNN_RELU -> "RNN";
    };
  }

  private static OnnxModel.Attribute[] attributes(RecurrentSpec spec) {
    List<OnnxModel.Attribute> a = new ArrayList<>();
    a.add(attribute("hidden_size", spec.hiddenSize()));
    a.add(attribute("direction", spec.bidirectional() ? "bidirectional" : "forward"));
    switch (spec.cell()) {
      case GRU -> a.add(attribute("linear_before_reset", 1));
      case RNN_TANH -> a.add(directed(spec, "Tanh"));
      case RNN_RELU -> a.add(directed(spec, "Relu"));
      case LSTM -> { }
    }
    return a.toArray(OnnxModel.Attribute[]::new);
  }

  private static OnnxModel.Attribute directed(RecurrentSpec spec, String activation) {
    return spec.bidirectional() ? strings("activations", activation, activation)
        : strings("activations", activation);
  }

  /**
   * Rows start … start + count − 1 of a (L·D, B, H) state, e.g. one layer's (D, B, H).
   *
   * @return (count, B, H)
   */
  static String slice(OnnxGraph g, String state, String name, int start, int count) {
    return g.node("Slice", name, List.of(state,
        g.constant(name + "_starts", new long[] {start}, 1),
        g.constant(name + "_ends", new long[] {start + count}, 1),
        g.constant(name + "_axes", new long[] {0}, 1)));
  }

  private static String concat(OnnxGraph g, List<String> parts, String name) {
    return parts.size() == 1 ? g.node("Identity", name, parts)
        : g.node("Concat", name, parts, attribute("axis", 0));
  }

  /** W or R of one layer, both directions: (D, G·H, K), gates in ONNX's order. */
  private static float[] stack(Map<String, Tensor> p, String name, String kind, int layer, int d,
      RecurrentSpec spec) {
    List<float[]> parts = new ArrayList<>();
    int columns = 0;
    for (int dir = 0; dir < d; dir++) {
      Tensor t = p.get(name + "." + kind + "_l" + layer + (dir == 1 ? "_reverse" : ""));
      columns = t.shape()[1];
      parts.add(GateOrder.toOnnx(spec.cell(), t.data(), spec.hiddenSize(), columns));
    }
    return join(parts);
  }

  /** B of one layer: (D, 2·G·H), [b_ih; b_hh] per direction in ONNX's gate order. */
  private static float[] biases(Map<String, Tensor> p, String name, int layer, int d,
      RecurrentSpec spec) {
    List<float[]> parts = new ArrayList<>();
    for (int dir = 0; dir < d; dir++) {
      String suffix = "_l" + layer + (dir == 1 ? "_reverse" : "");
      for (String kind : new String[] {"bias_ih", "bias_hh"}) {
        parts.add(GateOrder.toOnnx(spec.cell(), p.get(name + "." + kind + suffix).data(),
            spec.hiddenSize(), 1));
      }
    }
    return join(parts);
  }

  private static float[] join(List<float[]> parts) {
    float[] out = new float[parts.stream().mapToInt(a -> a.length).sum()];
    int at = 0;
    for (float[] a : parts) {
      System.arraycopy(a, 0, out, at, a.length);
      at += a.length;
    }
    return out;
  }
}
