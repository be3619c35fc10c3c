package org.rnn4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {

  /** Records the size of every batch; doubles each input; refuses negative ones. */
  private record Doubling(String name, List<Integer> sizes) implements MicroBatcher.Kind<Integer,
      Integer> {
    Doubling(String name) {
      this(name, Collections.synchronizedList(new ArrayList<>()));
    }

    @Override
    public List<Integer> run(List<Integer> inputs) {
      sizes.add(inputs.size());
      List<Integer> out = new ArrayList<>();
      for (int x : inputs) {
        if (x < 0) {
          throw new IllegalArgumentException("negative: " + x);
        }
        out.add(2 * x);
      }
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Doubling d && d.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  private static MicroBatcher batcher(int workers, long windowMs, int maxBatch, int maxQueue) {
    return new MicroBatcher(workers, Duration.ofMillis(windowMs), maxBatch, maxQueue,
        new SimpleMeterRegistry());
  }

  private static List<Integer> join(List<CompletableFuture<Integer>> futures) throws Exception {
    List<Integer> out = new ArrayList<>();
    for (CompletableFuture<Integer> f : futures) {
      out.add(f.get(10, TimeUnit.SECONDS));
    }
    return out;
  }

  @Test
  void itemsSubmittedWithinTheWindowShareOneBatch() throws Exception {
    try (MicroBatcher b = batcher(1, 300, 32, 100)) {
      Doubling kind = new Doubling("a");
      List<CompletableFuture<Integer>> first = b.submitAll(kind, List.of(1, 2));
      List<CompletableFuture<Integer>> second = b.submitAll(kind, List.of(3));
      assertEquals(List.of(2, 4), join(first));
      assertEquals(List.of(6), join(second));
      assertEquals(List.of(3), kind.sizes());
    }
  }

  @Test
  void aFullBatchRunsWithoutWaitingForTheWindow() throws Exception {
    try (MicroBatcher b = batcher(1, 60_000, 4, 100)) {
      Doubling kind = new Doubling("a");
      long start = System.nanoTime();
      List<CompletableFuture<Integer>> f = b.submitAll(kind, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
      // 9 items, batches of 4: two full batches at once; the ninth waits for the window
      join(f.subList(0, 8));
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
      assertEquals(List.of(4, 4), kind.sizes());
      assertTrue(!f.get(8).isDone(), "the ninth item waits for company");
    }
  }

  @Test
  void kindsDoNotMixAndBatchingOffRunsEachItemAlone() throws Exception {
    try (MicroBatcher b = batcher(1, 200, 32, 100)) {
      Doubling a = new Doubling("a");
      Doubling c = new Doubling("c");
      List<CompletableFuture<Integer>> fa = b.submitAll(a, List.of(1, 2));
      List<CompletableFuture<Integer>> fc = b.submitAll(c, List.of(5));
      assertEquals(List.of(2, 4), join(fa));
      assertEquals(List.of(10), join(fc));
      assertEquals(List.of(2), a.sizes());
      assertEquals(List.of(1), c.sizes());
    }
    try (MicroBatcher off = batcher(2, 0, 1, 100)) {
      Doubling a = new Doubling("a");
      assertEquals(List.of(2, 4, 6), join(off.submitAll(a, List.of(1, 2, 3))));
      assertEquals(List.of(1, 1, 1), a.sizes());
    }
  }

  @Test
  void aBadInputFailsAloneNotItsBatch() throws Exception {
    try (MicroBatcher b = batcher(1, 200, 32, 100)) {
      Doubling kind = new Doubling("a");
      List<CompletableFuture<Integer>> f = b.submitAll(kind, List.of(1, -1, 3));
      assertEquals(2, f.get(0).get(10, TimeUnit.SECONDS));
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> f.get(1).get(10, TimeUnit.SECONDS));
      assertEquals("negative: -1", e.getCause().getMessage());
      assertEquals(6, f.get(2).get(10, TimeUnit.SECONDS));
      assertEquals(List.of(3, 1, 1, 1), kind.sizes()); // the batch, then each alone
    }
  }

  @Test
  void aFullQueueRefusesAllOfARequestWith503() {
    try (MicroBatcher b = batcher(1, 60_000, 100, 5)) {
      Doubling kind = new Doubling("a");
      b.submitAll(kind, List.of(1, 2, 3));
      ApiException e = assertThrows(ApiException.class,
          () -> b.submitAll(kind, List.of(4, 5, 6)));
      assertEquals(503, e.status());
      assertTrue(e.getMessage().contains("overloaded"), e.getMessage());
      assertEquals(3, b.waiting(), "none of the refused request's items was queued");
    }
  }

  @Test
  void closingRunsTheWaitingItemsAndRefusesNewOnes() throws Exception {
    MicroBatcher b = batcher(1, 60_000, 32, 100);
    Doubling kind = new Doubling("a");
    List<CompletableFuture<Integer>> f = b.submitAll(kind, List.of(1, 2));
    b.close();
    assertEquals(List.of(2, 4), join(f));
    assertTrue(b.awaitTermination(Duration.ofSeconds(10)));
    assertEquals(503, assertThrows(ApiException.class,
        () -> b.submitAll(kind, List.of(3))).status());
  }

  @Test
  void anItemGivenUpBeforeItsBatchStartsIsNotRun() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    MicroBatcher.Kind<Integer, Integer> blocking = inputs -> {
      running.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return inputs;
    };
    try (MicroBatcher b = batcher(1, 0, 1, 100)) {
      b.submitAll(blocking, List.of(0));
      assertTrue(running.await(10, TimeUnit.SECONDS));
      Doubling kind = new Doubling("a");
      List<CompletableFuture<Integer>> later = b.submitAll(kind, List.of(1));
      later.get(0).cancel(false); // its request timed out
      release.countDown();
      assertEquals(List.of(7), join(b.submitAll(kind, List.of(7)).subList(0, 1)).stream()
          .map(x -> x / 2).toList());
      assertEquals(List.of(1), kind.sizes(), "only the live item ran");
    }
  }
}
