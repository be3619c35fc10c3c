package org.rnn4j.train;

import java.util.Locale;
import java.util.SplittableRandom;
import org.rnn4j.tensor.Tensor;

/**
 * Runs the training step of the largest batch once, without updating anything, before training
 * starts: memory for the activations that backpropagation through time keeps grows with the
 * batch's longest sequence, so a batch that cannot fit fails here, at once and with a clear
 * message, not epochs later with a bare {@link OutOfMemoryError}. The gradients it leaves are
 * cleared and the objective's carried state reset, so the run that follows is the same as
 * without the check.
 */
final class LargestBatchCheck {
  private LargestBatchCheck() {}

  /** The model's memory ran out on the largest batch. */
  static final class DoesNotFit extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    DoesNotFit(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * @param objective the model and its loss
   * @param train the training batches
   * @param <B> the batch type
   * @throws DoesNotFit if the heap cannot hold the largest batch's step
   */
  static <B> void run(Objective<B> objective, BatchSource<B> train) {
    int largest = 0;
    long tokens = -1;
    for (int i = 0; i < train.size(); i++) {
      long t = objective.tokens(train.batch(i));
      if (t > tokens) {
        tokens = t;
        largest = i;
      }
    }
    try {
      SplittableRandom rng = new SplittableRandom(0);
      objective.model().train(rng);
      Tensor loss = objective.trainLoss(train.batch(largest), rng);
      loss.backward();
    } catch (OutOfMemoryError e) {
      throw new DoesNotFit(String.format(Locale.ROOT, "training does not fit in the heap of %,d"
          + " MB: its largest batch (%,d tokens) ran out of memory before the first step; use"
          + " smaller batches, cut long sequences, or give the JVM more heap",
          Runtime.getRuntime().maxMemory() >> 20, tokens), e);
    } finally {
      objective.model().zeroGrad();
      objective.startEpoch();
    }
  }
}
