package org.rnn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

  private static int[] randomLengths(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return IntStream.range(0, n).map(i -> 1 + rng.nextInt(100)).toArray();
  }

  private static int[] flatten(List<int[]> batches) {
    return batches.stream().flatMapToInt(Arrays::stream).toArray();
  }

  @Test
  void sequentialBatchesCoverEveryIndexInOrder() {
    List<int[]> plan = BatchPlan.sequential(7, 3);
    assertEquals(3, plan.size());
    assertArrayEquals(new int[] {6}, plan.get(2));
    assertArrayEquals(IntStream.range(0, 7).toArray(), flatten(plan));
  }

  @Test
  void shuffledPlansAreSeededPermutations() {
    int[] a = flatten(BatchPlan.shuffled(100, 8, new SplittableRandom(3)));
    int[] b = flatten(BatchPlan.shuffled(100, 8, new SplittableRandom(3)));
    int[] c = flatten(BatchPlan.shuffled(100, 8, new SplittableRandom(4)));
    assertArrayEquals(a, b);
    assertNotEquals(Arrays.toString(a), Arrays.toString(c));
    assertArrayEquals(IntStream.range(0, 100).toArray(), Arrays.stream(a).sorted().toArray());
  }

  @Test
  void bucketingUsesEveryExampleOnceAndCutsPadding() {
    int[] lengths = randomLengths(2000, 1);
    List<int[]> bucketed = BatchPlan.bucketed(lengths, 32, BatchPlan.DEFAULT_POOL_BATCHES,
        new SplittableRandom(2));
    assertArrayEquals(IntStream.range(0, 2000).toArray(),
        Arrays.stream(flatten(bucketed)).sorted().toArray());
    double shuffledPadding = BatchPlan.paddingFraction(lengths,
        BatchPlan.shuffled(2000, 32, new SplittableRandom(2)));
    double bucketedPadding = BatchPlan.paddingFraction(lengths, bucketed);
    assertTrue(shuffledPadding > 0.4, "shuffled padding " + shuffledPadding);
    assertTrue(bucketedPadding < 0.05, "bucketed padding " + bucketedPadding);
  }

  @Test
  void seededSplitsAreDisjointAndReproducible() {
    List<Integer> items = IntStream.range(0, 1000).boxed().toList();
    Split<Integer> s = Split.random(items, 0.1, 0.2, new SplittableRandom(9));
    assertEquals(700, s.train().size());
    assertEquals(100, s.validation().size());
    assertEquals(200, s.test().size());
    assertEquals(1000, s.train().stream().distinct().count() + s.validation().size()
        + s.test().size());
    assertTrue(s.train().stream().noneMatch(s.test()::contains));
    assertEquals(s, Split.random(items, 0.1, 0.2, new SplittableRandom(9)));
  }

  @Test
  void labelsAreSortedAndNamedInErrors() {
    Labels labels = Labels.sorted(List.of("n", "ei", "ie", "ei"));
    assertEquals(List.of("ei", "ie", "n"), labels.names());
    assertEquals(2, labels.id("n"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> labels.id("x"));
    assertTrue(e.getMessage().contains("[ei, ie, n]"));
  }
}
