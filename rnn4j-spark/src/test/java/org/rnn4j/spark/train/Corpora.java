package org.rnn4j.spark.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Small seeded synthetic data for the sequence families' distributed-training tests: sentences
 * of a tiny grammar (lm), sentences with person and place entities (tag), and short letter
 * strings with their translation (seq2seq), as rows in fixed partitions.
 */
final class Corpora {
  private static final String[] SUBJECTS = {"the cat", "a dog", "the bird", "my fox"};
  private static final String[] VERBS = {"eats", "sees", "likes", "chases"};
  private static final String[] OBJECTS = {"fish", "a mouse", "the seeds", "red apples"};
  private static final String[] PEOPLE = {"Ann", "Bob", "Carl Marx", "Dora Lee", "Eve"};
  private static final String[] PLACES = {"Paris", "Rome", "New York", "Oslo"};
  private static final String[] FILLER = {"went", "to", "from", "and", "then", "home", "today",
      "visited", "left", "saw"};

  private Corpora() {}

  /** n sentences "subject verb object", and sometimes "and verb object" again. */
  static List<String> sentences(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String s = pick(SUBJECTS, rng) + " " + pick(VERBS, rng) + " " + pick(OBJECTS, rng);
      if (rng.nextInt(3) == 0) {
        s += " and " + pick(VERBS, rng) + " " + pick(OBJECTS, rng);
      }
      out.add(s);
    }
    return out;
  }

  /** A tagged sentence: its tokens and their BIO tags (PER, LOC). */
  record Tagged(List<String> tokens, List<String> tags) {}

  /** n sentences of 4 to 9 tokens mixing filler words, people and places. */
  static List<Tagged> tagged(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Tagged> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> tokens = new ArrayList<>();
      List<String> tags = new ArrayList<>();
      int parts = 3 + rng.nextInt(3);
      for (int p = 0; p < parts; p++) {
        int kind = rng.nextInt(3);
        String phrase = kind == 0 ? pick(PEOPLE, rng) : kind == 1 ? pick(PLACES, rng)
            : pick(FILLER, rng);
        String type = kind == 0 ? "PER" : kind == 1 ? "LOC" : null;
        String[] words = phrase.split(" ");
        for (int w = 0; w < words.length; w++) {
          tokens.add(words[w]);
          tags.add(type == null ? "O" : (w == 0 ? "B-" : "I-") + type);
        }
      }
      out.add(new Tagged(tokens, tags));
    }
    return out;
  }

  /** A source text and its target. */
  record Pair(String source, String target) {}

  /**
   * n pairs: a string of 2 to 5 letters of {a … f} and its letters each shifted by one
   * (a → b, …, f → a).
   */
  static List<Pair> pairs(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Pair> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int length = 2 + rng.nextInt(4);
      StringBuilder s = new StringBuilder();
      StringBuilder t = new StringBuilder();
      for (int k = 0; k < length; k++) {
        char c = (char) ('a' + rng.nextInt(6));
        s.append(c);
        t.append((char) ('a' + (c - 'a' + 1) % 6));
      }
      out.add(new Pair(s.toString(), t.toString()));
    }
    return out;
  }

  private static String pick(String[] from, SplittableRandom rng) {
    return from[rng.nextInt(from.length)];
  }

  /** Rows of the given schema in a fixed number of partitions, in order. */
  static Dataset<Row> frame(SparkSession spark, List<Object[]> values, int partitions,
      String[] names, DataType[] types) {
    List<Row> rows = new ArrayList<>(values.size());
    values.forEach(v -> rows.add(RowFactory.create(v)));
    StructType schema = new StructType();
    for (int i = 0; i < names.length; i++) {
      schema = schema.add(names[i], types[i]);
    }
    return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(rows, partitions), schema);
  }

  /** Asserts that two models' weights are the same to the bit, tensor by tensor. */
  static void assertSameWeights(java.util.Map<String, org.rnn4j.tensor.Tensor> a,
      java.util.Map<String, org.rnn4j.tensor.Tensor> b) {
    org.junit.jupiter.api.Assertions.assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(a.get(name).data(), b.get(name).data(),
          name);
    }
  }
}
