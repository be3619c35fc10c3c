package org.rnn4j.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.rnn4j.io.ModelFile;
import org.rnn4j.nn.Module;
import org.rnn4j.train.TrainingResult;

/**
 * A model a family has just trained, ready to be written: the one save path of every family.
 *
 * @param model the trained module
 * @param config its configuration
 * @param vocabulary the JSON of its text codec(s), when it reads or writes text
 * @param result how training went
 */
public record TrainedModel(Module model, TaskConfig config, Optional<String> vocabulary,
    TrainingResult result) {

  /**
   * Writes the model file atomically.
   *
   * @param file the target
   * @param provenance seed, version, data digest, time
   * @throws IOException if it cannot be written
   */
  public void save(Path file, ModelFile.Provenance provenance) throws IOException {
    ModelFile.write(file, model.parameters(), config.toJson(), vocabulary, provenance);
  }
}
