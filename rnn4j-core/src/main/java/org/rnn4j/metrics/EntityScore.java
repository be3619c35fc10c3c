package org.rnn4j.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entity-level (chunk-level) precision, recall and F1 over tag sequences, counted exactly as the
 * CoNLL-2000 {@code conlleval} script counts them. A tag is {@code PREFIX-TYPE} (split at the
 * first hyphen) or a bare prefix with the empty type ({@code O}); the prefixes conlleval knows
 * are B, I, O and E, plus the one-token {@code [} and {@code ]}.
 *
 * <pre>
 * a chunk starts at a tag when (previous, current) prefixes are
 *   (B|I|O, B), (O, I), (E, E|I), (O, E), or the current tag is not O and its type differs
 *   from the previous type; [ and ] always start one
 * a chunk ends before a tag when (previous, current) prefixes are
 *   (B|I, B|O), (E, E|I|O), or the previous tag is not O and its type differs from the
 *   current type; a previous [ or ] always ends one
 * correct chunk: gold and predicted start together with equal types and end together
 * precision = correct / predicted chunks, recall = correct / gold chunks (0 when no chunks)
 * F1 = 2·P·R / (P + R) (0 when P + R = 0)
 * </pre>
 * So an I- tag after O or after a tag of another type starts a new entity (IOB1 input, where I-
 * opens an entity and B- only separates two adjacent entities of one type, scores as conlleval
 * scores it), a type change mid-span splits the span, and an entity running to the end of the
 * sentence ends there. Each sentence is followed by an implicit boundary tagged O, as the blank
 * line between sentences is in conlleval's input. Token accuracy counts tokens whose whole tag
 * matches.
 */
public final class EntityScore {
  private long correctChunks;
  private long goldChunks;
  private long predictedChunks;
  private long correctTokens;
  private long tokens;
  private final Map<String, long[]> byType = new TreeMap<>(); // type → {correct, gold, predicted}

  /**
   * Scores one sentence.
   *
   * @param gold the gold tags, one per token
   * @param predicted the predicted tags, one per token
   * @throws IllegalArgumentException if the lengths differ
   */
  public void add(List<String> gold, List<String> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException("gold and predicted must have one tag per token: got "
          + gold.size() + " and " + predicted.size() + " tags");
    }
    Tag lastGold = Tag.OUTSIDE;
    Tag lastPredicted = Tag.OUTSIDE;
    boolean inCorrect = false;
    for (int i = 0; i <= gold.size(); i++) {
      boolean boundary = i == gold.size();
      Tag g = boundary ? Tag.OUTSIDE : Tag.parse(gold.get(i));
      Tag p = boundary ? Tag.OUTSIDE : Tag.parse(predicted.get(i));
      boolean goldEnds = endOfChunk(lastGold, g);
      boolean predictedEnds = endOfChunk(lastPredicted, p);
      if (inCorrect) {
        if (goldEnds && predictedEnds && lastGold.type.equals(lastPredicted.type)) {
          inCorrect = false;
          correctChunks++;
          counts(lastGold.type)[0]++;
        } else if (goldEnds != predictedEnds || !g.type.equals(p.type)) {
          inCorrect = false;
        }
      }
      boolean goldStarts = startOfChunk(lastGold, g);
      boolean predictedStarts = startOfChunk(lastPredicted, p);
      if (goldStarts && predictedStarts && g.type.equals(p.type)) {
        inCorrect = true;
      }
      if (goldStarts) {
        goldChunks++;
        counts(g.type)[1]++;
      }
      if (predictedStarts) {
        predictedChunks++;
        counts(p.type)[2]++;
      }
      if (!boundary) {
        tokens++;
        if (g.equals(p)) {
          correctTokens++;
        }
      }
      lastGold = g;
      lastPredicted = p;
    }
  }

  private long[] counts(String type) {
    return byType.computeIfAbsent(type, k -> new long[3]);
  }

  /** conlleval's {@code endOfChunk(prevTag, tag, prevType, type)}. */
  static boolean endOfChunk(Tag prev, Tag cur) {
    String a = prev.prefix;
    String b = cur.prefix;
    boolean end = (a.equals("B") || a.equals("I")) && (b.equals("B") || b.equals("O"))
        || a.equals("E") && (b.equals("E") || b.equals("I") || b.equals("O"));
    if (!a.equals("O") && !a.equals(".") && !prev.type.equals(cur.type)) {
      end = true;
    }
    return end || a.equals("]") || a.equals("[");
  }

  /** conlleval's {@code startOfChunk(prevTag, tag, prevType, type)}. */
  static boolean startOfChunk(Tag prev, Tag cur) {
    String a = prev.prefix;
    String b = cur.prefix;
    boolean start = b.equals("B") && (a.equals("B") || a.equals("I") || a.equals("O"))
        || a.equals("O") && (b.equals("I") || b.equals("E"))
        || a.equals("E") && (b.equals("E") || b.equals("I"));
    if (!b.equals("O") && !b.equals(".") && !prev.type.equals(cur.type)) {
      start = true;
    }
    return start || b.equals("[") || b.equals("]");
  }

  /** Entities found in both with equal type and boundaries. */
  public long correctChunks() {
    return correctChunks;
  }

  /** Entities in the gold tags. */
  public long goldChunks() {
    return goldChunks;
  }

  /** Entities in the predicted tags. */
  public long predictedChunks() {
    return predictedChunks;
  }

  /** Tokens scored (boundaries excluded). */
  public long tokens() {
    return tokens;
  }

  /** The fraction of tokens whose predicted tag equals the gold tag; NaN before any token. */
  public double tokenAccuracy() {
    return tokens == 0 ? Double.NaN : (double) correctTokens / tokens;
  }

  /** Correct entities / predicted entities; 0 when none were predicted. */
  public double precision() {
    return predictedChunks == 0 ? 0 : (double) correctChunks / predictedChunks;
  }

  /** Correct entities / gold entities; 0 when there are none. */
  public double recall() {
    return goldChunks == 0 ? 0 : (double) correctChunks / goldChunks;
  }

  /** The harmonic mean of precision and recall; 0 when both are 0. */
  public double f1() {
    return Prf.f1(precision(), recall());
  }

  /**
   * Per-type counts, as conlleval's per-type lines.
   *
   * @return type → {correct, gold, predicted} entity counts, types in sorted order
   */
  public Map<String, long[]> countsByType() {
    Map<String, long[]> copy = new TreeMap<>();
    byType.forEach((type, c) -> {
      if (!type.isEmpty()) {
        copy.put(type, c.clone());
      }
    });
    return copy;
  }

  /** A tag split into conlleval's prefix and type. */
  record Tag(String prefix, String type) {
    static final Tag OUTSIDE = new Tag("O", "");

    /** Splits at the first hyphen, as conlleval's {@code /^([^-]*)-(.*)$/}. */
    static Tag parse(String tag) {
      int dash = tag.indexOf('-');
      return dash < 0 ? new Tag(tag, "") : new Tag(tag.substring(0, dash), tag.substring(dash + 1));
    }
  }
}
