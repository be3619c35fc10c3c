package org.rnn4j.task;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
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
}
