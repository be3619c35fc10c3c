package org.rnn4j.cli.bench;

/**
 * The sizes of a config built on one recurrent layer: C3 (RNN(I → H, tanh) → Linear(H, 1) at
 * every step) and C5 (one large LSTM layer).
 *
 * <pre>
 * forward FLOPs per token of the layer = 2·G·H·(I + H)   (G = 4 for an LSTM, 1 for a plain RNN);
 * forward + backward (with dX) ≈ 3× that
 * </pre>
 *
 * @param input I, features per step
 * @param hidden H
 * @param batch B, sequences per step
 * @param steps T, steps per sequence
 */
record LayerShape(int input, int hidden, int batch, int steps) {
  /** The peer's C3: I = 32, H = 128, B = 64, T = 50. */
  static final LayerShape C3 = new LayerShape(32, 128, 64, 50);

  /** The peer's C5: I = H = 1024, B = 64, T = 50. */
  static final LayerShape C5 = new LayerShape(1024, 1024, 64, 50);

  /** Checks every size ≥ 1. */
  LayerShape {
    Shapes.positive("input", input);
    Shapes.positive("hidden", hidden);
    Shapes.positive("batch", batch);
    Shapes.positive("steps", steps);
  }

  /** B·T, the tokens of one step. */
  int tokens() {
    return batch * steps;
  }

  /**
   * FLOPs of the layer's forward pass per token, by the formula above.
   *
   * @param gates G
   */
  double forwardFlopsPerToken(int gates) {
    return 2.0 * gates * hidden * (input + hidden);
  }
}
