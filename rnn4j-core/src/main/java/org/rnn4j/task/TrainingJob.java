package org.rnn4j.task;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.AllocationLimit;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Objective;
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.train.TrainingResult;

/**
 * What a family needs to train a model from a user's file.
 *
 * @param data the training data, in the family's format
 * @param options the family's options ({@link TaskOption.Use#TRAIN}), with the common model
 *     options of {@link CommonOptions}
 * @param recipe epochs, seed, learning rate, clipping, early stopping, listeners
 * @param batchSize examples (or streams) per batch
 * @param validationFraction the part of the data held out for validation, in [0, 1)
 * @param log where to say what is being trained
 */
public record TrainingJob(Path data, TaskOptions options, TrainingRecipe recipe, int batchSize,
    double validationFraction, PrintWriter log) {
  /** Weights, gradients, and Adam's first and second moments. */
  static final int COPIES_PER_WEIGHT = 4;
  static final int HEAP_SHARE_PERCENT = 60;

  /** Checks the sizes. */
  public TrainingJob {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("validationFraction must lie in [0, 1), got "
          + validationFraction);
    }
  }

  /** The seed of the run (data split, initial weights, batch order, dropout). */
  public long seed() {
    return recipe.seed();
  }

  /**
   * Trains with the job's recipe; an empty validation source means no validation.
   *
   * @param objective the model and its loss
   * @param train the training batches
   * @param validation the validation batches, possibly none
   * @param <B> the batch type
   * @return how training went
   */
  public <B> TrainingResult fit(Objective<B> objective, BatchSource<B> train,
      BatchSource<B> validation) {
    return recipe.fit(objective, train,
        validation.size() == 0 ? Optional.empty() : Optional.of(validation));
  }

  /**
   * Builds the model to train, refusing one whose weights, gradients and Adam's two moments
   * would not fit in {@value #HEAP_SHARE_PERCENT}% of the JVM's heap (the rest is for the
   * activations that backpropagation through time keeps), before the weights are allocated.
   *
   * @param model builds the model
   * @param <M> its type
   * @return the model
   * @throws IllegalArgumentException saying how large the model is and what to change
   */
  public <M extends Module> M build(Supplier<M> model) {
    long heap = Runtime.getRuntime().maxMemory();
    long values = heap / 100 * HEAP_SHARE_PERCENT / Float.BYTES / COPIES_PER_WEIGHT;
    try (AllocationLimit limit = AllocationLimit.enter(values, String.format(Locale.ROOT,
        "the %,d weights that fit in %d%% of the %,d MB heap with their gradients and Adam's"
            + " state", values, HEAP_SHARE_PERCENT, heap >> 20))) {
      return model.get();
    } catch (AllocationLimit.LimitExceeded e) {
      throw new IllegalArgumentException("the model is too large to train here: "
          + e.getMessage() + "; choose a smaller --hidden, --layers or --embedding, or give the"
          + " JVM more heap (RNN4J_JAVA_OPTS=-Xmx…)", e);
    }
  }
}
