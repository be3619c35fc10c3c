package org.rnn4j.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Features;

/**
 * Seeded generators of the three long-term-dependency tasks, each with a dependency distance set
 * by the caller: the label is decided by one token (or two values) far from where it is read.
 *
 * <ul>
 *   <li><b>adding problem</b> (Hochreiter and Schmidhuber 1997): T steps of (value in [0, 1),
 *       marker 0/1) with exactly two markers, the first within the first ⌈T/10⌉ steps and the
 *       second in the last half; target y = x⟨p⟩ + x⟨q⟩ (regression; solved when
 *       |ŷ − y| &lt; 0.04);
 *   <li><b>delayed recall</b>: one of K symbols, then d distractor tokens, then the recall token;
 *       label = the symbol (chance 1/K);
 *   <li><b>agreement</b>: a country, then d filler words, then "the language spoken there is";
 *       label = the country's language.
 * </ul>
 */
public final class MemoryTasks {
  /** Token id 0 is never drawn: it is left for padding. */
  public static final int PAD = 0;

  /** The countries of the agreement task, in label order of {@link #LANGUAGES}. */
  public static final List<String> COUNTRIES = List.of("France", "Germany", "Spain", "Italy",
      "Portugal", "Greece", "Poland", "Sweden");

  /** The language spoken in each of {@link #COUNTRIES}: the agreement task's labels. */
  public static final List<String> LANGUAGES = List.of("French", "German", "Spanish", "Italian",
      "Portuguese", "Greek", "Polish", "Swedish");

  /** The filler words the agreement task draws between the country and the question. */
  public static final List<String> FILLERS = List.of("and", "the", "a", "old", "town", "river",
      "was", "very", "quiet", "in", "summer", "people", "often", "walked", "along", "streets",
      "with", "friends", "after", "work", "many", "years", "ago", "we", "visited", "it", "again",
      "near", "sea", "hills");

  /** The words of the question that ends every agreement sentence. */
  public static final List<String> QUESTION = List.of("the", "language", "spoken", "there", "is");

  /**
   * One adding-problem sequence.
   *
   * @param input (T, 2): step t is (value, marker)
   * @param target the sum of the two marked values, in [0, 2)
   * @param first the step of the first marker
   * @param second the step of the second marker
   */
  public record Adding(Features input, float target, int first, int second) {}

  /**
   * One token sequence with a class.
   *
   * @param ids (T) token ids, all at least 1
   * @param label the class, 0 … C−1
   */
  public record Labelled(int[] ids, int label) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Labelled other && label == other.label
          && java.util.Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Arrays.hashCode(ids) + label;
    }

    @Override
    public String toString() {
      return java.util.Arrays.toString(ids) + " -> " + label;
    }
  }

  /**
   * One agreement sentence.
   *
   * @param words the sentence: country, fillers, question
   * @param label the index of the language in {@link #LANGUAGES}
   */
  public record Sentence(List<String> words, int label) {}

  private MemoryTasks() {}

  /**
   * Draws adding-problem sequences.
   *
   * @param count how many
   * @param length T, at least 2
   * @param rng the source of randomness
   * @return the sequences
   */
  public static List<Adding> adding(int count, int length, RandomGenerator rng) {
    if (length < 2) {
      throw new IllegalArgumentException("length (T) must be at least 2, got " + length);
    }
    int firstSpan = Math.max(1, (length + 9) / 10);
    int half = length / 2;
    List<Adding> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] v = new float[length * 2]; // (T, 2)
      for (int t = 0; t < length; t++) {
        v[2 * t] = rng.nextFloat();
      }
      int p = rng.nextInt(firstSpan);
      int q = rng.nextInt(Math.max(half, p + 1), length);
      v[2 * p + 1] = 1;
      v[2 * q + 1] = 1;
      out.add(new Adding(new Features(v, 2), v[2 * p] + v[2 * q], p, q));
    }
    return out;
  }

  /**
   * The vocabulary size V of {@link #recall}: padding, K symbols, M distractors, the recall
   * token.
   *
   * @param symbols K
   * @param distractors M
   * @return K + M + 2
   */
  public static int recallVocabulary(int symbols, int distractors) {
    return symbols + distractors + 2;
  }

  /**
   * Draws delayed-recall sequences: symbol s (id 1 … K), d distractors (ids K+1 … K+M), the
   * recall token (id K+M+1); T = d + 2 and the label is s − 1.
   *
   * @param count how many
   * @param distance d, distractor tokens between the symbol and the recall token, at least 0
   * @param symbols K, at least 2
   * @param distractors M, at least 1
   * @param rng the source of randomness
   * @return the sequences
   */
  public static List<Labelled> recall(int count, int distance, int symbols, int distractors,
      RandomGenerator rng) {
    if (distance < 0 || symbols < 2 || distractors < 1) {
      throw new IllegalArgumentException("expected distance >= 0, symbols (K) >= 2 and "
          + "distractors (M) >= 1, got " + distance + ", " + symbols + ", " + distractors);
    }
    List<Labelled> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int[] ids = new int[distance + 2];
      int label = rng.nextInt(symbols);
      ids[0] = 1 + label;
      for (int t = 1; t <= distance; t++) {
        ids[t] = 1 + symbols + rng.nextInt(distractors);
      }
      ids[distance + 1] = symbols + distractors + 1;
      out.add(new Labelled(ids, label));
    }
    return out;
  }

  /**
   * Draws agreement sentences: a country, {@code distance} filler words, then the question.
   *
   * @param count how many
   * @param distance d, filler words between the country and the question, at least 0
   * @param rng the source of randomness
   * @return the sentences
   */
  public static List<Sentence> agreement(int count, int distance, RandomGenerator rng) {
    if (distance < 0) {
      throw new IllegalArgumentException("distance must be at least 0, got " + distance);
    }
    List<Sentence> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int label = rng.nextInt(COUNTRIES.size());
      List<String> words = new ArrayList<>(distance + 1 + QUESTION.size());
      words.add(COUNTRIES.get(label));
      for (int t = 0; t < distance; t++) {
        words.add(FILLERS.get(rng.nextInt(FILLERS.size())));
      }
      words.addAll(QUESTION);
      out.add(new Sentence(List.copyOf(words), label));
    }
    return out;
  }

  /**
   * The agreement task's vocabulary: padding (id 0), then countries, fillers and the question's
   * words not already among the fillers.
   *
   * @return the words, index = id
   */
  public static List<String> agreementVocabulary() {
    List<String> words = new ArrayList<>();
    words.add("<pad>");
    words.addAll(COUNTRIES);
    for (String w : FILLERS) {
      if (!words.contains(w)) {
        words.add(w);
      }
    }
    for (String w : QUESTION) {
      if (!words.contains(w)) {
        words.add(w);
      }
    }
    return List.copyOf(words);
  }

  /**
   * A sentence as token ids of {@link #agreementVocabulary()}.
   *
   * @param sentence the sentence
   * @return (T) ids, all at least 1
   */
  public static Labelled ids(Sentence sentence) {
    List<String> vocabulary = agreementVocabulary();
    int[] ids = new int[sentence.words().size()];
    for (int t = 0; t < ids.length; t++) {
      ids[t] = vocabulary.indexOf(sentence.words().get(t));
    }
    return new Labelled(ids, sentence.label());
  }
}
