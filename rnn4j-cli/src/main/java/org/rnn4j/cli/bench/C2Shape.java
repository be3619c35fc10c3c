package org.rnn4j.cli.bench;

/**
 * The sizes of config C2, sentiment classification: Embedding(V, E) → GRU(E → H) → last state →
 * Linear(H, C).
 *
 * <pre>
 * forward FLOPs per token = 6·H·(E + H)       the GRU's gate products (the peer's C2_FWD_FLOPS)
 * </pre>
 *
 * @param vocabulary V
 * @param embedding E
 * @param hidden H
 * @param classes C
 * @param batch B, sequences per step
 * @param steps T, tokens per sequence
 */
record C2Shape(int vocabulary, int embedding, int hidden, int classes, int batch, int steps) {
  /** The peer's C2: V = 20000, E = 128, H = 256, C = 2, B = 64, T = 200. */
  static final C2Shape PEER = new C2Shape(20_000, 128, 256, 2, 64, 200);

  /** Checks every size ≥ 1, and C ≥ 2. */
  C2Shape {
    Shapes.positive("vocabulary", vocabulary);
    Shapes.positive("embedding", embedding);
    Shapes.positive("hidden", hidden);
    Shapes.positive("batch", batch);
    Shapes.positive("steps", steps);
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be at least 2, got " + classes);
    }
  }

  /** B·T, the tokens of one step. */
  int tokens() {
    return batch * steps;
  }

  /** FLOPs of the forward pass per token, by the formula above. */
  double forwardFlopsPerToken() {
    return 6.0 * hidden * (embedding + hidden);
  }
}
