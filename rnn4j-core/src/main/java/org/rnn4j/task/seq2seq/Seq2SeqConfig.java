package org.rnn4j.task.seq2seq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * The shape of a {@link Seq2Seq} model. Build with {@link #builder}.
 *
 * @param cell the recurrent cell of encoder and decoder
 * @param sourceVocabularySize source tokens, including special tokens
 * @param targetVocabularySize V, target tokens, including {@code <pad>}, {@code <bos>}, {@code
 *     <eos>}
 * @param sourceEmbeddingSize the size of each source token's vector
 * @param targetEmbeddingSize the size of each target token's vector
 * @param hiddenSize H, hidden units per encoder direction and of the decoder
 * @param encoderLayers stacked encoder layers (the decoder has one)
 * @param bidirectional whether the encoder reads each source both ways (He = 2H)
 * @param attention the attention score
 * @param dropout the probability of dropping an element, while training, of the embedded tokens
 *     on both sides, of the encoder's outputs between its layers, and of [s_t; ctx_t] before the
 *     output layer; in [0, 1)
 */
public record Seq2SeqConfig(
    CellKind cell,
    int sourceVocabularySize,
    int targetVocabularySize,
    int sourceEmbeddingSize,
    int targetEmbeddingSize,
    int hiddenSize,
    int encoderLayers,
    boolean bidirectional,
    AttentionKind attention,
    float dropout) {

  /** The task name in model files. */
  public static final String TASK = "seq2seq";

  public static final int DEFAULT_EMBEDDING_SIZE = 16;
  public static final int DEFAULT_ENCODER_LAYERS = 1;
  public static final AttentionKind DEFAULT_ATTENTION = AttentionKind.ADDITIVE;
  public static final float DEFAULT_DROPOUT = 0f;

  /** Checks every setting. */
  public Seq2SeqConfig {
    if (cell == null) {
      throw new IllegalArgumentException("cell must be given");
    }
    if (attention == null) {
      throw new IllegalArgumentException("attention must be given");
    }
    positive("sourceVocabularySize", sourceVocabularySize);
    positive("targetVocabularySize", targetVocabularySize);
    positive("sourceEmbeddingSize", sourceEmbeddingSize);
    positive("targetEmbeddingSize", targetEmbeddingSize);
    positive("hiddenSize", hiddenSize);
    positive("encoderLayers", encoderLayers);
    if (!(dropout >= 0f && dropout < 1f)) {
      throw new IllegalArgumentException("dropout must lie in [0, 1), got " + dropout);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  /** D, encoder directions. */
  public int encoderDirections() {
    return bidirectional ? 2 : 1;
  }

  /** He = D·H, the size of an encoder output and of the attention context. */
  public int encoderOutputSize() {
    return encoderDirections() * hiddenSize;
  }

  /**
   * A builder with the defaults: embeddings of {@value #DEFAULT_EMBEDDING_SIZE}, one
   * unidirectional encoder layer, additive attention, no dropout.
   */
  public static Builder builder(int sourceVocabularySize, int targetVocabularySize, CellKind cell,
      int hiddenSize) {
    return new Builder(sourceVocabularySize, targetVocabularySize, cell, hiddenSize);
  }

  /** The configuration as stored in a model file's {@code config} metadata. */
  public JsonNode toJson() {
    return new ObjectMapper().createObjectNode().put("task", TASK).put("cell", cell.name())
        .put("source_vocabulary_size", sourceVocabularySize)
        .put("target_vocabulary_size", targetVocabularySize)
        .put("source_embedding_size", sourceEmbeddingSize)
        .put("target_embedding_size", targetEmbeddingSize).put("hidden_size", hiddenSize)
        .put("encoder_layers", encoderLayers).put("bidirectional", bidirectional)
        .put("attention", attention.name()).put("dropout", dropout);
  }

  /**
   * Reads a configuration written by {@link #toJson()}.
   *
   * @param json the {@code config} object
   * @param file for messages
   * @return the configuration
   * @throws ModelFormatException naming the field that is missing or wrong
   */
  public static Seq2SeqConfig fromJson(JsonNode json, Path file) throws ModelFormatException {
    if (!TASK.equals(json.path("task").asText())) {
      throw new ModelFormatException(file + ": config task is '" + json.path("task").asText()
          + "', expected '" + TASK + "' (an encoder–decoder)");
    }
    JsonNode bidirectional = json.get("bidirectional");
    if (bidirectional == null || !bidirectional.isBoolean()) {
      throw new ModelFormatException(file + ": config bidirectional must be true or false, got "
          + (bidirectional == null ? "nothing" : bidirectional));
    }
    try {
      return new Seq2SeqConfig(CellKind.valueOf(json.path("cell").asText()),
          ConfigJson.integer(json, "source_vocabulary_size", file),
          ConfigJson.integer(json, "target_vocabulary_size", file),
          ConfigJson.integer(json, "source_embedding_size", file),
          ConfigJson.integer(json, "target_embedding_size", file),
          ConfigJson.integer(json, "hidden_size", file),
          ConfigJson.integer(json, "encoder_layers", file), bidirectional.asBoolean(),
          AttentionKind.valueOf(json.path("attention").asText()),
          (float) json.path("dropout").asDouble(DEFAULT_DROPOUT)); // absent in older files
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": bad seq2seq config " + json + ": "
          + e.getMessage(), e);
    }
  }

  /** Builds a {@link Seq2SeqConfig}. */
  public static final class Builder {
    private final int sourceVocabularySize;
    private final int targetVocabularySize;
    private final CellKind cell;
    private final int hiddenSize;
    private int sourceEmbeddingSize = DEFAULT_EMBEDDING_SIZE;
    private int targetEmbeddingSize = DEFAULT_EMBEDDING_SIZE;
    private int encoderLayers = DEFAULT_ENCODER_LAYERS;
    private boolean bidirectional;
    private AttentionKind attention = DEFAULT_ATTENTION;
    private float dropout = DEFAULT_DROPOUT;

    private Builder(int sourceVocabularySize, int targetVocabularySize, CellKind cell,
        int hiddenSize) {
      this.sourceVocabularySize = sourceVocabularySize;
      this.targetVocabularySize = targetVocabularySize;
      this.cell = cell;
      this.hiddenSize = hiddenSize;
    }

    /** Sets the source and target embedding sizes. */
    public Builder embeddingSizes(int source, int target) {
      this.sourceEmbeddingSize = source;
      this.targetEmbeddingSize = target;
      return this;
    }

    public Builder encoderLayers(int value) {
      this.encoderLayers = value;
      return this;
    }

    public Builder bidirectional(boolean value) {
      this.bidirectional = value;
      return this;
    }

    public Builder attention(AttentionKind value) {
      this.attention = value;
      return this;
    }

    /**
     * @param value dropout in [0, 1) while training
     * @return this builder
     */
    public Builder dropout(float value) {
      this.dropout = value;
      return this;
    }

    /**
     * @return the configuration
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Seq2SeqConfig build() {
      return new Seq2SeqConfig(cell, sourceVocabularySize, targetVocabularySize,
          sourceEmbeddingSize, targetEmbeddingSize, hiddenSize, encoderLayers, bidirectional,
          attention, dropout);
    }
  }
}
