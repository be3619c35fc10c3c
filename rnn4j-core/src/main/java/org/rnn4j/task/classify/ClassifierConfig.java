package org.rnn4j.task.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.TaskConfig;

/**
 * The shape of a {@link Classifier}, with the names of its classes.
 *
 * @param input token ids (V, E) or feature vectors (F)
 * @param recurrent the recurrent layer: cell, H, L, D and the dropout used between layers and
 *     before the output layer
 * @param pooling how the outputs of a sequence become one vector
 * @param labels the class names; class id c is {@code labels.get(c)}, C = labels.size()
 */
public record ClassifierConfig(
    ClassifierInput input, RecurrentSpec recurrent, Pooling pooling, List<String> labels)
    implements TaskConfig {

  /** The task name in model files. */
  public static final String TASK = "classify";
  public static final Pooling DEFAULT_POOLING = Pooling.LAST;

  /** Checks every setting; copies the labels. */
  public ClassifierConfig {
    if (input == null || recurrent == null || pooling == null) {
      throw new IllegalArgumentException("input, recurrent and pooling must be given");
    }
    if (labels == null || labels.size() < 2) {
      throw new IllegalArgumentException("labels must name at least 2 classes, got " + labels);
    }
    if (new HashSet<>(labels).size() != labels.size()) {
      throw new IllegalArgumentException("labels must be distinct, got " + labels);
    }
    labels = List.copyOf(labels);
  }

  /**
   * A classifier pooling the last state ({@link #DEFAULT_POOLING}).
   *
   * @param input token ids or features
   * @param recurrent the recurrent layer
   * @param labels the class names
   * @return the config
   */
  public static ClassifierConfig of(ClassifierInput input, RecurrentSpec recurrent,
      List<String> labels) {
    return new ClassifierConfig(input, recurrent, DEFAULT_POOLING, labels);
  }

  /** This config with another pooling. */
  public ClassifierConfig withPooling(Pooling value) {
    return new ClassifierConfig(input, recurrent, value, labels);
  }

  @Override
  public String task() {
    return TASK;
  }

  /** C, the number of classes. */
  public int classes() {
    return labels.size();
  }

  @Override
  public JsonNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("task", TASK)
        .put("input", input.tokens() ? "tokens" : "features").put("input_size", input.size())
        .put("embedding_size", input.embeddingSize());
    recurrent.toJson(json).put("pooling", pooling.name());
    labels.forEach(json.putArray("labels")::add);
    return json;
  }

  /**
   * Reads a configuration written by {@link #toJson()}.
   *
   * @param json the {@code config} object
   * @param file for messages
   * @return the configuration
   * @throws ModelFormatException naming the field that is missing or wrong
   */
  public static ClassifierConfig fromJson(JsonNode json, Path file) throws ModelFormatException {
    ConfigJson.requireTask(json, TASK, "a sequence classifier", file);
    String kind = json.path("input").asText();
    if (!kind.equals("tokens") && !kind.equals("features")) {
      throw new ModelFormatException(file + ": config input must be 'tokens' or 'features', got "
          + json.get("input"));
    }
    RecurrentSpec recurrent = RecurrentSpec.fromJson(json, file);
    try {
      ClassifierInput input = new ClassifierInput(kind.equals("tokens"),
          ConfigJson.integer(json, "input_size", file),
          ConfigJson.integer(json, "embedding_size", file));
      return new ClassifierConfig(input, recurrent,
          Pooling.valueOf(json.path("pooling").asText().toUpperCase(Locale.ROOT)),
          ConfigJson.strings(json, "labels", "class names", file));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": bad classifier config " + json + ": "
          + e.getMessage(), e);
    }
  }
}
