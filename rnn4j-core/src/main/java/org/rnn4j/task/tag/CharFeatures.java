package org.rnn4j.task.tag;

import java.util.Arrays;
import java.util.Objects;

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
 * <p>The spellings are fixed when the tagger is built (see {@link TaggerData#spellings}) and
 * travel in its model file, so the tagger spells exactly the words of its vocabulary. Immutable:
 * the spellings are copied in and out.
 *
 * @param vocabularySize Vc, distinct characters
 * @param embeddingSize Ec
 * @param hiddenSize Hc, units per direction of the character GRU
 * @param spellings (V) the character ids, each in [0, Vc), of every word id
 */
public record CharFeatures(int vocabularySize, int embeddingSize, int hiddenSize,
    int[][] spellings) {

  /** Checks the sizes and that every character id lies in [0, Vc); copies the spellings. */
  public CharFeatures {
    if (vocabularySize < 1 || embeddingSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException("character feature sizes must be at least 1: got "
          + "vocabularySize=" + vocabularySize + ", embeddingSize=" + embeddingSize
          + ", hiddenSize=" + hiddenSize);
    }
    if (spellings == null) {
      throw new IllegalArgumentException("spellings must be given, one per word id");
    }
    spellings = copy(spellings);
    for (int w = 0; w < spellings.length; w++) {
      if (spellings[w] == null) {
        throw new IllegalArgumentException("spelling of word " + w + " is missing");
      }
      for (int c : spellings[w]) {
        if (c < 0 || c >= vocabularySize) {
          throw new IllegalArgumentException("spelling of word " + w + " must hold char ids in"
              + " [0, " + vocabularySize + "), got " + Arrays.toString(spellings[w]));
        }
      }
    }
  }

  /** 2·Hc, the size of the features each word gets. */
  public int outputSize() {
    return 2 * hiddenSize;
  }

  /** V, the words spelled. */
  public int words() {
    return spellings.length;
  }

  /** (V) the character ids of every word id: a copy. */
  @Override
  public int[][] spellings() {
    return copy(spellings);
  }

  private static int[][] copy(int[][] spellings) {
    int[][] out = new int[spellings.length][];
    for (int w = 0; w < out.length; w++) {
      out[w] = spellings[w] == null ? null : spellings[w].clone();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CharFeatures c && c.vocabularySize == vocabularySize
        && c.embeddingSize == embeddingSize && c.hiddenSize == hiddenSize
        && Arrays.deepEquals(c.spellings, spellings);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(vocabularySize, embeddingSize, hiddenSize)
        + Arrays.deepHashCode(spellings);
  }

  @Override
  public String toString() {
    return "CharFeatures[vocabularySize=" + vocabularySize + ", embeddingSize=" + embeddingSize
        + ", hiddenSize=" + hiddenSize + ", spellings of " + spellings.length + " words]";
  }
}
