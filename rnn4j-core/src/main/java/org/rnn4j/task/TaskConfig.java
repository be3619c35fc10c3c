package org.rnn4j.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The configuration of a task model: what its model file's {@code config} metadata holds, and
 * all that is needed to build the model again before its weights are read.
 */
public interface TaskConfig {

  /** The family's name, stored as the config's {@code task} field ("classify"). */
  String task();

  /** The configuration as stored in a model file, with its {@code task} field. */
  JsonNode toJson();
}
