package org.rnn4j.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Index encoding of text for an embedding layer: a tokenizer and a vocabulary together.
 *
 * @param tokenizer how text becomes tokens
 * @param vocabulary how tokens become ids
 */
public record TextCodec(Tokenizer tokenizer, Vocabulary vocabulary) {

  /** Checks that both parts are given. */
  public TextCodec {
    if (tokenizer == null || vocabulary == null) {
      throw new IllegalArgumentException("tokenizer and vocabulary must be given");
    }
  }

  /**
   * The ids of a text's tokens.
   *
   * @param text any text
   * @param addBosEos put {@code <bos>} before and {@code <eos>} after the tokens
   * @return ids (T), {@code <unk>} for tokens outside the vocabulary
   */
  public int[] encode(String text, boolean addBosEos) {
    int[] ids = vocabulary.encode(tokenizer.tokenize(text));
    if (!addBosEos) {
      return ids;
    }
    int[] out = new int[ids.length + 2];
    out[0] = vocabulary.bosId();
    System.arraycopy(ids, 0, out, 1, ids.length);
    out[out.length - 1] = vocabulary.eosId();
    return out;
  }

  /**
   * The text of {@code ids}, without {@code <pad>}, {@code <bos>} and {@code <eos>}.
   *
   * @param ids (T) ids in [0, V)
   * @return the joined tokens
   */
  public String decode(int[] ids) {
    List<String> tokens = vocabulary.decode(ids, true);
    return tokenizer.join(tokens);
  }

  /**
   * The vocabulary's JSON ({@link Vocabulary#toJson}) with the tokenizer added under
   * {@code "tokenizer"}: {@code {"kind":"char"}} or {@code {"kind":"word","lower_case":…,
   * "split_punctuation":…}}. Model files store this string as their {@code vocabulary}.
   */
  public String toJson() {
    ObjectMapper json = new ObjectMapper();
    try {
      ObjectNode root = (ObjectNode) json.readTree(vocabulary.toJson());
      ObjectNode t = root.putObject("tokenizer");
      if (tokenizer instanceof WordTokenizer w) {
        t.put("kind", "word").put("lower_case", w.lowerCase())
            .put("split_punctuation", w.splitPunctuation());
      } else {
        t.put("kind", "char");
      }
      return json.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write text codec JSON", e);
    }
  }

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException naming what is wrong (see {@link Vocabulary#fromJson})
   */
  public static TextCodec fromJson(String text) {
    Vocabulary vocabulary = Vocabulary.fromJson(text);
    JsonNode t;
    try {
      t = new ObjectMapper().readTree(text).path("tokenizer");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("vocabulary JSON is malformed: " + e.getOriginalMessage());
    }
    String kind = t.path("kind").asText("");
    Tokenizer tokenizer = switch (kind) {
      case "char" -> new CharTokenizer();
      case "word" -> new WordTokenizer(t.path("lower_case").asBoolean(),
          t.path("split_punctuation").asBoolean());
      default -> throw new IllegalArgumentException(
          "vocabulary JSON: tokenizer kind must be \"char\" or \"word\", got " + t.get("kind"));
    };
    return new TextCodec(tokenizer, vocabulary);
  }

  /**
   * A codec whose vocabulary holds the tokens of the given texts: the one way a vocabulary is
   * built from training data.
   *
   * @param tokenizer how texts become tokens
   * @param texts the training texts
   * @param minFrequency tokens seen fewer times become {@code <unk>}
   * @param maxSize at most this many tokens, specials included ({@link
   *     VocabularyBuilder#UNLIMITED} for no limit)
   * @return the codec
   */
  public static TextCodec fit(Tokenizer tokenizer, Iterable<String> texts, int minFrequency,
      int maxSize) {
    VocabularyBuilder builder = new VocabularyBuilder();
    texts.forEach(text -> builder.addAll(tokenizer.tokenize(text)));
    return new TextCodec(tokenizer, builder.build(minFrequency, maxSize));
  }

  /** {@link #fit(Tokenizer, Iterable, int, int)} keeping every token. */
  public static TextCodec fit(Tokenizer tokenizer, Iterable<String> texts) {
    return fit(tokenizer, texts, VocabularyBuilder.DEFAULT_MIN_FREQUENCY,
        VocabularyBuilder.UNLIMITED);
  }
}
