package org.rnn4j.task.tag;

/**
 * The character part of a {@link Tagger}: each word's spelling read by a bidirectional GRU,
 * whose two final states (forward after the last character, reverse after the first) join the
 * word's embedding.
 *
 * <pre>
 * c⟨k⟩ = C[char⟨k⟩]                     char embedding (Vc, Ec)
 * f = GRU→(c⟨1…m⟩)⟨m⟩ ; r = GRU←(c⟨m…1⟩)⟨1⟩  char GRU, Hc units per direction
 * word feature = [E[word] ; f ; r]        E + 2·Hc
 * </pre>
 *
 * @param vocabularySize Vc, distinct characters
 * @param embeddingSize Ec
 * @param hiddenSize Hc, units per direction of the character GRU
 */
public record CharFeatures(int vocabularySize, int embeddingSize, int hiddenSize) {

  /** Checks the sizes. */
  public CharFeatures {
    if (vocabularySize < 1 || embeddingSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException("character feature sizes must be at least 1: got "
          + "vocabularySize=" + vocabularySize + ", embeddingSize=" + embeddingSize
          + ", hiddenSize=" + hiddenSize);
    }
  }

  /** 2·Hc, the size of the features each word gets. */
  public int outputSize() {
    return 2 * hiddenSize;
  }
}
