package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelismTest {

  @AfterEach
  void restoreThreads() {
    Parallelism.setThreads(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void defaultsToAvailableProcessors() {
    assertEquals(Runtime.getRuntime().availableProcessors(), Parallelism.threads());
    Parallelism.setThreads(1);
    assertEquals(1, Parallelism.threads());
  }

  @Test
  void runsEveryPartOnceWithTheFirstOnTheCaller() {
    AtomicIntegerArray seen = new AtomicIntegerArray(5);
    Thread caller = Thread.currentThread();
    Thread[] first = new Thread[1];
    Parallelism.run(5, i -> {
      seen.incrementAndGet(i);
      if (i == 0) {
        first[0] = Thread.currentThread();
      }
    });
    for (int i = 0; i < 5; i++) {
      assertEquals(1, seen.get(i));
    }
    assertSame(caller, first[0]);
  }

  @Test
  void waitsForAllPartsAndRethrowsAFailure() {
    AtomicInteger done = new AtomicInteger();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Parallelism.run(3, i -> {
          if (i == 1) {
            throw new IllegalStateException("part 1");
          }
          sleep();
          done.incrementAndGet();
        }));
    assertEquals("part 1", e.getMessage());
    assertEquals(2, done.get());
  }

  @Test
  void nestedCallsRunSeriallyWithoutDeadlock() {
    Parallelism.setThreads(2);
    AtomicIntegerArray seen = new AtomicIntegerArray(4 * 3);
    AtomicInteger elsewhere = new AtomicInteger();
    Parallelism.run(4, outer -> {
      if (outer == 1) { // keep the worker busy while the caller's part makes its nested call
        LockSupport.parkNanos(50_000_000L);
      }
      Thread outerThread = Thread.currentThread();
      Parallelism.run(3, inner -> {
        seen.incrementAndGet(outer * 3 + inner);
        if (Thread.currentThread() != outerThread) {
          elsewhere.incrementAndGet();
        }
      });
    });
    for (int i = 0; i < seen.length(); i++) {
      assertEquals(1, seen.get(i));
    }
    assertEquals(0, elsewhere.get(), "a nested call's parts run on the thread that made it,"
        + " the caller's own part included");
  }

  @Test
  void moreThreadsThanPartsAndMorePartsThanThreadsBothComplete() {
    for (int threads : new int[] {1, 2, 5}) {
      Parallelism.setThreads(threads);
      for (int parts : new int[] {1, 2, 3, 7}) {
        AtomicInteger count = new AtomicInteger();
        Parallelism.run(parts, i -> count.incrementAndGet());
        assertEquals(parts, count.get(), "threads=" + threads + " parts=" + parts);
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
