package org.rnn4j.cli.bench;

/**
 * The sizes of config C5, one large LSTM layer.
 *
 * <pre>
 * forward FLOPs per token = 8·H·(I + H); forward + backward (with dX) ≈ 3× that
 * </pre>
 *
 * @param input I
 * @param hidden H
 * @param batch B
 * @param steps T
 */
record C5Shape(int input, int hidden, int batch, int steps) {
  /** The peer's C5: I = H = 1024, B = 64, T = 50. */
  static final C5Shape PEER = new C5Shape(1024, 1024, 64, 50);

  /** Checks every size ≥ 1. */
  C5Shape {
    Shapes.positive("input", input);
    Shapes.positive("hidden", hidden);
    Shapes.positive("batch", batch);
    Shapes.positive("steps", steps);
  }

  /** B·T, the tokens of one step. */
  int tokens() {
    return batch * steps;
  }

  /** FLOPs of the forward pass per token, by the formula above. */
  double forwardFlopsPerToken() {
    return 8.0 * hidden * (input + hidden);
  }
}
