package org.rnn4j.task.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * The shape of a {@link Classifier}, with the names of its classes.
 *
 * @param input token ids (V, E) or feature vectors (F)
 * @param cell the recurrent cell
 * @param hiddenSize H, hidden units per layer and direction
 * @param layers L, stacked recurrent layers
 * @param bidirectional whether each layer also reads the sequence backwards (D = 2)
 * @param dropout dropout between recurrent layers and before the output layer while training
 * @param pooling how the outputs of a sequence become one vector
 * @param labels the class names; class id c is {@code labels.get(c)}, C = labels.size()
 */
public record ClassifierConfig(
    ClassifierInput input, CellKind cell, int hiddenSize, int layers, boolean bidirectional,
    float dropout, Pooling pooling, List<String> labels) {

  /** The task name in model files. */
  public static final String TASK = "classify";
  public static final int DEFAULT_LAYERS = 1;
  public static final float DEFAULT_DROPOUT = 0f;
  public static final Pooling DEFAULT_POOLING = Pooling.LAST;

  /** Checks every setting; copies the labels. */
  public ClassifierConfig {
    if (input == null || cell == null || pooling == null) {
      throw new IllegalArgumentException("input, cell and pooling must be given");
    }
    if (hiddenSize < 1) {
      throw new IllegalArgumentException("hiddenSize must be at least 1, got " + hiddenSize);
    }
    if (layers < 1) {
      throw new IllegalArgumentException("layers must be at least 1, got " + layers);
    }
    if (!(dropout >= 0f && dropout < 1f)) {
      throw new IllegalArgumentException("dropout must lie in [0, 1), got " + dropout);
    }
    if (labels == null || labels.size() < 2) {
      throw new IllegalArgumentException("labels must name at least 2 classes, got " + labels);
    }
    if (new HashSet<>(labels).size() != labels.size()) {
      throw new IllegalArgumentException("labels must be distinct, got " + labels);
    }
    labels = List.copyOf(labels);
  }

  /** C, the number of classes. */
  public int classes() {
    return labels.size();
  }

  /** D, 2 when bidirectional, else 1. */
  public int directions() {
    return bidirectional ? 2 : 1;
  }

  /**
   * A builder with one layer, no dropout, unidirectional, {@link Pooling#LAST}.
   *
   * @param input token ids or features
   * @param cell the recurrent cell
   * @param hiddenSize H
   * @param labels the class names
   * @return the builder
   */
  public static Builder builder(ClassifierInput input, CellKind cell, int hiddenSize,
      List<String> labels) {
    return new Builder(input, cell, hiddenSize, labels);
  }

  /** Builds a {@link ClassifierConfig}. */
  public static final class Builder {
    private final ClassifierInput input;
    private final CellKind cell;
    private final int hiddenSize;
    private final List<String> labels;
    private int layers = DEFAULT_LAYERS;
    private boolean bidirectional;
    private float dropout = DEFAULT_DROPOUT;
    private Pooling pooling = DEFAULT_POOLING;

    private Builder(ClassifierInput input, CellKind cell, int hiddenSize, List<String> labels) {
      this.input = input;
      this.cell = cell;
      this.hiddenSize = hiddenSize;
      this.labels = labels;
    }

    /**
     * @param value L, stacked recurrent layers
     * @return this builder
     */
    public Builder layers(int value) {
      layers = value;
      return this;
    }

    /**
     * @param value whether each layer also reads backwards
     * @return this builder
     */
    public Builder bidirectional(boolean value) {
      bidirectional = value;
      return this;
    }

    /**
     * @param value dropout in [0, 1) while training
     * @return this builder
     */
    public Builder dropout(float value) {
      dropout = value;
      return this;
    }

    /**
     * @param value how a sequence's outputs become one vector
     * @return this builder
     */
    public Builder pooling(Pooling value) {
      pooling = value;
      return this;
    }

    /**
     * @return the configuration
     * @throws IllegalArgumentException naming the bad setting
     */
    public ClassifierConfig build() {
      return new ClassifierConfig(input, cell, hiddenSize, layers, bidirectional, dropout,
          pooling, labels);
    }
  }

  /** The configuration as stored in a model file's {@code config} metadata. */
  public JsonNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("task", TASK)
        .put("input", input.tokens() ? "tokens" : "features").put("input_size", input.size())
        .put("embedding_size", input.embeddingSize()).put("cell", cell.name())
        .put("hidden_size", hiddenSize).put("layers", layers).put("bidirectional", bidirectional)
        .put("dropout", dropout).put("pooling", pooling.name());
    ArrayNode names = json.putArray("labels");
    labels.forEach(names::add);
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
    if (!TASK.equals(json.path("task").asText())) {
      throw new ModelFormatException(file + ": config task is '" + json.path("task").asText()
          + "', expected '" + TASK + "' (a sequence classifier)");
    }
    String kind = json.path("input").asText();
    if (!kind.equals("tokens") && !kind.equals("features")) {
      throw new ModelFormatException(file + ": config input must be 'tokens' or 'features', got "
          + json.get("input"));
    }
    try {
      ClassifierInput input = new ClassifierInput(kind.equals("tokens"),
          ConfigJson.integer(json, "input_size", file), ConfigJson.integer(json, "embedding_size", file));
      return new ClassifierConfig(input, CellKind.valueOf(json.path("cell").asText()),
          ConfigJson.integer(json, "hidden_size", file), ConfigJson.integer(json, "layers", file),
          json.path("bidirectional").asBoolean(false),
          (float) json.path("dropout").asDouble(0),
          Pooling.valueOf(json.path("pooling").asText()), ConfigJson.strings(json, "labels", "class names", file));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": bad classifier config " + json + ": "
          + e.getMessage(), e);
    }
  }
}
