package org.rnn4j.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable map between tokens and ids 0…V−1. The four special tokens always hold the first
 * ids: {@code <pad>} = 0 (padding, never a prediction target), {@code <unk>} = 1 (any token not in
 * the vocabulary), {@code <bos>} = 2 (begin of sequence), {@code <eos>} = 3 (end of sequence).
 *
 * <p>Ids are stable: {@link VocabularyBuilder} orders tokens by falling frequency, ties by {@link
 * String#compareTo}, so the same corpus always gives the same ids; {@link #toJson} and {@link
 * #fromJson} keep them exactly (the model file stores the vocabulary this way).
 */
public final class Vocabulary {
  public static final String PAD = "<pad>";
  public static final String UNK = "<unk>";
  public static final String BOS = "<bos>";
  public static final String EOS = "<eos>";
  /** The special tokens, in id order. */
  public static final List<String> SPECIALS = List.of(PAD, UNK, BOS, EOS);

  static final String FORMAT = "rnn4j-vocabulary";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> tokens; // (V) token of each id
  private final Map<String, Integer> ids;

  private Vocabulary(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
    this.ids = new HashMap<>(tokens.size() * 2);
    for (int i = 0; i < tokens.size(); i++) {
      Integer previous = ids.put(tokens.get(i), i);
      if (previous != null) {
        throw new IllegalArgumentException(
            "vocabulary tokens must be distinct: \"" + tokens.get(i) + "\" has ids " + previous
                + " and " + i);
      }
    }
  }

  /**
   * A vocabulary of the special tokens followed by {@code tokens} in the given order.
   *
   * @param tokens ordinary tokens, distinct, none of them a special token
   * @return a vocabulary of size 4 + tokens.size()
   * @throws IllegalArgumentException if a token repeats or is a special token
   */
  public static Vocabulary of(List<String> tokens) {
    List<String> all = new ArrayList<>(SPECIALS.size() + tokens.size());
    all.addAll(SPECIALS);
    for (String t : tokens) {
      if (t == null || t.isEmpty()) {
        throw new IllegalArgumentException("vocabulary tokens must be non-empty strings, got " + t);
      }
      all.add(t);
    }
    return new Vocabulary(all);
  }

  /** V, the number of ids, special tokens included. */
  public int size() {
    return tokens.size();
  }

  /** The id of {@code <pad>}, 0. */
  public int padId() {
    return 0;
  }

  /** The id of {@code <unk>}, 1. */
  public int unkId() {
    return 1;
  }

  /** The id of {@code <bos>}, 2. */
  public int bosId() {
    return 2;
  }

  /** The id of {@code <eos>}, 3. */
  public int eosId() {
    return 3;
  }

  /**
   * The id of a token.
   *
   * @param token any string
   * @return its id, or {@link #unkId()} when the vocabulary does not hold it
   */
  public int id(String token) {
    Integer id = ids.get(token);
    return id == null ? unkId() : id;
  }

  /** Whether the vocabulary holds {@code token} (special tokens included). */
  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /**
   * The token of an id.
   *
   * @param id in [0, V)
   * @return the token
   * @throws IllegalArgumentException if the id is out of range
   */
  public String token(int id) {
    if (id < 0 || id >= tokens.size()) {
      throw new IllegalArgumentException(
          "token id must lie in [0, " + tokens.size() + "), got " + id);
    }
    return tokens.get(id);
  }

  /** Every token, in id order (an unmodifiable list). */
  public List<String> tokens() {
    return tokens;
  }

  /**
   * Index encoding: the id of each token, {@code <unk>} for unknown ones.
   *
   * @param sequence tokens
   * @return ids (T)
   */
  public int[] encode(List<String> sequence) {
    int[] out = new int[sequence.size()];
    for (int t = 0; t < out.length; t++) {
      out[t] = id(sequence.get(t));
    }
    return out;
  }

  /**
   * The tokens of {@code ids}.
   *
   * @param ids (T) ids in [0, V)
   * @param skipSpecials leave out {@code <pad>}, {@code <bos>} and {@code <eos>} (not {@code
   *     <unk>}, which stands for a real token)
   * @return the tokens
   * @throws IllegalArgumentException if an id is out of range
   */
  public List<String> decode(int[] ids, boolean skipSpecials) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      if (skipSpecials && (id == padId() || id == bosId() || id == eosId())) {
        continue;
      }
      out.add(token(id));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * This vocabulary as JSON: {@code {"format":"rnn4j-vocabulary","version":1,"tokens":[…]}}, token
   * i having id i. The model file stores this string in its metadata.
   *
   * @return compact JSON
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    ArrayNode array = root.putArray("tokens");
    tokens.forEach(array::add);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write vocabulary JSON", e);
    }
  }

  /**
   * Reads a vocabulary written by {@link #toJson}, checking it whole.
   *
   * @param json the JSON text
   * @return the vocabulary, with the same ids
   * @throws IllegalArgumentException naming what is wrong if the JSON is malformed, of another
   *     format or version, or inconsistent (special tokens missing or out of place, a token
   *     repeated or not a non-empty string)
   */
  public static Vocabulary fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "vocabulary JSON is malformed: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("vocabulary JSON must be an object, got " + root);
    }
    expectField(root, "format", FORMAT);
    if (!root.path("version").isInt() || root.get("version").intValue() != VERSION) {
      throw new IllegalArgumentException(
          "vocabulary JSON version: expected " + VERSION + ", got " + root.get("version"));
    }
    JsonNode array = root.get("tokens");
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException("vocabulary JSON: expected an array \"tokens\", got "
          + array);
    }
    List<String> list = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode t = array.get(i);
      if (!t.isTextual() || t.textValue().isEmpty()) {
        throw new IllegalArgumentException(
            "vocabulary JSON: token " + i + " must be a non-empty string, got " + t);
      }
      if (i < SPECIALS.size() && !t.textValue().equals(SPECIALS.get(i))) {
        throw new IllegalArgumentException("vocabulary JSON: id " + i + " must be "
            + SPECIALS.get(i) + ", got \"" + t.textValue() + "\"");
      }
      list.add(t.textValue());
    }
    if (list.size() < SPECIALS.size()) {
      throw new IllegalArgumentException("vocabulary JSON: expected at least the "
          + SPECIALS.size() + " special tokens " + SPECIALS + ", got " + list);
    }
    return new Vocabulary(list);
  }

  private static void expectField(JsonNode root, String name, String expected) {
    JsonNode value = root.get(name);
    if (value == null || !value.isTextual() || !value.textValue().equals(expected)) {
      throw new IllegalArgumentException(
          "vocabulary JSON field \"" + name + "\": expected \"" + expected + "\", got " + value);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && v.tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return tokens.hashCode();
  }

  @Override
  public String toString() {
    return "Vocabulary(size=" + size() + ")";
  }
}
