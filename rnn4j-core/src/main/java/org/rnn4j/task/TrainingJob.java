package org.rnn4j.task;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.rnn4j.data.Split;
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
 * @param validationFraction the part of the data held out for validation, in [0, 1), when
 *     there is no validation file
 * @param log where to say what is being trained
 * @param validationData a file of validation data in the training data's format, validating
 *     instead of a part of the training data
 * @param initFrom a model file of the family to start from: its weights, vocabulary and
 *     architecture instead of new ones
 */
public record TrainingJob(Path data, TaskOptions options, TrainingRecipe recipe, int batchSize,
    double validationFraction, PrintWriter log, Optional<Path> validationData,
    Optional<Path> initFrom) {
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
    if (validationData == null || initFrom == null) {
      throw new IllegalArgumentException("validationData and initFrom must be given (Optionals)");
    }
  }

  /**
   * A job that validates on a random part of the data and starts from new weights.
   *
   * @param data the training data
   * @param options the family's options
   * @param recipe how to train
   * @param batchSize examples (or streams) per batch
   * @param validationFraction the part of the data held out for validation, in [0, 1)
   * @param log where to say what is being trained
   */
  public TrainingJob(Path data, TaskOptions options, TrainingRecipe recipe, int batchSize,
      double validationFraction, PrintWriter log) {
    this(data, options, recipe, batchSize, validationFraction, log, Optional.empty(),
        Optional.empty());
  }

  /** This job validating on a file of its own instead of a part of the data. */
  public TrainingJob withValidationData(Path file) {
    return new TrainingJob(data, options, recipe, batchSize, validationFraction, log,
        Optional.of(file), initFrom);
  }

  /** This job starting from a trained model's weights, vocabulary and architecture. */
  public TrainingJob withInitFrom(Path model) {
    return new TrainingJob(data, options, recipe, batchSize, validationFraction, log,
        validationData, Optional.of(model));
  }

  /** Reads a file of the job's data format. */
  @FunctionalInterface
  public interface Reader<E> {
    /**
     * @param file the training or the validation file
     * @return its records, in order
     * @throws IOException if it cannot be read; a malformed record is named
     */
    List<E> read(Path file) throws IOException;
  }

  /**
   * The training and validation records: all of {@code records} and those of the validation
   * file when the job has one; else a random part (the validation fraction, seeded by the run's
   * seed) validates and the rest trains.
   *
   * @param records the training file's records
   * @param reader reads the validation file, as the training file was read
   * @param <E> the record type
   * @return train and validation (no test part)
   * @throws IOException if the validation file cannot be read
   * @throws IllegalArgumentException if the validation file holds no record, or the held-out part
   *     leaves none to train on
   */
  public <E> Split<E> split(List<E> records, Reader<E> reader) throws IOException {
    if (validationData.isEmpty()) {
      Split<E> split = Split.random(records, validationFraction, 0, new SplittableRandom(seed()));
      if (split.train().isEmpty()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "--validation %s leaves no"
            + " record to train on: of %,d records, %,d are held out for validation; hold out"
            + " less, or give more data", validationFraction, records.size(),
            split.validation().size()));
      }
      return split;
    }
    List<E> validation = reader.read(validationData.get());
    if (validation.isEmpty()) {
      throw new IllegalArgumentException(validationData.get() + ": --validation-data holds no"
          + " record to validate on");
    }
    return new Split<>(records, validation, List.of());
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
