package org.rnn4j.kernel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * How many threads rnn4j's kernels may use, and the small shared pool that runs them.
 *
 * <p>The pool holds daemon threads, created on demand and dropped after a minute idle, so it
 * never keeps a JVM alive and costs nothing when unused. A parallel kernel runs its first part on
 * the calling thread and the others on the pool. Kernels split work only above a size threshold
 * (see {@link BlockedGemm#PARALLEL_MIN_FLOPS}), so small products stay on one core.
 */
public final class Parallelism {
  private static volatile int threads = Runtime.getRuntime().availableProcessors();
  private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
    Thread t = new Thread(task, "rnn4j-kernel");
    t.setDaemon(true);
    return t;
  });

  private Parallelism() {}

  /**
   * The number of threads a kernel may use; defaults to the number of available processors.
   *
   * @return at least 1
   */
  public static int threads() {
    return threads;
  }

  /**
   * Sets the number of threads kernels may use; 1 disables splitting.
   *
   * @param count threads, at least 1
   * @throws IllegalArgumentException if {@code count < 1}
   */
  public static void setThreads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("threads must be at least 1: got " + count);
    }
    threads = count;
  }

  /**
   * Runs {@code part.accept(i)} for every i in [0, parts): part 0 on the calling thread, the others
   * on the pool; returns when all are done and rethrows the first failure.
   */
  static void run(int parts, IntConsumer part) {
    if (parts == 1) {
      part.accept(0);
      return;
    }
    Future<?>[] futures = new Future<?>[parts - 1];
    for (int i = 1; i < parts; i++) {
      int index = i;
      futures[i - 1] = POOL.submit(() -> part.accept(index));
    }
    RuntimeException failure = null;
    try {
      part.accept(0);
    } catch (RuntimeException e) {
      failure = e;
    }
    // Wait for every part, even after a failure, so none writes to the output after we return.
    for (Future<?> f : futures) {
      try {
        join(f);
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void join(Future<?> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          future.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
