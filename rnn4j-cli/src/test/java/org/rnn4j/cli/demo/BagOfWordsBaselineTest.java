package org.rnn4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BagOfWordsBaselineTest {
  private static final int VOCABULARY = 20;
  private static final int GOOD = 4;
  private static final int BAD = 5;

  /** Documents of 3–6 random neutral words (ids 6…19) plus GOOD (label 1) or BAD (label 0). */
  private record Data(List<int[]> documents, int[] labels) {
    static Data draw(int n, long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      List<int[]> documents = new ArrayList<>();
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = rng.nextInt(2);
        int[] words = rng.ints(rng.nextInt(3, 7), 6, VOCABULARY).toArray();
        words[rng.nextInt(words.length)] = labels[i] == 1 ? GOOD : BAD;
        documents.add(words);
      }
      return new Data(documents, labels);
    }
  }

  @Test
  void learnsTheWordsThatDecideTheClass() {
    Data train = Data.draw(200, 1);
    Data test = Data.draw(100, 2);
    BagOfWordsBaseline model = BagOfWordsBaseline.fit(train.documents(), train.labels(),
        VOCABULARY, BagOfWordsBaseline.Settings.DEFAULT, new SplittableRandom(3));
    assertEquals(1.0, model.accuracy(test.documents(), test.labels()));
    assertTrue(model.weight(GOOD) > 1 && model.weight(BAD) < -1,
        "good " + model.weight(GOOD) + ", bad " + model.weight(BAD));
    assertTrue(model.probability(new int[] {GOOD, 7}) > 0.9);
    assertTrue(model.probability(new int[] {BAD, 7}) < 0.1);
  }

  @Test
  void repeatedWordsCountOnce() {
    Data train = Data.draw(100, 4);
    BagOfWordsBaseline model = BagOfWordsBaseline.fit(train.documents(), train.labels(),
        VOCABULARY, BagOfWordsBaseline.Settings.DEFAULT, new SplittableRandom(5));
    assertEquals(model.probability(new int[] {GOOD, 9}),
        model.probability(new int[] {GOOD, GOOD, 9, GOOD}));
  }

  @Test
  void l2PenaltyShrinksTheWeights() {
    Data train = Data.draw(200, 6);
    BagOfWordsBaseline free = BagOfWordsBaseline.fit(train.documents(), train.labels(),
        VOCABULARY, new BagOfWordsBaseline.Settings(20, 0.1, 0), new SplittableRandom(7));
    BagOfWordsBaseline penalized = BagOfWordsBaseline.fit(train.documents(), train.labels(),
        VOCABULARY, new BagOfWordsBaseline.Settings(20, 0.1, 0.01), new SplittableRandom(7));
    assertTrue(Math.abs(penalized.weight(GOOD)) < Math.abs(free.weight(GOOD)),
        "penalized " + penalized.weight(GOOD) + ", free " + free.weight(GOOD));
  }

  @Test
  void sameSeedGivesTheSameModel() {
    Data train = Data.draw(50, 8);
    double[] p = new double[2];
    for (int run = 0; run < 2; run++) {
      p[run] = BagOfWordsBaseline.fit(train.documents(), train.labels(), VOCABULARY,
          BagOfWordsBaseline.Settings.DEFAULT, new SplittableRandom(9))
          .probability(new int[] {7, 8, 9});
    }
    assertEquals(p[0], p[1]);
  }

  @Test
  void rejectsBadInput() {
    List<int[]> documents = List.of(new int[] {1}, new int[] {2});
    SplittableRandom rng = new SplittableRandom(1);
    BagOfWordsBaseline.Settings s = BagOfWordsBaseline.Settings.DEFAULT;
    assertThrows(IllegalArgumentException.class,
        () -> BagOfWordsBaseline.fit(documents, new int[] {0}, VOCABULARY, s, rng));
    assertThrows(IllegalArgumentException.class,
        () -> BagOfWordsBaseline.fit(documents, new int[] {0, 2}, VOCABULARY, s, rng));
    assertThrows(IllegalArgumentException.class,
        () -> BagOfWordsBaseline.fit(List.of(new int[] {VOCABULARY}), new int[] {0},
            VOCABULARY, s, rng));
    assertThrows(IllegalArgumentException.class, () -> new BagOfWordsBaseline.Settings(0, 0.1, 0));
  }
}
