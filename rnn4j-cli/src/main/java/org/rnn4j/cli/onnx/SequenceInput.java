package org.rnn4j.cli.onnx;

import static org.rnn4j.cli.onnx.OnnxGraph.FLOAT;
import static org.rnn4j.cli.onnx.OnnxGraph.INT32;
import static org.rnn4j.cli.onnx.OnnxGraph.INT64;
import static org.rnn4j.cli.onnx.OnnxGraph.attribute;
import static org.rnn4j.cli.onnx.OnnxGraph.ints;

import java.util.List;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * The inputs every sequence graph starts from, time-major for the recurrent operators, and the
 * mask of real steps:
 *
 * <pre>
 * tokens    ids (B, T) int64 → x = Gather(E, ids)ᵀ (T, B, E)
 * features  features (B, T, F) float → x (T, B, F)
 * lengths (B) int32;  mask[t, b] = t &lt; lengths[b]  (T, B, 1) bool
 * </pre>
 */
final class SequenceInput {
  private SequenceInput() {}

  /**
   * Declares ids (B, T) and lengths (B) and appends the embedding {@code name.weight}.
   *
   * @return x (T, B, E)
   */
  static String tokens(OnnxGraph g, Map<String, Tensor> parameters, String name) {
    return tokens(g, parameters, name, "ids", "lengths", "time");
  }

  /**
   * As {@link #tokens(OnnxGraph, Map, String)} with other names for the two inputs and the time
   * dimension.
   *
   * @return x (T, B, E)
   */
  static String tokens(OnnxGraph g, Map<String, Tensor> parameters, String name, String ids,
      String lengths, String time) {
    Tensor e = parameters.get(name + ".weight"); // (V, E)
    return tokens(g, name, e.data(), e.shape()[0], e.shape()[1], ids, lengths, time);
  }

  /**
   * Declares ids (B, T) and lengths (B) and appends the lookup of each id's row of a table.
   *
   * @param table (V, X) row-major
   * @return x (T, B, X)
   */
  static String tokens(OnnxGraph g, String name, float[] table, int rows, int width) {
    return tokens(g, name, table, rows, width, "ids", "lengths", "time");
  }

  private static String tokens(OnnxGraph g, String name, float[] table, int rows, int width,
      String ids, String lengths, String time) {
    g.input(ids, INT64, "batch", time);
    g.input(lengths, INT32, "batch");
    String embedded = g.node("Gather", "embedded", List.of(g.constant(name, table, rows, width),
        ids));
    return g.node("Transpose", "x", List.of(embedded), ints("perm", 1, 0, 2));
  }

  /**
   * Declares features (B, T, F) and lengths (B).
   *
   * @return x (T, B, F)
   */
  static String features(OnnxGraph g, int features) {
    g.input("features", FLOAT, "batch", "time", features);
    g.input("lengths", INT32, "batch");
    return g.node("Transpose", "x", List.of("features"), ints("perm", 1, 0, 2));
  }

  /**
   * The mask of real steps.
   *
   * @param x (T, B, …) any time-major value
   * @return mask (T, B, 1) bool
   */
  static String mask(OnnxGraph g, String x) {
    String shape = g.node("Shape", "x_shape", List.of(x));
    String time = g.node("Gather", "time", List.of(shape,
        g.constant("zero_index", new long[] {0}, 1)), attribute("axis", 0)); // (1)
    String steps = g.node("Range", "steps", List.of(g.constant("zero", new long[] {0}),
        g.node("Squeeze", "time_scalar", List.of(time)), g.constant("one", new long[] {1})));
    String t = g.node("Unsqueeze", "steps_tb", List.of(steps,
        g.constant("axes_1_2", new long[] {1, 2}, 2))); // (T, 1, 1)
    String n = g.node("Unsqueeze", "lengths_1b1", List.of(
        g.node("Cast", "lengths_64", List.of("lengths"), attribute("to", INT64)),
        g.constant("axes_0_2", new long[] {0, 2}, 2))); // (1, B, 1)
    return g.node("Less", "mask", List.of(t, n));
  }
}
