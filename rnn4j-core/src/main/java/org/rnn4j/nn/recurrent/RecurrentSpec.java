package org.rnn4j.nn.recurrent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;

/**
 * The recurrent part of a task model as its config chooses it: a {@link RecurrentConfig} without
 * the input size, which the model derives from what feeds the layer (an embedding, features).
 * Every task config holds one of these instead of copying its fields; the checks and defaults
 * live here once.
 *
 * @param cell which cell
 * @param hiddenSize H, hidden units per layer and direction
 * @param layers L, stacked layers
 * @param bidirectional whether each layer also reads every sequence backwards (D = 2)
 * @param dropout dropout between layers (and, in the task models, before the output layer)
 *     while training, in [0, 1)
 */
public record RecurrentSpec(
    CellKind cell, int hiddenSize, int layers, boolean bidirectional, float dropout) {

  public static final CellKind DEFAULT_CELL = CellKind.LSTM;
  public static final int DEFAULT_LAYERS = 1;
  public static final float DEFAULT_DROPOUT = 0f;

  /** Checks every setting. */
  public RecurrentSpec {
    if (cell == null) {
      throw new IllegalArgumentException("cell must be given");
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
  }

  /**
   * One unidirectional layer without dropout.
   *
   * @param cell which cell
   * @param hiddenSize H
   * @return the spec
   */
  public static RecurrentSpec of(CellKind cell, int hiddenSize) {
    return new RecurrentSpec(cell, hiddenSize, DEFAULT_LAYERS, false, DEFAULT_DROPOUT);
  }

  /** This spec with L layers. */
  public RecurrentSpec withLayers(int value) {
    return new RecurrentSpec(cell, hiddenSize, value, bidirectional, dropout);
  }

  /** This spec reading both ways or not. */
  public RecurrentSpec withBidirectional(boolean value) {
    return new RecurrentSpec(cell, hiddenSize, layers, value, dropout);
  }

  /** This spec with dropout p. */
  public RecurrentSpec withDropout(float value) {
    return new RecurrentSpec(cell, hiddenSize, layers, bidirectional, value);
  }

  /** D, 2 when bidirectional, else 1. */
  public int directions() {
    return bidirectional ? 2 : 1;
  }

  /** D·H, the features of the layer's output at each step. */
  public int outputSize() {
    return directions() * hiddenSize;
  }

  /**
   * The layer settings for input of I features, with PyTorch's initialisation.
   *
   * @param inputSize I
   * @return the layer config
   */
  public RecurrentConfig config(int inputSize) {
    return RecurrentConfig.builder(cell, inputSize, hiddenSize).layers(layers)
        .bidirectional(bidirectional).dropout(dropout).build();
  }

  /**
   * Writes the fields into a model file's config: {@code cell}, {@code hidden_size}, {@code
   * layers}, {@code bidirectional}, {@code dropout}.
   *
   * @param json the config object to add them to
   * @return {@code json}
   */
  public ObjectNode toJson(ObjectNode json) {
    return json.put("cell", cell.name()).put("hidden_size", hiddenSize).put("layers", layers)
        .put("bidirectional", bidirectional).put("dropout", dropout);
  }

  /**
   * Reads what {@link #toJson} wrote; {@code bidirectional} and {@code dropout} may be absent
   * (false and 0), as in files of models that had no such setting.
   *
   * @param json a model file's config
   * @param file for messages
   * @return the spec
   * @throws ModelFormatException naming the field that is missing or wrong
   */
  public static RecurrentSpec fromJson(JsonNode json, Path file) throws ModelFormatException {
    String cell = json.path("cell").asText();
    CellKind kind;
    try {
      kind = CellKind.valueOf(cell.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": config cell must be one of RNN_TANH, RNN_RELU,"
          + " GRU, LSTM, got " + json.get("cell"), e);
    }
    try {
      return new RecurrentSpec(kind, ConfigJson.integer(json, "hidden_size", file),
          ConfigJson.integer(json, "layers", file), json.path("bidirectional").asBoolean(false),
          (float) json.path("dropout").asDouble(DEFAULT_DROPOUT));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": bad recurrent settings in config " + json + ": "
          + e.getMessage(), e);
    }
  }
}
