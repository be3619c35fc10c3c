package org.rnn4j.task.lm;

import org.rnn4j.nn.recurrent.CellKind;

/**
 * The shape of a {@link LanguageModel}.
 *
 * @param cell the recurrent cell
 * @param vocabularySize V, tokens (characters or words) including special tokens
 * @param embeddingSize E, the size of each token's vector
 * @param hiddenSize H, hidden units per layer
 * @param layers L, stacked recurrent layers
 * @param dropout dropout between recurrent layers while training
 */
public record LanguageModelConfig(
    CellKind cell, int vocabularySize, int embeddingSize, int hiddenSize, int layers,
    float dropout) {

  /** Checks the sizes (the recurrent layer checks the rest). */
  public LanguageModelConfig {
    if (cell == null) {
      throw new IllegalArgumentException("cell must be given");
    }
    if (vocabularySize < 1) {
      throw new IllegalArgumentException("vocabularySize must be at least 1, got " + vocabularySize);
    }
    if (embeddingSize < 1) {
      throw new IllegalArgumentException("embeddingSize must be at least 1, got " + embeddingSize);
    }
  }
}
