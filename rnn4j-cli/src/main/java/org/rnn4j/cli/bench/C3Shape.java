package org.rnn4j.cli.bench;

/**
 * The sizes of config C3, many-to-many regression: RNN(I → H, tanh) → Linear(H, 1) at every step.
 *
 * <pre>
 * forward FLOPs per token = 2·H·(I + H) + 2·H     (the peer computes but does not report them)
 * </pre>
 *
 * @param input I, features per step
 * @param hidden H
 * @param batch B, sequences per step
 * @param steps T, steps per sequence
 */
record C3Shape(int input, int hidden, int batch, int steps) {
  /** The peer's C3: I = 32, H = 128, B = 64, T = 50. */
  static final C3Shape PEER = new C3Shape(32, 128, 64, 50);

  /** Checks every size ≥ 1. */
  C3Shape {
    Shapes.positive("input", input);
    Shapes.positive("hidden", hidden);
    Shapes.positive("batch", batch);
    Shapes.positive("steps", steps);
  }

  /** B·T, the steps of one batch. */
  int tokens() {
    return batch * steps;
  }
}
