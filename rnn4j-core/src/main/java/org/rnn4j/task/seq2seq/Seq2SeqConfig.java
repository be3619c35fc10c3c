package org.rnn4j.task.seq2seq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.TaskConfig;

/**
 * The shape of a {@link Seq2Seq} model.
 *
 * @param encoder the encoder's recurrent layer: the cell of encoder and decoder, H (hidden units
 *     per encoder direction and of the decoder), L (stacked encoder layers; the decoder has one),
 *     D (whether the encoder reads each source both ways, He = D·H) and the dropout: the
 *     probability of dropping an element, while training, of the embedded tokens on both sides,
 *     of the encoder's outputs between its layers, and of [s_t; ctx_t] before the output layer
 * @param sourceVocabularySize V_x, source tokens, including special tokens
 * @param targetVocabularySize V, target tokens, including {@code <pad>}, {@code <bos>}, {@code
 *     <eos>}
 * @param sourceEmbeddingSize E_x, the size of each source token's vector
 * @param targetEmbeddingSize E_y, the size of each target token's vector
 * @param attention the attention score
 */
public record Seq2SeqConfig(
    RecurrentSpec encoder,
    int sourceVocabularySize,
    int targetVocabularySize,
    int sourceEmbeddingSize,
    int targetEmbeddingSize,
    AttentionKind attention)
    implements TaskConfig {

  /** The task name in model files. */
  public static final String TASK = "seq2seq";

  public static final int DEFAULT_EMBEDDING_SIZE = 16;
  public static final AttentionKind DEFAULT_ATTENTION = AttentionKind.ADDITIVE;

  /** Checks every setting (the encoder's are checked by {@link RecurrentSpec}). */
  public Seq2SeqConfig {
    if (encoder == null) {
      throw new IllegalArgumentException("encoder must be given");
    }
    if (attention == null) {
      throw new IllegalArgumentException("attention must be given");
    }
    positive("sourceVocabularySize", sourceVocabularySize);
    positive("targetVocabularySize", targetVocabularySize);
    positive("sourceEmbeddingSize", sourceEmbeddingSize);
    positive("targetEmbeddingSize", targetEmbeddingSize);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  /**
   * A model with embeddings of {@value #DEFAULT_EMBEDDING_SIZE} on both sides and additive
   * attention ({@link #DEFAULT_ATTENTION}).
   *
   * @param encoder the encoder's recurrent layer (its cell and H are the decoder's too)
   * @param sourceVocabularySize V_x
   * @param targetVocabularySize V
   * @return the config
   */
  public static Seq2SeqConfig of(RecurrentSpec encoder, int sourceVocabularySize,
      int targetVocabularySize) {
    return new Seq2SeqConfig(encoder, sourceVocabularySize, targetVocabularySize,
        DEFAULT_EMBEDDING_SIZE, DEFAULT_EMBEDDING_SIZE, DEFAULT_ATTENTION);
  }

  /** This config with source embeddings of E_x and target embeddings of E_y. */
  public Seq2SeqConfig withEmbeddingSizes(int source, int target) {
    return new Seq2SeqConfig(encoder, sourceVocabularySize, targetVocabularySize, source, target,
        attention);
  }

  /** This config with another attention score. */
  public Seq2SeqConfig withAttention(AttentionKind value) {
    return new Seq2SeqConfig(encoder, sourceVocabularySize, targetVocabularySize,
        sourceEmbeddingSize, targetEmbeddingSize, value);
  }

  @Override
  public String task() {
    return TASK;
  }

  /**
   * The configuration as stored in a model file's {@code config} metadata, in the order files
   * have always had: task, cell, the vocabulary and embedding sizes, hidden_size,
   * encoder_layers, bidirectional, attention, dropout.
   */
  @Override
  public JsonNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("task", TASK)
        .put("cell", encoder.cell().name())
        .put("source_vocabulary_size", sourceVocabularySize)
        .put("target_vocabulary_size", targetVocabularySize)
        .put("source_embedding_size", sourceEmbeddingSize)
        .put("target_embedding_size", targetEmbeddingSize)
        .put("hidden_size", encoder.hiddenSize()).put("encoder_layers", encoder.layers())
        .put("bidirectional", encoder.bidirectional()).put("attention", attention.name());
    return json.put("dropout", encoder.dropout());
  }

  /**
   * Reads a configuration written by {@link #toJson()}; {@code dropout}, absent in files written
   * before it existed, reads as 0.
   *
   * @param json the {@code config} object
   * @param file for messages
   * @return the configuration
   * @throws ModelFormatException naming the field that is missing or wrong
   */
  public static Seq2SeqConfig fromJson(JsonNode json, Path file) throws ModelFormatException {
    ConfigJson.requireTask(json, TASK, "an encoder–decoder", file);
    JsonNode bidirectional = json.get("bidirectional");
    if (bidirectional == null || !bidirectional.isBoolean()) {
      throw new ModelFormatException(file + ": config bidirectional must be true or false, got "
          + (bidirectional == null ? "nothing" : bidirectional));
    }
    try {
      RecurrentSpec encoder = new RecurrentSpec(CellKind.valueOf(json.path("cell").asText()),
          ConfigJson.integer(json, "hidden_size", file),
          ConfigJson.integer(json, "encoder_layers", file), bidirectional.asBoolean(),
          (float) json.path("dropout").asDouble(RecurrentSpec.DEFAULT_DROPOUT));
      return new Seq2SeqConfig(encoder,
          ConfigJson.integer(json, "source_vocabulary_size", file),
          ConfigJson.integer(json, "target_vocabulary_size", file),
          ConfigJson.integer(json, "source_embedding_size", file),
          ConfigJson.integer(json, "target_embedding_size", file),
          AttentionKind.valueOf(json.path("attention").asText()));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": bad seq2seq config " + json + ": "
          + e.getMessage(), e);
    }
  }
}
