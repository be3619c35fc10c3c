package org.rnn4j.task.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * The shape of a {@link LanguageModel}.
 *
 * @param cell the recurrent cell
 * @param vocabularySize V, tokens (characters or words) including special tokens
 * @param embeddingSize E, the size of each token's vector
 * @param hiddenSize H, hidden units per layer
 * @param layers L, stacked recurrent layers
 * @param dropout dropout between recurrent layers while training
 */
public record LanguageModelConfig(
    CellKind cell, int vocabularySize, int embeddingSize, int hiddenSize, int layers,
    float dropout) {

  /** Checks the sizes (the recurrent layer checks the rest). */
  public LanguageModelConfig {
    if (cell == null) {
      throw new IllegalArgumentException("cell must be given");
    }
    if (vocabularySize < 1) {
      throw new IllegalArgumentException("vocabularySize must be at least 1, got " + vocabularySize);
    }
    if (embeddingSize < 1) {
      throw new IllegalArgumentException("embeddingSize must be at least 1, got " + embeddingSize);
    }
  }

  /** The task name in model files. */
  public static final String TASK = "lm";

  /** The configuration as stored in a model file's {@code config} metadata. */
  public JsonNode toJson() {
    return new ObjectMapper().createObjectNode().put("task", TASK).put("cell", cell.name())
        .put("vocabulary_size", vocabularySize).put("embedding_size", embeddingSize)
        .put("hidden_size", hiddenSize).put("layers", layers).put("dropout", dropout);
  }

  /**
   * Reads a configuration written by {@link #toJson()}.
   *
   * @param json the {@code config} object
   * @param file for messages
   * @throws ModelFormatException naming the field that is missing or wrong
   */
  public static LanguageModelConfig fromJson(JsonNode json, Path file) throws ModelFormatException {
    if (!TASK.equals(json.path("task").asText())) {
      throw new ModelFormatException(file + ": config task is '" + json.path("task").asText()
          + "', expected '" + TASK + "' (a language model)");
    }
    try {
      return new LanguageModelConfig(CellKind.valueOf(json.path("cell").asText()),
          ConfigJson.integer(json, "vocabulary_size", file), ConfigJson.integer(json, "embedding_size", file),
          ConfigJson.integer(json, "hidden_size", file), ConfigJson.integer(json, "layers", file),
          (float) json.path("dropout").asDouble(0));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": bad language-model config " + json + ": "
          + e.getMessage(), e);
    }
  }
}
