package org.rnn4j.cli.onnx;

import org.rnn4j.nn.recurrent.CellKind;

/**
 * Reorders the gate blocks of a recurrent weight or bias from PyTorch's order (rnn4j's) to
 * ONNX's: each block is H rows of K columns.
 *
 * <pre>
 * LSTM  (i, f, g, o) → (i, o, f, g)      GRU  (r, z, n) → (z, r, n)      RNN  unchanged
 * </pre>
 */
final class GateOrder {
  private GateOrder() {}

  /**
   * @param cell the cell
   * @param rows (G·H, K) row-major, rnn4j's gate order
   * @param hidden H
   * @param columns K
   * @return (G·H, K) in ONNX's gate order, a new array
   */
  static float[] toOnnx(CellKind cell, float[] rows, int hidden, int columns) {
    int[] from = switch (cell) {
      case LSTM -> new int[] {0, 3, 1, 2};
      case GRU -> new int[] {1, 0, 2};
      case RNN_TANH, RNN_RELU -> new int[] {0};
    };
    int block = hidden * columns;
    if (rows.length != from.length * block) {
      throw new IllegalArgumentException(cell + ": expected " + from.length + "·" + hidden + "·"
          + columns + " values, got " + rows.length);
    }
    float[] out = new float[rows.length];
    for (int gate = 0; gate < from.length; gate++) {
      System.arraycopy(rows, from[gate] * block, out, gate * block, block);
    }
    return out;
  }
}
