package org.rnn4j.cli.bench;

/**
 * The sizes of config C4, generation at batch 1.
 *
 * @param model the language model (C1's)
 * @param chars tokens generated per timed run
 * @param runs timed runs, whose median is reported
 */
record C4Shape(CharLmShape model, int chars, int runs) {
  /** The peer's C4: the {@link CharLmShape#PEER} model, 3 runs of 2000 characters. */
  static final C4Shape PEER = new C4Shape(CharLmShape.PEER, 2000, 3);

  /** Checks the sizes. */
  C4Shape {
    if (model == null) {
      throw new IllegalArgumentException("model must be given");
    }
    Shapes.positive("chars", chars);
    Shapes.positive("runs", runs);
  }
}
