package org.rnn4j.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two codecs of a sequence-to-sequence model, one for the source text and one for the
 * target text. A model file stores them together as its {@code vocabulary}:
 *
 * <pre>
 * {"format": "rnn4j-codec-pair", "version": 1, "source": {codec}, "target": {codec}}
 * </pre>
 * where each {codec} is what {@link TextCodec#toJson} writes.
 *
 * @param source encodes the source text
 * @param target encodes and decodes the target text
 */
public record TextCodecPair(TextCodec source, TextCodec target) {
  static final String FORMAT = "rnn4j-codec-pair";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks that both codecs are given. */
  public TextCodecPair {
    if (source == null || target == null) {
      throw new IllegalArgumentException("source and target codecs must be given, got " + source
          + " and " + target);
    }
  }

  /** This pair as JSON, for a model file's {@code vocabulary}. */
  public String toJson() {
    try {
      ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION);
      root.set("source", JSON.readTree(source.toJson()));
      root.set("target", JSON.readTree(target.toJson()));
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write codec pair JSON", e);
    }
  }

  /**
   * Whether a model file's vocabulary JSON holds a codec pair (rather than one codec).
   *
   * @param json the vocabulary JSON
   * @return true if its format is {@value #FORMAT}
   */
  public static boolean isPair(String json) {
    try {
      return FORMAT.equals(JSON.readTree(json).path("format").asText());
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @param json the JSON text
   * @return the pair
   * @throws IllegalArgumentException naming what is wrong: malformed JSON, another format or
   *     version, a missing side, or a side that is not a valid codec
   */
  public static TextCodecPair fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("codec pair JSON is malformed: "
          + e.getOriginalMessage(), e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException("codec pair JSON field \"format\": expected \"" + FORMAT
          + "\", got " + (root == null ? null : root.get("format")));
    }
    if (root.path("version").asInt(-1) != VERSION) {
      throw new IllegalArgumentException("codec pair JSON version: expected " + VERSION + ", got "
          + root.get("version"));
    }
    return new TextCodecPair(side(root, "source"), side(root, "target"));
  }

  private static TextCodec side(JsonNode root, String name) {
    JsonNode codec = root.get(name);
    if (codec == null || !codec.isObject()) {
      throw new IllegalArgumentException("codec pair JSON: expected an object \"" + name
          + "\", got " + codec);
    }
    try {
      return TextCodec.fromJson(codec.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("codec pair JSON, " + name + ": " + e.getMessage(), e);
    }
  }
}
