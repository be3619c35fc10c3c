package org.rnn4j.text;

import java.util.Arrays;
import org.rnn4j.tensor.Tensor;

/**
 * One-hot encoding, the textbook's word representation: token id k of a vocabulary of size V
 * becomes the V-vector that is 1 at k and 0 elsewhere. An embedding lookup ({@code
 * Tensor.embedding}) computes the same product x·W without building x; one-hot inputs suit small
 * vocabularies (characters, DNA bases) and teaching.
 */
public final class OneHot {
  /** Pass as {@code zeroId} to encode every id, padding included. */
  public static final int NO_ZERO_ID = -1;

  private OneHot() {}

  /**
   * One-hot vectors of {@code ids}.
   *
   * @param ids token ids, row-major over {@code idsShape}, each in [0, V)
   * @param vocabularySize V
   * @param zeroId an id that becomes the all-zero vector (the padding id, so that padded steps
   *     feed nothing), or {@link #NO_ZERO_ID}
   * @param idsShape the shape of {@code ids}, e.g. (B, T)
   * @return a tensor (idsShape…, V)
   * @throws IllegalArgumentException if an id is out of range or the shape does not match
   */
  public static Tensor encode(int[] ids, int vocabularySize, int zeroId, int... idsShape) {
    if (vocabularySize < 1) {
      throw new IllegalArgumentException("vocabularySize must be at least 1, got "
          + vocabularySize);
    }
    long n = 1;
    for (int d : idsShape) {
      n *= d;
    }
    if (n != ids.length) {
      throw new IllegalArgumentException("ids length must equal the product of idsShape "
          + Arrays.toString(idsShape) + ": expected " + n + ", got " + ids.length);
    }
    float[] x = new float[Math.multiplyExact(ids.length, vocabularySize)]; // (N, V)
    for (int i = 0; i < ids.length; i++) {
      int id = ids[i];
      if (id < 0 || id >= vocabularySize) {
        throw new IllegalArgumentException("id at position " + i + " must lie in [0, "
            + vocabularySize + "), got " + id);
      }
      if (id != zeroId) {
        x[i * vocabularySize + id] = 1f;
      }
    }
    int[] shape = Arrays.copyOf(idsShape, idsShape.length + 1);
    shape[idsShape.length] = vocabularySize;
    return Tensor.of(x, shape);
  }

  /**
   * The inverse of {@link #encode}: the index of the largest value of each V-vector (the first
   * one on ties), which for scores or probabilities is the greedy prediction.
   *
   * @param x a tensor (…, V)
   * @return ids, row-major over x's leading dimensions
   */
  public static int[] decode(Tensor x) {
    int[] shape = x.shape();
    if (shape.length < 1) {
      throw new IllegalArgumentException("x must have at least one dimension, got a scalar");
    }
    int v = shape[shape.length - 1];
    float[] data = x.data();
    int[] ids = new int[data.length / Math.max(v, 1)];
    for (int i = 0; i < ids.length; i++) {
      int best = 0;
      for (int k = 1; k < v; k++) {
        if (data[i * v + k] > data[i * v + best]) {
          best = k;
        }
      }
      ids[i] = best;
    }
    return ids;
  }
}
