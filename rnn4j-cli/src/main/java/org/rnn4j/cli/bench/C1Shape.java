package org.rnn4j.cli.bench;

/**
 * The sizes of config C1, character-language-model training and inference.
 *
 * @param model the language model
 * @param batch B, sequences per step
 * @param steps T, tokens per sequence
 */
record C1Shape(CharLmShape model, int batch, int steps) {
  /** The peer's C1: the {@link CharLmShape#PEER} model, B = 32, T = 100. */
  static final C1Shape PEER = new C1Shape(CharLmShape.PEER, 32, 100);

  /** Checks the sizes. */
  C1Shape {
    if (model == null) {
      throw new IllegalArgumentException("model must be given");
    }
    Shapes.positive("batch", batch);
    Shapes.positive("steps", steps);
  }

  /** B·T, the tokens of one step. */
  int tokens() {
    return batch * steps;
  }
}
