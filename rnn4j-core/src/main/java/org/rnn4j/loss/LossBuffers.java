package org.rnn4j.loss;

import org.rnn4j.kernel.BufferPool;

/**
 * Where {@link LinearCrossEntropy} takes the float arrays it works in and gives them back when
 * done: the {@link BufferPool} of the calling thread, or, in tests, a recorder of their sizes.
 */
interface LossBuffers {
  /** The thread's {@link BufferPool}. */
  LossBuffers POOLED = new LossBuffers() {
    @Override
    public float[] take(int size) {
      return BufferPool.take(size);
    }

    @Override
    public void give(float[] buffer) {
      BufferPool.give(buffer);
    }
  };

  /** A zeroed array of {@code size} floats. */
  float[] take(int size);

  /** Gives back an array from {@link #take} that nothing reads any more; null is ignored. */
  void give(float[] buffer);
}
