package org.rnn4j.task.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * The shape of a {@link Tagger}, with the names of its tags.
 *
 * @param vocabularySize V, words including special tokens
 * @param embeddingSize E, the size of each word's vector
 * @param chars character features, when the tagger reads spellings too
 * @param cell the recurrent cell of the word-level layer
 * @param hiddenSize H, hidden units per layer and direction
 * @param layers L, stacked recurrent layers
 * @param bidirectional whether each layer also reads the sentence backwards (D = 2)
 * @param dropout dropout between recurrent layers and before the output layer while training
 * @param tags the tag names (e.g. "O", "B-PER", "I-PER"); tag id k is {@code tags.get(k)}
 */
public record TaggerConfig(
    int vocabularySize, int embeddingSize, Optional<CharFeatures> chars, CellKind cell,
    int hiddenSize, int layers, boolean bidirectional, float dropout, List<String> tags) {

  /** The task name in model files. */
  public static final String TASK = "tag";
  public static final int DEFAULT_LAYERS = 1;
  public static final boolean DEFAULT_BIDIRECTIONAL = true;
  public static final float DEFAULT_DROPOUT = 0f;

  /** Checks every setting; copies the tags. */
  public TaggerConfig {
    if (vocabularySize < 1 || embeddingSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException("sizes must be at least 1: got vocabularySize="
          + vocabularySize + ", embeddingSize=" + embeddingSize + ", hiddenSize=" + hiddenSize);
    }
    if (chars == null || cell == null) {
      throw new IllegalArgumentException("chars (Optional) and cell must be given");
    }
    if (layers < 1) {
      throw new IllegalArgumentException("layers must be at least 1, got " + layers);
    }
    if (!(dropout >= 0f && dropout < 1f)) {
      throw new IllegalArgumentException("dropout must lie in [0, 1), got " + dropout);
    }
    if (tags == null || tags.isEmpty() || new HashSet<>(tags).size() != tags.size()) {
      throw new IllegalArgumentException("tags must be a non-empty list of distinct names, got "
          + tags);
    }
    tags = List.copyOf(tags);
  }

  /** K, the number of tags. */
  public int tagCount() {
    return tags.size();
  }

  /** D, 2 when bidirectional, else 1. */
  public int directions() {
    return bidirectional ? 2 : 1;
  }

  /**
   * A builder: no character features, one bidirectional layer, no dropout.
   *
   * @param vocabularySize V
   * @param embeddingSize E
   * @param cell the word-level cell
   * @param hiddenSize H
   * @param tags the tag names
   * @return the builder
   */
  public static Builder builder(int vocabularySize, int embeddingSize, CellKind cell,
      int hiddenSize, List<String> tags) {
    return new Builder(vocabularySize, embeddingSize, cell, hiddenSize, tags);
  }

  /** Builds a {@link TaggerConfig}. */
  public static final class Builder {
    private final int vocabularySize;
    private final int embeddingSize;
    private final CellKind cell;
    private final int hiddenSize;
    private final List<String> tags;
    private Optional<CharFeatures> chars = Optional.empty();
    private int layers = DEFAULT_LAYERS;
    private boolean bidirectional = DEFAULT_BIDIRECTIONAL;
    private float dropout = DEFAULT_DROPOUT;

    private Builder(int vocabularySize, int embeddingSize, CellKind cell, int hiddenSize,
        List<String> tags) {
      this.vocabularySize = vocabularySize;
      this.embeddingSize = embeddingSize;
      this.cell = cell;
      this.hiddenSize = hiddenSize;
      this.tags = tags;
    }

    /**
     * @param value the character features to add to each word
     * @return this builder
     */
    public Builder chars(CharFeatures value) {
      chars = Optional.of(value);
      return this;
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
     * @return the configuration
     * @throws IllegalArgumentException naming the bad setting
     */
    public TaggerConfig build() {
      return new TaggerConfig(vocabularySize, embeddingSize, chars, cell, hiddenSize, layers,
          bidirectional, dropout, tags);
    }
  }

  /** The configuration as stored in a model file's {@code config} metadata. */
  public ObjectNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("task", TASK)
        .put("vocabulary_size", vocabularySize).put("embedding_size", embeddingSize)
        .put("cell", cell.name()).put("hidden_size", hiddenSize).put("layers", layers)
        .put("bidirectional", bidirectional).put("dropout", dropout);
    chars.ifPresent(c -> json.putObject("chars").put("vocabulary_size", c.vocabularySize())
        .put("embedding_size", c.embeddingSize()).put("hidden_size", c.hiddenSize()));
    ArrayNode names = json.putArray("tags");
    tags.forEach(names::add);
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
  public static TaggerConfig fromJson(JsonNode json, Path file) throws ModelFormatException {
    if (!TASK.equals(json.path("task").asText())) {
      throw new ModelFormatException(file + ": config task is '" + json.path("task").asText()
          + "', expected '" + TASK + "' (a sequence tagger)");
    }
    try {
      Optional<CharFeatures> chars = Optional.empty();
      JsonNode c = json.get("chars");
      if (c != null && !c.isNull()) {
        chars = Optional.of(new CharFeatures(ConfigJson.integer(c, "vocabulary_size", file),
            ConfigJson.integer(c, "embedding_size", file), ConfigJson.integer(c, "hidden_size", file)));
      }
      return new TaggerConfig(ConfigJson.integer(json, "vocabulary_size", file),
          ConfigJson.integer(json, "embedding_size", file), chars,
          CellKind.valueOf(json.path("cell").asText()), ConfigJson.integer(json, "hidden_size", file),
          ConfigJson.integer(json, "layers", file), json.path("bidirectional").asBoolean(DEFAULT_BIDIRECTIONAL),
          (float) json.path("dropout").asDouble(0), ConfigJson.strings(json, "tags", "tag names", file));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": bad tagger config " + json + ": "
          + e.getMessage(), e);
    }
  }
}
