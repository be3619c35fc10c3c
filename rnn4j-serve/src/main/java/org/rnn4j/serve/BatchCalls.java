package org.rnn4j.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * A request's side of the {@link MicroBatcher}: queues its inputs, waits for their results within
 * the server's timeout, and turns a failed input into an error that names it.
 *
 * @param batcher the server's batcher
 * @param timeout the longest a request waits
 */
public record BatchCalls(MicroBatcher batcher, Duration timeout) {

  /**
   * Runs inputs through the batcher and waits for all of them.
   *
   * @param kind how they run
   * @param inputs the request's inputs
   * @param field the request field of input i, e.g. {@code texts[i]}, for the error when the
   *     model refuses it
   * @return one output per input, in order
   * @throws ApiException 400 naming the input the model refused; 503 when overloaded or when the
   *     timeout passes first
   */
  public <I, O> List<O> call(MicroBatcher.Kind<I, O> kind, List<I> inputs,
      IntFunction<String> field) {
    List<CompletableFuture<O>> futures = batcher.submitAll(kind, inputs);
    long end = System.nanoTime() + timeout.toNanos();
    List<O> out = new ArrayList<>(inputs.size());
    try {
      for (int i = 0; i < futures.size(); i++) {
        out.add(await(futures.get(i), end, field.apply(i)));
      }
    } finally {
      futures.forEach(f -> f.cancel(false)); // those not started leave the queue
    }
    return out;
  }

  private <O> O await(CompletableFuture<O> future, long end, String field) {
    try {
      return future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw ApiException.unavailable("timed out: no result within " + timeout.toMillis()
          + " ms; the server is busy");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted while waiting for the model");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException bad) {
        throw ApiException.badRequest(field, bad.getMessage());
      }
      if (cause instanceof ApiException api) {
        throw api;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("the model failed on " + field + ": " + cause, cause);
    }
  }
}
