package org.rnn4j.task.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.TaskConfig;

/**
 * The shape of a {@link LanguageModel}.
 *
 * @param vocabularySize V, tokens (characters or words) including special tokens
 * @param embeddingSize E, the size of each token's vector
 * @param recurrent the recurrent layer: cell, H, L and the dropout between its layers while
 *     training; unidirectional (D = 1), since each prediction may only see the tokens before it
 */
public record LanguageModelConfig(int vocabularySize, int embeddingSize, RecurrentSpec recurrent)
    implements TaskConfig {

  /** The task name in model files. */
  public static final String TASK = "lm";

  /** Checks the sizes and that the recurrent layer reads one way. */
  public LanguageModelConfig {
    if (vocabularySize < 1) {
      throw new IllegalArgumentException("vocabularySize must be at least 1, got "
          + vocabularySize);
    }
    if (embeddingSize < 1) {
      throw new IllegalArgumentException("embeddingSize must be at least 1, got " + embeddingSize);
    }
    if (recurrent == null) {
      throw new IllegalArgumentException("recurrent must be given");
    }
    if (recurrent.bidirectional()) {
      throw new IllegalArgumentException("a language model reads left to right, so its"
          + " recurrent layer cannot be bidirectional: it would see the tokens it predicts");
    }
  }

  @Override
  public String task() {
    return TASK;
  }

  /**
   * The configuration as stored in a model file's {@code config} metadata: {@code task}, {@code
   * cell}, {@code vocabulary_size}, {@code embedding_size}, {@code hidden_size}, {@code layers},
   * {@code dropout}, in that order (no {@code bidirectional}: a language model never is).
   */
  @Override
  public JsonNode toJson() {
    return new ObjectMapper().createObjectNode().put("task", TASK)
        .put("cell", recurrent.cell().name()).put("vocabulary_size", vocabularySize)
        .put("embedding_size", embeddingSize).put("hidden_size", recurrent.hiddenSize())
        .put("layers", recurrent.layers()).put("dropout", recurrent.dropout());
  }

  /**
   * Reads a configuration written by {@link #toJson()}.
   *
   * @param json the {@code config} object
   * @param file for messages
   * @return the configuration
   * @throws ModelFormatException naming the field that is missing or wrong
   */
  public static LanguageModelConfig fromJson(JsonNode json, Path file) throws ModelFormatException {
    ConfigJson.requireTask(json, TASK, "a language model", file);
    int vocabularySize = ConfigJson.integer(json, "vocabulary_size", file);
    int embeddingSize = ConfigJson.integer(json, "embedding_size", file);
    RecurrentSpec recurrent = RecurrentSpec.fromJson(json, file);
    try {
      return new LanguageModelConfig(vocabularySize, embeddingSize, recurrent);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": bad language-model config " + json + ": "
          + e.getMessage(), e);
    }
  }
}
