package org.rnn4j.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * How many threads rnn4j's kernels may use, and the small shared pool that runs them.
 *
 * <p>The pool holds {@code threads() − 1} daemon workers, started on first use. A parallel kernel
 * of P parts on T threads gives part i to thread i mod T (the caller is thread 0), so the same
 * slice of a reused weight stays in the same core's cache from one time step to the next; the
 * caller takes over the parts of a worker that is still parked. Recurrent layers call small
 * products at every time step, so hand-off latency matters: a worker spins for {@value
 * #SPIN_NANOS} ns after each job before it parks, which on the development VM cut the cost of a
 * parallel call from 10–40 µs (waking a parked thread) to about 1 µs. Kernels split work only
 * above a size threshold (see {@link BlockedGemm#PARALLEL_MIN_FLOPS}), so small products stay on
 * one core. If the pool is busy
 * (another thread's kernel, or a kernel called from inside a part) the parts run serially on the
 * caller.
 */
public final class Parallelism {
  static final long SPIN_NANOS = 500_000;
  private static final long CALLER_SPIN_NANOS = 1_000_000;
  private static volatile int threads = Runtime.getRuntime().availableProcessors();
  private static final ReentrantLock POOL_LOCK = new ReentrantLock();
  private static final List<Worker> WORKERS = new ArrayList<>(); // guarded by POOL_LOCK
  private static volatile Job current;
  private static long generation; // guarded by POOL_LOCK

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
   * Runs {@code part.accept(i)} for every i in [0, parts) on up to {@link #threads()} threads,
   * including the caller; returns when all are done and rethrows the first failure. Part i runs
   * on thread i mod threads(). Split only work that is large against the hand-off cost (about
   * 1 µs when the workers are spinning, 10–40 µs when they are parked).
   *
   * @param parts how many parts, at least 1
   * @param part the work of part i; parts must not write to the same memory
   */
  public static void run(int parts, IntConsumer part) {
    // Serial when the pool is busy: with another thread's kernel, or with the job this very
    // call is part of (the lock is reentrant, so the caller's own part must be caught here).
    if (parts == 1 || POOL_LOCK.isHeldByCurrentThread() || !POOL_LOCK.tryLock()) {
      for (int i = 0; i < parts; i++) {
        part.accept(i);
      }
      return;
    }
    Job job;
    try {
      int participants = Math.min(parts, threads);
      job = new Job(++generation, parts, participants, part);
      startWorkers(participants - 1);
      current = job;
      for (int w = 0; w < participants - 1; w++) {
        Worker worker = WORKERS.get(w);
        if (worker.parked) {
          LockSupport.unpark(worker);
        }
      }
      job.work(0);
      job.awaitDone(WORKERS);
      current = null;
    } finally {
      POOL_LOCK.unlock();
    }
    Throwable failure = job.failure.get();
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
  }

  private static void startWorkers(int wanted) {
    while (WORKERS.size() < wanted) {
      Worker w = new Worker(WORKERS.size() + 1);
      WORKERS.add(w);
      w.start();
    }
  }

  /** One parallel call: part i belongs to participant i mod participants (0 is the caller). */
  private static final class Job {
    final long generation;
    final int parts;
    final int participants;
    final IntConsumer part;
    final AtomicIntegerArray claimed;
    final AtomicInteger remaining;
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    Job(long generation, int parts, int participants, IntConsumer part) {
      this.generation = generation;
      this.parts = parts;
      this.participants = participants;
      this.part = part;
      this.claimed = new AtomicIntegerArray(parts);
      this.remaining = new AtomicInteger(parts);
    }

    /** Runs the parts of participant {@code self} that nobody has claimed yet. */
    void work(int self) {
      for (int i = self; i < parts; i += participants) {
        runIfUnclaimed(i);
      }
    }

    private void runIfUnclaimed(int i) {
      if (!claimed.compareAndSet(i, 0, 1)) {
        return;
      }
      try {
        part.accept(i);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        remaining.decrementAndGet();
      }
    }

    /**
     * Waits for the workers (spinning, then yielding: a timed park sleeps for 50 µs or more on a
     * VM, longer than most parts) and takes over the parts of any worker that
     * is parked, so a sleeping worker never delays the call by its wake-up time.
     */
    void awaitDone(List<Worker> workers) {
      long start = System.nanoTime();
      while (remaining.get() > 0) {
        for (int w = 1; w < participants; w++) {
          if (workers.get(w - 1).parked) {
            work(w);
          }
        }
        if (System.nanoTime() - start < CALLER_SPIN_NANOS) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }

  /** A pool thread: runs each new job's parts, spins a while for the next job, then parks. */
  private static final class Worker extends Thread {
    final int index;
    volatile boolean parked;

    Worker(int index) {
      super("rnn4j-kernel-" + index);
      this.index = index;
      setDaemon(true);
    }

    @Override
    public void run() {
      long seen = 0;
      while (true) {
        Job job = awaitJob(seen);
        seen = job.generation;
        if (index < job.participants) {
          job.work(index);
        }
      }
    }

    private Job awaitJob(long seen) {
      long start = System.nanoTime();
      while (true) {
        Job job = current;
        if (job != null && job.generation != seen) {
          return job;
        }
        if (System.nanoTime() - start < SPIN_NANOS) {
          Thread.onSpinWait();
          continue;
        }
        parked = true;
        job = current;
        if (job == null || job.generation == seen) {
          LockSupport.park(this);
        }
        parked = false;
      }
    }
  }
}
