package org.rnn4j.nn.recurrent;

/** The recurrent cells, by the names PyTorch uses for their modes. */
public enum CellKind {
  /** Vanilla RNN with g = tanh (PyTorch {@code RNN_TANH}). */
  RNN_TANH,
  /** Vanilla RNN with g = relu (PyTorch {@code RNN_RELU}). */
  RNN_RELU,
  /** Gated recurrent unit, gates r, z, n. */
  GRU,
  /** Long short-term memory, gates i, f, g, o. */
  LSTM;

  /** G, the number of gate blocks in the weight matrices. */
  public int gates() {
    return cell().gates();
  }

  /** Whether the cell carries a cell state c beside h (the LSTM does). */
  public boolean hasCellState() {
    return this == LSTM;
  }

  Cell cell() {
    return switch (this) {
      case RNN_TANH -> new RnnCell(false);
      case RNN_RELU -> new RnnCell(true);
      case GRU -> new GruCell();
      case LSTM -> new LstmCell();
    };
  }
}
