package org.rnn4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Seeded Fisher–Yates shuffling: the same generator state gives the same order. */
public final class Shuffle {
  private Shuffle() {}

  /**
   * A random permutation of 0…n−1.
   *
   * @param n the number of items
   * @param rng the source of randomness
   * @return the permutation
   */
  public static int[] permutation(int n, RandomGenerator rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(p, rng);
    return p;
  }

  /**
   * Shuffles an array in place.
   *
   * @param values the array, modified
   * @param rng the source of randomness
   */
  public static void shuffle(int[] values, RandomGenerator rng) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }

  /**
   * A shuffled copy of a list.
   *
   * @param items the list, not modified
   * @param rng the source of randomness
   * @param <E> the item type
   * @return a new list with the items in random order
   */
  public static <E> List<E> shuffled(List<E> items, RandomGenerator rng) {
    int[] p = permutation(items.size(), rng);
    List<E> out = new ArrayList<>(items.size());
    for (int i : p) {
      out.add(items.get(i));
    }
    return out;
  }
}
