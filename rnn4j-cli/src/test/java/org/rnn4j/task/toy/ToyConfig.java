package org.rnn4j.task.toy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.task.TaskConfig;

/**
 * @param alphabet the letters counted, A of them
 * @param labels the class names, C
 */
record ToyConfig(String alphabet, List<String> labels) implements TaskConfig {
  static final String TASK = "toy";

  ToyConfig {
    if (alphabet.isEmpty() || labels.size() < 2) {
      throw new IllegalArgumentException("toy needs letters and at least 2 labels, got '"
          + alphabet + "' and " + labels);
    }
    labels = List.copyOf(labels);
  }

  @Override
  public String task() {
    return TASK;
  }

  @Override
  public JsonNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("task", TASK)
        .put("alphabet", alphabet);
    labels.forEach(json.putArray("labels")::add);
    return json;
  }

  static ToyConfig fromJson(JsonNode json, Path file) throws ModelFormatException {
    ConfigJson.requireTask(json, TASK, "a toy letter counter", file);
    return new ToyConfig(json.path("alphabet").asText(),
        ConfigJson.strings(json, "labels", "class names", file));
  }
}
