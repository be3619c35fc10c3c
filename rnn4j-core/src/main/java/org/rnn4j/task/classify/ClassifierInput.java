package org.rnn4j.task.classify;

/**
 * What a {@link Classifier} reads at each step: a token id looked up in an embedding, or a
 * feature vector fed straight to the recurrent layer (one-hot DNA bases, accelerometer axes).
 *
 * @param tokens true for token ids, false for feature vectors
 * @param size V, the vocabulary size, for token ids; F, the features per step, otherwise
 * @param embeddingSize E for token ids; 0 for feature vectors
 */
public record ClassifierInput(boolean tokens, int size, int embeddingSize) {

  /** Checks the sizes. */
  public ClassifierInput {
    if (size < 1) {
      throw new IllegalArgumentException((tokens ? "vocabularySize" : "features")
          + " must be at least 1, got " + size);
    }
    if (tokens && embeddingSize < 1) {
      throw new IllegalArgumentException("embeddingSize must be at least 1, got " + embeddingSize);
    }
    if (!tokens && embeddingSize != 0) {
      throw new IllegalArgumentException(
          "feature input has no embedding: embeddingSize must be 0, got " + embeddingSize);
    }
  }

  /**
   * Token ids through an embedding.
   *
   * @param vocabularySize V
   * @param embeddingSize E
   * @return the input description
   */
  public static ClassifierInput tokens(int vocabularySize, int embeddingSize) {
    return new ClassifierInput(true, vocabularySize, embeddingSize);
  }

  /**
   * Feature vectors straight into the recurrent layer.
   *
   * @param features F
   * @return the input description
   */
  public static ClassifierInput features(int features) {
    return new ClassifierInput(false, features, 0);
  }

  /** The size of the vector the recurrent layer reads at each step: E or F. */
  public int recurrentInputSize() {
    return tokens ? embeddingSize : size;
  }
}
