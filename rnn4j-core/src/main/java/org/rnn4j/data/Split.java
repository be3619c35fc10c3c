package org.rnn4j.data;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A train / validation / test split.
 *
 * @param train the examples to fit on
 * @param validation the examples to choose settings and stop on
 * @param test the examples to report on, once
 * @param <E> the example type
 */
public record Split<E>(List<E> train, List<E> validation, List<E> test) {

  /** Makes the lists unmodifiable. */
  public Split {
    train = List.copyOf(train);
    validation = List.copyOf(validation);
    test = List.copyOf(test);
  }

  /**
   * A seeded random split: the items are shuffled, then the first {@code round(n ·
   * validationFraction)} go to validation, the next {@code round(n · testFraction)} to test and
   * the rest to train.
   *
   * @param items all examples
   * @param validationFraction in [0, 1)
   * @param testFraction in [0, 1), with the validation fraction below 1
   * @param rng the source of randomness (seed it: the same seed gives the same split)
   * @param <E> the example type
   * @return the split
   * @throws IllegalArgumentException if the fractions are out of range
   */
  public static <E> Split<E> random(
      List<E> items, double validationFraction, double testFraction, RandomGenerator rng) {
    if (!(validationFraction >= 0 && testFraction >= 0
        && validationFraction + testFraction < 1)) {
      throw new IllegalArgumentException("fractions must be at least 0 and sum below 1, got "
          + "validation " + validationFraction + " and test " + testFraction);
    }
    List<E> shuffled = Shuffle.shuffled(items, rng);
    int n = shuffled.size();
    int v = (int) Math.round(n * validationFraction);
    int t = (int) Math.round(n * testFraction);
    return new Split<>(shuffled.subList(v + t, n), shuffled.subList(0, v),
        shuffled.subList(v, v + t));
  }
}
