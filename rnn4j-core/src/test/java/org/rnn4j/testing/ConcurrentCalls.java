package org.rnn4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Checks that a shared object answers the same from many threads at once as from one: every
 * request of a pool is first answered serially, then {@code threads} threads each make {@code
 * perThread} requests drawn at random from the pool, all started together, and every answer must
 * equal the serial one exactly. Answers are compared as strings: render floats with {@link
 * Float#toString}, which tells every two different floats apart, so equal strings mean
 * bit-identical results.
 */
public final class ConcurrentCalls {
  /** The bar: 8 threads × 10,000 requests. */
  public static final int THREADS = 8;
  public static final int REQUESTS_PER_THREAD = 10_000;

  private ConcurrentCalls() {}

  /**
   * @param pool the distinct requests (mixed lengths, mixed batch sizes)
   * @param call one request → its answer rendered exactly
   * @param threads how many threads call at once
   * @param perThread requests per thread
   * @param <Q> the request type
   * @throws AssertionError naming the first request whose answer differed, and how many did
   */
  public static <Q> void assertSameAsSerial(List<Q> pool, Function<Q, String> call, int threads,
      int perThread) throws Exception {
    List<String> serial = new ArrayList<>();
    for (Q q : pool) {
      serial.add(call.apply(q));
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<String> firstDifference = new AtomicReference<>();
    List<Future<Integer>> differences = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        SplittableRandom rng = new SplittableRandom(1000 + t);
        differences.add(executor.submit(() -> {
          start.await();
          int wrong = 0;
          for (int i = 0; i < perThread; i++) {
            int k = rng.nextInt(pool.size());
            String answer = call.apply(pool.get(k));
            if (!answer.equals(serial.get(k))) {
              wrong++;
              firstDifference.compareAndSet(null, "request " + k + " (" + pool.get(k)
                  + "): serial " + serial.get(k) + ", concurrent " + answer);
            }
          }
          return wrong;
        }));
      }
      start.countDown();
      int wrong = 0;
      for (Future<Integer> f : differences) {
        wrong += f.get();
      }
      assertEquals(0, wrong, wrong + " of " + threads * perThread + " concurrent answers differed"
          + " from the serial ones; first: " + firstDifference.get());
    } finally {
      executor.shutdownNow();
    }
  }

  /** {@link #assertSameAsSerial} with {@link #THREADS} × {@link #REQUESTS_PER_THREAD}. */
  public static <Q> void assertSameAsSerial(List<Q> pool, Function<Q, String> call)
      throws Exception {
    assertSameAsSerial(pool, call, THREADS, REQUESTS_PER_THREAD);
  }
}
