package org.rnn4j.task.tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.rnn4j.data.format.EntitySpan;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.task.Prediction;

/**
 * A sentence's tags under a {@link SentenceTagger}: the most likely tag of every token, and the
 * entities those tags spell.
 *
 * @param tokens the sentence's tokens, as given
 * @param tags one tag per token
 */
public record TagPrediction(List<String> tokens, List<String> tags) implements Prediction {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks that there is one tag per token; copies both. */
  public TagPrediction {
    tokens = List.copyOf(tokens);
    tags = List.copyOf(tags);
    if (tokens.size() != tags.size()) {
      throw new IllegalArgumentException("expected one tag per token: " + tokens.size()
          + " tokens, " + tags.size() + " tags");
    }
  }

  /** The tokens with their tags. */
  public TaggedSentence sentence() {
    return new TaggedSentence(tokens, tags);
  }

  /**
   * The entities of the BIO tags, decoded as the entity F1 counts them (an {@code I-type} after
   * {@code O} or another type begins an entity; see {@link TaggedSentence#spans()}).
   *
   * @return the spans, in order
   */
  public List<EntitySpan> entities() {
    return sentence().spans();
  }

  /** {@code token/TAG} for each token, joined by spaces. */
  @Override
  public String text() {
    StringBuilder line = new StringBuilder();
    for (int t = 0; t < tokens.size(); t++) {
      line.append(t == 0 ? "" : " ").append(tokens.get(t)).append('/').append(tags.get(t));
    }
    return line.toString();
  }

  /** {@code {"tokens": […], "tags": […]}}. */
  @Override
  public ObjectNode toJson() {
    ObjectNode n = JSON.createObjectNode();
    tokens.forEach(n.putArray("tokens")::add);
    tags.forEach(n.putArray("tags")::add);
    return n;
  }
}
