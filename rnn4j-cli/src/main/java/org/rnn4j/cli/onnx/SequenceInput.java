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
    String t = g.node("Unsqueeze", "steps_tb", List.of(steps(g, x, 0, "steps"),
        g.constant("axes_1_2", new long[] {1, 2}, 2))); // (T, 1, 1)
    String n = g.node("Unsqueeze", "lengths_1b1", List.of(int64(g, "lengths"),
        g.constant("axes_0_2", new long[] {0, 2}, 2))); // (1, B, 1)
    return g.node("Less", "mask", List.of(t, n));
  }

  /**
   * 0, 1, …, n − 1 for the size n of one axis of a value.
   *
   * @param value any value
   * @param axis which of its dimensions
   * @param name the output's name
   * @return (n) int64
   */
  static String steps(OnnxGraph g, String value, int axis, String name) {
    String size = g.node("Squeeze", name + "_size", List.of(g.node("Gather", name + "_dim",
        List.of(g.node("Shape", name + "_shape", List.of(value)),
            g.constant(name + "_axis", new long[] {axis}, 1)), attribute("axis", 0))));
    return g.node("Range", name, List.of(g.constant("zero", new long[] {0}), size,
        g.constant("one", new long[] {1})));
  }

  /** An int32 input as int64, to compare with {@link #steps}. */
  static String int64(OnnxGraph g, String int32) {
    return g.node("Cast", int32 + "_64", List.of(int32), attribute("to", INT64));
  }
}
