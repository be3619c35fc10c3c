package org.rnn4j.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained model loaded for use, as every family offers it to the command line and to generic
 * callers (serving, Spark): evaluation on a data file and prediction on texts. The families'
 * own inference classes ({@code TextClassifier}, {@code SentenceTagger}, …) implement it beside
 * their typed methods.
 *
 * <p>Implementations are immutable after loading and safe to call from many threads at once:
 * the model inside stays in evaluation mode and is never exposed.
 */
public interface TaskModel {

  /** The configuration the model was built with. */
  TaskConfig config();

  /**
   * Measures the model on labelled data in the family's formats.
   *
   * @param data the file
   * @param options the family's reading and decoding options ({@link TaskOption.Use#EVAL})
   * @return the metrics
   * @throws IOException if the file cannot be read; a malformed record is named
   * @throws IllegalArgumentException if an option or the data does not fit the model
   */
  Evaluation evaluate(Path data, TaskOptions options) throws IOException;

  /**
   * Runs the model on inputs, one per text, in order.
   *
   * @param inputs the texts
   * @param options the family's options ({@link TaskOption.Use#PREDICT})
   * @return one prediction per input
   * @throws IllegalArgumentException if the family does not predict from texts
   */
  default List<? extends Prediction> predict(List<String> inputs, TaskOptions options) {
    throw new IllegalArgumentException(config().task() + " models do not predict from lines of"
        + " text; see the family's own command");
  }
}
