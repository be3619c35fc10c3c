package org.rnn4j.train;

/**
 * Batches for training or evaluation, addressed by index so that an epoch's order can be shuffled
 * with a seed and a resumed run can skip exactly the batches it already trained on.
 *
 * @param <B> the batch type
 */
public interface BatchSource<B> {

  /** Number of batches in one epoch. */
  int size();

  /**
   * The batch at {@code index}.
   *
   * @param index in [0, size())
   */
  B batch(int index);

  /**
   * Batches already in memory, to be shuffled each epoch.
   *
   * @param batches the batches (kept, not copied)
   * @param <B> the batch type
   */
  static <B> BatchSource<B> of(java.util.List<B> batches) {
    return new BatchSource<>() {
      @Override
      public int size() {
        return batches.size();
      }

      @Override
      public B batch(int index) {
        return batches.get(index);
      }
    };
  }

  /**
   * Whether batches must be visited in index order (a stream cut into consecutive chunks for
   * truncated backpropagation through time); otherwise the trainer shuffles them each epoch.
   */
  default boolean ordered() {
    return false;
  }
}
