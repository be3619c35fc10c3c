package org.rnn4j.cli.bench;

import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.lm.LanguageModelConfig;

/**
 * The character language model of configs C1 and C4: Embedding(V, E) → LSTM(E → H, L layers, no
 * dropout) → Linear(H, V).
 *
 * <pre>
 * forward FLOPs per token = Σ_l 8·H·(I_l + H) + 2·H·V      I_0 = E, I_l = H for l ≥ 1
 * </pre>
 * (the gate products of each LSTM layer and the output layer; the embedding look-up and the
 * elementwise work are left out, as the peer's {@code C1_FWD_FLOPS} leaves them out).
 *
 * @param vocabulary V
 * @param embedding E
 * @param hidden H
 * @param layers L
 */
record CharLmShape(int vocabulary, int embedding, int hidden, int layers) {
  /** The peer's model: V = 65, E = 64, H = 512, L = 2. */
  static final CharLmShape PEER = new CharLmShape(65, 64, 512, 2);

  /** Checks every size ≥ 1. */
  CharLmShape {
    Shapes.positive("vocabulary", vocabulary);
    Shapes.positive("embedding", embedding);
    Shapes.positive("hidden", hidden);
    Shapes.positive("layers", layers);
  }

  /** The library config of this model. */
  LanguageModelConfig config() {
    return new LanguageModelConfig(vocabulary, embedding,
        RecurrentSpec.of(CellKind.LSTM, hidden).withLayers(layers));
  }

  /** FLOPs of the forward pass per token, by the formula above. */
  double forwardFlopsPerToken() {
    double flops = 2.0 * hidden * vocabulary;
    for (int l = 0; l < layers; l++) {
      flops += 8.0 * hidden * ((l == 0 ? embedding : hidden) + hidden);
    }
    return flops;
  }
}
