package org.rnn4j.data.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tokens with one tag each. For named entities the tags are BIO: {@code B-type} begins an
 * entity, {@code I-type} continues it, {@code O} is outside (an {@code I-type} after {@code O} or
 * another type also begins one, as in CoNLL-2003's IOB1).
 *
 * @param tokens the tokens
 * @param tags one tag per token
 */
public record TaggedSentence(List<String> tokens, List<String> tags) {
  /** The tag of tokens outside every entity. */
  public static final String OUTSIDE = "O";

  /** Checks that there is one tag per token. */
  public TaggedSentence {
    tokens = List.copyOf(tokens);
    tags = List.copyOf(tags);
    if (tokens.size() != tags.size()) {
      throw new IllegalArgumentException("expected one tag per token: " + tokens.size()
          + " tokens, " + tags.size() + " tags");
    }
  }

  /**
   * A sentence tagged BIO from its entities.
   *
   * @param tokens the tokens
   * @param spans non-overlapping entities within the tokens
   * @return the sentence with {@code B-type}, {@code I-type} and {@code O} tags
   * @throws IllegalArgumentException if spans overlap or leave the sentence
   */
  public static TaggedSentence fromSpans(List<String> tokens, List<EntitySpan> spans) {
    List<String> tags = new ArrayList<>(Collections.nCopies(tokens.size(), OUTSIDE));
    for (EntitySpan s : spans) {
      if (s.end() > tokens.size()) {
        throw new IllegalArgumentException("entity " + s + " ends past the sentence's "
            + tokens.size() + " tokens");
      }
      for (int i = s.start(); i < s.end(); i++) {
        if (!tags.get(i).equals(OUTSIDE)) {
          throw new IllegalArgumentException("entity " + s + " overlaps another at token " + i);
        }
        tags.set(i, (i == s.start() ? "B-" : "I-") + s.type());
      }
    }
    return new TaggedSentence(tokens, tags);
  }

  /**
   * The entities of BIO (or IOB1) tags.
   *
   * @return the spans, in order
   */
  public List<EntitySpan> spans() {
    List<EntitySpan> out = new ArrayList<>();
    int start = -1;
    String type = null;
    for (int i = 0; i <= tags.size(); i++) {
      String tag = i < tags.size() ? tags.get(i) : OUTSIDE;
      boolean inside = tag.startsWith("I-") && tag.substring(2).equals(type);
      if (start >= 0 && !inside) {
        out.add(new EntitySpan(start, i, type));
        start = -1;
        type = null;
      }
      if (!inside && (tag.startsWith("B-") || tag.startsWith("I-"))) {
        start = i;
        type = tag.substring(2);
      }
    }
    return out;
  }

  /** Whether {@code tag} is {@code O}, {@code B-type} or {@code I-type}. */
  static boolean isBioTag(String tag) {
    return tag.equals(OUTSIDE)
        || (tag.length() > 2 && (tag.startsWith("B-") || tag.startsWith("I-")));
  }
}
