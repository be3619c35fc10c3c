package org.rnn4j.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts tokens, then builds a {@link Vocabulary} of the frequent ones. Ids are stable: tokens are
 * ordered by falling count, ties by {@link String#compareTo} (so "B" before "a"), whatever the order in which
 * they were added. Special tokens are never counted.
 */
public final class VocabularyBuilder {
  /** Keep every token seen at least once. */
  public static final int DEFAULT_MIN_FREQUENCY = 1;
  /** No limit on the vocabulary size. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  private final Map<String, Long> counts = new HashMap<>();

  /** An empty builder. */
  public VocabularyBuilder() {}

  /**
   * Counts one occurrence of a token.
   *
   * @param token a non-empty token; special tokens are ignored
   * @return this builder
   */
  public VocabularyBuilder add(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("token must be a non-empty string, got " + token);
    }
    if (!Vocabulary.SPECIALS.contains(token)) {
      counts.merge(token, 1L, Long::sum);
    }
    return this;
  }

  /**
   * Counts {@code times} occurrences of a token at once (counts gathered elsewhere, e.g. over the
   * partitions of a distributed data set).
   *
   * @param token a non-empty token; special tokens are ignored
   * @param times how often it occurred, at least 0
   * @return this builder
   */
  public VocabularyBuilder add(String token, long times) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("token must be a non-empty string, got " + token);
    }
    if (times < 0) {
      throw new IllegalArgumentException("times must be at least 0, got " + times);
    }
    if (times > 0 && !Vocabulary.SPECIALS.contains(token)) {
      counts.merge(token, times, Long::sum);
    }
    return this;
  }

  /**
   * Counts every token of {@code tokens}.
   *
   * @param tokens tokens, e.g. one tokenized sentence
   * @return this builder
   */
  public VocabularyBuilder addAll(Iterable<String> tokens) {
    for (String t : tokens) {
      add(t);
    }
    return this;
  }

  /** How often {@code token} was added so far. */
  public long count(String token) {
    return counts.getOrDefault(token, 0L);
  }

  /** The number of distinct tokens counted. */
  public int distinct() {
    return counts.size();
  }

  /**
   * The vocabulary of every token counted at least once.
   *
   * @return the vocabulary
   */
  public Vocabulary build() {
    return build(DEFAULT_MIN_FREQUENCY, UNLIMITED);
  }

  /**
   * The vocabulary of the tokens counted at least {@code minFrequency} times, the most frequent
   * first, at most {@code maxSize} ids in all (special tokens included).
   *
   * @param minFrequency the frequency cut-off, at least 1
   * @param maxSize the largest V, at least the 4 special tokens
   * @return the vocabulary
   * @throws IllegalArgumentException if a limit is out of range
   */
  public Vocabulary build(int minFrequency, int maxSize) {
    if (minFrequency < 1) {
      throw new IllegalArgumentException("minFrequency must be at least 1, got " + minFrequency);
    }
    if (maxSize < Vocabulary.SPECIALS.size()) {
      throw new IllegalArgumentException("maxSize must be at least "
          + Vocabulary.SPECIALS.size() + " (the special tokens), got " + maxSize);
    }
    List<Map.Entry<String, Long>> entries = new ArrayList<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getValue() >= minFrequency) {
        entries.add(e);
      }
    }
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry::getKey, Comparator.naturalOrder()));
    int keep = Math.min(entries.size(), maxSize - Vocabulary.SPECIALS.size());
    List<String> tokens = new ArrayList<>(keep);
    for (int i = 0; i < keep; i++) {
      tokens.add(entries.get(i).getKey());
    }
    return Vocabulary.of(tokens);
  }
}
