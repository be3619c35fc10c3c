package org.rnn4j.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.train.ValidationMetric;

/**
 * One family of sequence tasks (classify, tag, lm, seq2seq, forecast, …): its name, its options,
 * its config, training from a data file, and loading a trained model for use. Each family lives in
 * its own package under {@code org.rnn4j.task} and registers itself as a {@link
 * java.util.ServiceLoader} service in {@code META-INF/services/org.rnn4j.task.TaskFamily}; {@link
 * TaskFamilies} finds it by name or by a model file's {@code config.task}, so the command line
 * and other callers never switch on a family.
 *
 * <p>Inside its package a family keeps its model (a {@link org.rnn4j.nn.Module}), its config
 * (a {@link TaskConfig} holding a {@link org.rnn4j.nn.recurrent.RecurrentSpec}), its training
 * objective, its batching of examples and its inference class; this interface is the part every
 * caller needs.
 */
public interface TaskFamily {

  /** The name in model files and on the command line ({@code --task classify}). */
  String name();

  /** One sentence for help: what it trains, on what data. */
  String description();

  /** The options the family reads, beyond the command line's run settings. */
  List<TaskOption> options();

  /**
   * The metrics its training objective reports on the validation data after every epoch, each
   * with its direction: the ones early stopping and best-epoch selection may watch. "loss" is
   * always one of them.
   *
   * @return the metrics, "loss" first
   */
  default List<ValidationMetric> validationMetrics() {
    return List.of(ValidationMetric.LOSS);
  }

  /**
   * Whether its data may be a folder (of recordings with their list) instead of one file.
   *
   * @return false unless the family says so
   */
  default boolean readsFolders() {
    return false;
  }

  /**
   * Reads the family's config from a model file's {@code config} metadata.
   *
   * @param json the config object
   * @param file for messages
   * @return the config
   * @throws ModelFormatException naming the field that is missing or wrong
   */
  TaskConfig readConfig(JsonNode json, Path file) throws ModelFormatException;

  /**
   * Reads the data, builds a model from the options, trains it with the job's recipe.
   *
   * @param job the data file, options and recipe
   * @return the trained model, ready to be saved
   * @throws IOException if the data cannot be read; a malformed record is named
   * @throws IllegalArgumentException if an option or the data is unusable, naming which
   */
  TrainedModel train(TrainingJob job) throws IOException;

  /**
   * Loads a model file of this family for use: immutable and thread-safe.
   *
   * @param file the model file
   * @return the loaded model
   * @throws IOException if the file cannot be read or is not a valid model of this family
   */
  TaskModel load(Path file) throws IOException;
}
