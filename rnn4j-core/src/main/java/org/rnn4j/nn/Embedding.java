package org.rnn4j.nn;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.tensor.Tensor;

/**
 * A table of learned vectors, one per token id, PyTorch's {@code nn.Embedding}. Looking up id k
 * equals multiplying the one-hot vector of k by the table, without building the one-hot vector.
 *
 * <pre>
 * ids (…) → vectors (…, E)      weight (V, E), init N(0, 1) (PyTorch's default)
 * </pre>
 */
public final class Embedding implements Module {
  private final Tensor weight; // (V, E)

  /**
   * @param vocabularySize V
   * @param dimension E
   * @param rng source of the initial vectors
   */
  public Embedding(int vocabularySize, int dimension, RandomGenerator rng) {
    if (vocabularySize < 1 || dimension < 1) {
      throw new IllegalArgumentException("Embedding sizes must be at least 1: got vocabularySize="
          + vocabularySize + ", dimension=" + dimension);
    }
    this.weight = Tensor.normal(rng, 0f, 1f, vocabularySize, dimension).requiresGrad(true);
  }

  /**
   * @param ids token ids in [0, V), row-major over {@code shape}
   * @param shape the ids' shape, e.g. (B, T)
   * @return (shape…, E)
   */
  public Tensor forward(int[] ids, int... shape) {
    return Tensor.embedding(weight, ids, shape);
  }

  /**
   * The table itself, the {@code weight} parameter (live: updates change the module), for layers
   * that read token ids through it ({@link
   * org.rnn4j.nn.recurrent.Recurrent#forward(Embedding, int[], int[],
   * org.rnn4j.nn.recurrent.RecurrentState)}).
   *
   * @return (V, E)
   */
  public Tensor weight() {
    return weight;
  }

  public int vocabularySize() {
    return weight.dim(0);
  }

  public int dimension() {
    return weight.dim(1);
  }

  @Override
  public Map<String, Tensor> ownParameters() {
    return Map.of("weight", weight);
  }
}
