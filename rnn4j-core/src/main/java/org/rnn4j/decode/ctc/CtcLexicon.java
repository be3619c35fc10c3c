package org.rnn4j.decode.ctc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word list that constrains {@link CtcPrefixBeamSearch}: the label sequences it accepts are
 * words of the list separated by single separator labels.
 *
 * <p>Word boundaries are a label of their own, the separator σ (for a character model, the class
 * of the space character). Words are non-empty label sequences without σ. Accepted outputs:
 *
 * <pre>
 * ε | w_1 σ w_2 σ … σ w_n | w_1 σ … σ w_n σ        n ≥ 1, every w_i in the list
 * </pre>
 *
 * so no leading separator, no two in a row, one trailing separator allowed. The search extends a
 * prefix only while it stays a prefix of an accepted output: the letters since the last σ must be
 * a prefix of some word, and σ may only follow a complete word. A state is a node of the trie
 * of the words (the root: at the start or just after σ).
 */
public final class CtcLexicon {
  /** The state of no prefix: the extension is not allowed. */
  public static final int REJECTED = -1;
  /** The state at the start, and just after a separator. */
  public static final int START = 0;

  private final int separator;
  private final List<Map<Integer, Integer>> children = new ArrayList<>();
  private final List<Boolean> wordEnds = new ArrayList<>();
  private final int maxLabel;

  /**
   * @param separator σ, the label between words
   * @param words the allowed words, each a non-empty label sequence without σ; duplicates are
   *     harmless
   * @throws IllegalArgumentException naming the first word that is empty or holds σ or a
   *     negative label
   */
  public CtcLexicon(int separator, int[]... words) {
    this.separator = separator;
    children.add(new HashMap<>());
    wordEnds.add(false);
    int max = separator;
    for (int w = 0; w < words.length; w++) {
      int[] word = words[w];
      if (word.length == 0) {
        throw new IllegalArgumentException("words[" + w + "] must not be empty");
      }
      int node = START;
      for (int label : word) {
        if (label == separator || label < 0) {
          throw new IllegalArgumentException("words[" + w + "] = " + Arrays.toString(word)
              + " must hold labels ≥ 0 other than the separator " + separator + ", got " + label);
        }
        max = Math.max(max, label);
        Integer child = children.get(node).get(label);
        if (child == null) {
          child = children.size();
          children.get(node).put(label, child);
          children.add(new HashMap<>());
          wordEnds.add(false);
        }
        node = child;
      }
      wordEnds.set(node, true);
    }
    this.maxLabel = max;
  }

  /** σ, the label between words. */
  public int separator() {
    return separator;
  }

  /** The largest label of a word or the separator. */
  public int maxLabel() {
    return maxLabel;
  }

  /** Whether a word or the separator uses this label. */
  public boolean uses(int label) {
    if (label == separator) {
      return true;
    }
    for (Map<Integer, Integer> c : children) {
      if (c.containsKey(label)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The state after appending a label.
   *
   * @param state a state, not {@link #REJECTED}
   * @param label the next label
   * @return the new state, or {@link #REJECTED} when no accepted output continues this way
   */
  public int next(int state, int label) {
    if (label == separator) {
      return wordEnds.get(state) ? START : REJECTED;
    }
    Integer child = children.get(state).get(label);
    return child == null ? REJECTED : child;
  }

  /** Whether an output may end in this state: at the start, after σ, or after a whole word. */
  public boolean canEnd(int state) {
    return state == START || wordEnds.get(state);
  }

  /** The state after a whole label sequence, {@link #REJECTED} once it leaves the lexicon. */
  public int walk(int[] labels) {
    int state = START;
    for (int label : labels) {
      state = next(state, label);
      if (state == REJECTED) {
        return REJECTED;
      }
    }
    return state;
  }

  /** Whether the lexicon accepts this whole label sequence. */
  public boolean accepts(int[] labels) {
    int state = walk(labels);
    return state != REJECTED && canEnd(state);
  }
}
