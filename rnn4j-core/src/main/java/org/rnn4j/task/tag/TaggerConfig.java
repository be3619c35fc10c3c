package org.rnn4j.task.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.TaskConfig;

/**
 * The shape of a {@link Tagger}, with the names of its tags and, with character features, the
 * spelling of every word: all a model file's {@code config} holds.
 *
 * @param vocabularySize V, words including special tokens
 * @param embeddingSize E, the size of each word's vector
 * @param chars character features (sizes and the V spellings), when the tagger reads spellings
 * @param recurrent the word-level recurrent layer: cell, H, L, D (a tagger usually reads both
 *     ways, {@link #DEFAULT_BIDIRECTIONAL}) and the dropout used between layers and before the
 *     output layer
 * @param tags the tag names (e.g. "O", "B-PER", "I-PER"); tag id k is {@code tags.get(k)},
 *     K = tags.size()
 */
public record TaggerConfig(int vocabularySize, int embeddingSize, Optional<CharFeatures> chars,
    RecurrentSpec recurrent, List<String> tags) implements TaskConfig {

  /** The task name in model files. */
  public static final String TASK = "tag";
  /** Whether a tagger's layer reads both ways when a model file does not say. */
  public static final boolean DEFAULT_BIDIRECTIONAL = true;

  /** Checks every setting; copies the tags. */
  public TaggerConfig {
    if (vocabularySize < 1 || embeddingSize < 1) {
      throw new IllegalArgumentException("sizes must be at least 1: got vocabularySize="
          + vocabularySize + ", embeddingSize=" + embeddingSize);
    }
    if (chars == null || recurrent == null) {
      throw new IllegalArgumentException("chars (Optional) and recurrent must be given");
    }
    if (chars.isPresent() && chars.get().words() != vocabularySize) {
      throw new IllegalArgumentException("spellings must hold one entry per word id: expected "
          + vocabularySize + ", got " + chars.get().words());
    }
    if (tags == null || tags.isEmpty() || new HashSet<>(tags).size() != tags.size()) {
      throw new IllegalArgumentException("tags must be a non-empty list of distinct names, got "
          + tags);
    }
    tags = List.copyOf(tags);
  }

  /**
   * A tagger without character features.
   *
   * @param vocabularySize V
   * @param embeddingSize E
   * @param recurrent the word-level layer
   * @param tags the tag names
   * @return the config
   */
  public static TaggerConfig of(int vocabularySize, int embeddingSize, RecurrentSpec recurrent,
      List<String> tags) {
    return new TaggerConfig(vocabularySize, embeddingSize, Optional.empty(), recurrent, tags);
  }

  /** This config with character features (whose spellings cover the V words). */
  public TaggerConfig withChars(CharFeatures value) {
    return new TaggerConfig(vocabularySize, embeddingSize, Optional.of(value), recurrent, tags);
  }

  @Override
  public String task() {
    return TASK;
  }

  /** K, the number of tags. */
  public int tagCount() {
    return tags.size();
  }

  /** E, or E + 2·Hc with character features: the features of each word the layer reads. */
  public int wordFeatures() {
    return embeddingSize + chars.map(CharFeatures::outputSize).orElse(0);
  }

  /**
   * The configuration as stored in a model file's {@code config} metadata: the sizes, the
   * recurrent settings, {@code chars} (its sizes), {@code tags}, then {@code spellings} (with
   * character features).
   */
  @Override
  public ObjectNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("task", TASK)
        .put("vocabulary_size", vocabularySize).put("embedding_size", embeddingSize);
    recurrent.toJson(json);
    chars.ifPresent(c -> json.putObject("chars").put("vocabulary_size", c.vocabularySize())
        .put("embedding_size", c.embeddingSize()).put("hidden_size", c.hiddenSize()));
    ArrayNode names = json.putArray("tags");
    tags.forEach(names::add);
    chars.ifPresent(c -> {
      ArrayNode all = json.putArray("spellings");
      for (int[] s : c.spellings()) {
        ArrayNode one = all.addArray();
        Arrays.stream(s).forEach(one::add);
      }
    });
    return json;
  }

  /**
   * Reads a configuration written by {@link #toJson()}; {@code bidirectional} may be absent
   * ({@link #DEFAULT_BIDIRECTIONAL}), {@code dropout} too (0).
   *
   * @param json the {@code config} object
   * @param file for messages
   * @return the configuration
   * @throws ModelFormatException naming the field that is missing or wrong
   */
  public static TaggerConfig fromJson(JsonNode json, Path file) throws ModelFormatException {
    ConfigJson.requireTask(json, TASK, "a sequence tagger", file);
    RecurrentSpec recurrent = RecurrentSpec.fromJson(json, file);
    if (!json.has("bidirectional")) {
      recurrent = recurrent.withBidirectional(DEFAULT_BIDIRECTIONAL);
    }
    Optional<CharFeatures> chars = Optional.empty();
    JsonNode c = json.get("chars");
    if (c != null && !c.isNull()) {
      int vc = ConfigJson.integer(c, "vocabulary_size", file);
      int ec = ConfigJson.integer(c, "embedding_size", file);
      int hc = ConfigJson.integer(c, "hidden_size", file);
      int[][] spellings = spellings(json, file);
      try {
        chars = Optional.of(new CharFeatures(vc, ec, hc, spellings));
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(file + ": bad character features in config chars "
            + c + " or spellings: " + e.getMessage(), e);
      }
    }
    try {
      return new TaggerConfig(ConfigJson.integer(json, "vocabulary_size", file),
          ConfigJson.integer(json, "embedding_size", file), chars, recurrent,
          ConfigJson.strings(json, "tags", "tag names", file));
    } catch (IllegalArgumentException e) {
      ObjectNode shown = json.deepCopy();
      shown.remove("spellings");
      throw new ModelFormatException(file + ": bad tagger config " + shown + ": "
          + e.getMessage(), e);
    }
  }

  private static int[][] spellings(JsonNode json, Path file) throws ModelFormatException {
    JsonNode all = json.get("spellings");
    if (all == null || !all.isArray()) {
      throw new ModelFormatException(file + ": a tagger with chars needs config spellings, an "
          + "array of char-id arrays");
    }
    int[][] out = new int[all.size()][];
    for (int w = 0; w < out.length; w++) {
      JsonNode one = all.get(w);
      if (!one.isArray()) {
        throw new ModelFormatException(file + ": spelling " + w + " must be an array, got " + one);
      }
      out[w] = new int[one.size()];
      for (int k = 0; k < out[w].length; k++) {
        if (!one.get(k).canConvertToInt()) {
          throw new ModelFormatException(file + ": spelling " + w + " must hold integers, got "
              + one);
        }
        out[w][k] = one.get(k).asInt();
      }
    }
    return out;
  }
}
