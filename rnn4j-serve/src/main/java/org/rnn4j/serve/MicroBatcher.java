package org.rnn4j.serve;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Dynamic micro-batching: items submitted by concurrent requests wait in one queue, and worker
 * threads run them through the model in batches of items of the same {@link Kind}.
 *
 * <p>A worker takes the oldest waiting item and lets it wait until {@code window} after it was
 * submitted, or until {@code maxBatch} items of its kind are waiting, whichever comes first; then
 * it removes up to {@code maxBatch} items of that kind and runs them in one call. Under light load
 * an item waits at most the window; under heavy load the queue fills while the workers are busy,
 * so batches grow with the load and no item waits for the window at all. {@code maxBatch = 1}
 * runs every item alone. The inference classes give each input the same result whatever else is
 * in its batch, so batching changes speed, never results.
 *
 * <p>When a batch fails with {@link IllegalArgumentException} (one input the model cannot take),
 * its items are run one by one, so only the bad one fails.
 */
public final class MicroBatcher implements AutoCloseable {

  /**
   * A kind of item: equal kinds (same operation, same options) may share a batch.
   *
   * @param <I> one input
   * @param <O> its output
   */
  public interface Kind<I, O> {
    /**
     * Runs a batch.
     *
     * @param inputs at least one input
     * @return one output per input, in order
     */
    List<O> run(List<I> inputs);
  }

  private record Item<I, O>(Kind<I, O> kind, I input, CompletableFuture<O> result,
      long submitted) {}

  private final long windowNanos;
  private final int maxBatch;
  private final int maxQueue;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Item<?, ?>> queue = new ArrayDeque<>(); // guarded by lock
  private boolean closed; // guarded by lock
  private final List<Thread> workers = new ArrayList<>();
  private final DistributionSummary batchSize;
  private final Timer queueWait;

  /**
   * Starts the workers.
   *
   * @param workers threads that run batches, ≥ 1
   * @param window how long the oldest item waits for others, ≥ 0
   * @param maxBatch the most items per batch, ≥ 1
   * @param maxQueue the most items waiting; beyond it {@link #submitAll} refuses, ≥ 1
   * @param registry where the batch sizes, the queue length and the wait in it are recorded
   */
  public MicroBatcher(int workers, Duration window, int maxBatch, int maxQueue,
      MeterRegistry registry) {
    this.windowNanos = window.toNanos();
    this.maxBatch = maxBatch;
    this.maxQueue = maxQueue;
    this.batchSize = DistributionSummary.builder("rnn4j.batch.size")
        .description("Items per batch run through the model")
        .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64).register(registry);
    this.queueWait = Timer.builder("rnn4j.queue.wait")
        .description("Time an item waited before its batch started").register(registry);
    registry.gauge("rnn4j.queue.items", this, MicroBatcher::waiting);
    for (int i = 0; i < workers; i++) {
      Thread t = new Thread(this::work, "rnn4j-batch-" + i);
      t.setDaemon(true);
      this.workers.add(t);
      t.start();
    }
  }

  /**
   * Queues inputs of one kind, all or none.
   *
   * @param kind how they run
   * @param inputs the inputs of one request
   * @return one future result per input, in order; a future fails with the exception of its
   *     input's run
   * @throws ApiException 503 if the queue has no room for them all or the batcher is closed
   */
  public <I, O> List<CompletableFuture<O>> submitAll(Kind<I, O> kind, List<I> inputs) {
    List<CompletableFuture<O>> results = new ArrayList<>(inputs.size());
    lock.lock();
    try {
      if (closed) {
        throw ApiException.unavailable("the server is shutting down");
      }
      if (queue.size() + inputs.size() > maxQueue) {
        throw ApiException.unavailable("overloaded: " + queue.size() + " items are waiting"
            + " (the limit is " + maxQueue + "); try again shortly");
      }
      long now = System.nanoTime();
      for (I input : inputs) {
        CompletableFuture<O> result = new CompletableFuture<>();
        queue.addLast(new Item<>(kind, input, result, now));
        results.add(result);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    return results;
  }

  /** Items waiting for a worker. */
  public int waiting() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  private void work() {
    while (true) {
      List<Item<?, ?>> batch;
      try {
        batch = nextBatch();
      } catch (InterruptedException e) {
        return;
      }
      if (batch == null) {
        return;
      }
      run(batch);
    }
  }

  /** The next batch, or null once closed and drained. */
  private List<Item<?, ?>> nextBatch() throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        Item<?, ?> head = queue.peekFirst();
        if (head == null) {
          if (closed) {
            return null;
          }
          changed.await();
          continue;
        }
        if (head.result().isDone()) { // its request timed out and gave up
          queue.pollFirst();
          continue;
        }
        long wait = head.submitted() + windowNanos - System.nanoTime();
        if (wait > 0 && !closed && waitingOfKind(head.kind()) < maxBatch) {
          changed.awaitNanos(wait);
          continue;
        }
        return take(head.kind());
      }
    } finally {
      lock.unlock();
    }
  }

  private int waitingOfKind(Kind<?, ?> kind) {
    int n = 0;
    for (Item<?, ?> item : queue) {
      if (item.kind().equals(kind) && ++n == maxBatch) {
        break;
      }
    }
    return n;
  }

  private List<Item<?, ?>> take(Kind<?, ?> kind) {
    List<Item<?, ?>> batch = new ArrayList<>();
    long now = System.nanoTime();
    for (Iterator<Item<?, ?>> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
      Item<?, ?> item = it.next();
      if (item.kind().equals(kind)) {
        it.remove();
        if (!item.result().isDone()) {
          batch.add(item);
          queueWait.record(now - item.submitted(), TimeUnit.NANOSECONDS);
        }
      }
    }
    return batch;
  }

  private void run(List<Item<?, ?>> batch) {
    if (batch.isEmpty()) {
      return;
    }
    batchSize.record(batch.size());
    try {
      complete(batch);
    } catch (IllegalArgumentException e) {
      if (batch.size() == 1) {
        batch.get(0).result().completeExceptionally(e);
        return;
      }
      for (Item<?, ?> item : batch) { // find the input at fault: each alone
        try {
          complete(List.of(item));
        } catch (RuntimeException | Error alone) {
          item.result().completeExceptionally(alone);
        }
      }
    } catch (RuntimeException | Error e) {
      batch.forEach(item -> item.result().completeExceptionally(e));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void complete(List<Item<?, ?>> batch) {
    Kind kind = batch.get(0).kind();
    List<Object> inputs = new ArrayList<>(batch.size());
    batch.forEach(item -> inputs.add(item.input()));
    List<?> outputs = kind.run(inputs);
    if (outputs.size() != inputs.size()) {
      throw new IllegalStateException("a batch of " + inputs.size() + " inputs gave "
          + outputs.size() + " outputs");
    }
    for (int i = 0; i < batch.size(); i++) {
      ((CompletableFuture) batch.get(i).result()).complete(outputs.get(i));
    }
  }

  /** Refuses new items; the workers finish the waiting ones, then stop. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the workers to finish after {@link #close()}.
   *
   * @param limit the longest to wait
   * @return whether all stopped
   */
  public boolean awaitTermination(Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    for (Thread t : workers) {
      long left = end - System.nanoTime();
      if (left > 0) {
        TimeUnit.NANOSECONDS.timedJoin(t, left);
      }
      if (t.isAlive()) {
        return false;
      }
    }
    return true;
  }
}
