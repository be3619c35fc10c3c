package org.rnn4j.tensor;

/**
 * A scope in which ops record no graph: their results do not require gradients and keep no
 * reference to their inputs. Use it for inference and for updates to parameters.
 *
 * <pre>{@code
 * try (NoGrad scope = NoGrad.enter()) {
 *   Tensor logits = model.forward(x);   // no graph kept
 * }
 * }</pre>
 *
 * <p>Scopes nest and are per thread.
 */
public final class NoGrad implements AutoCloseable {
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final Thread owner;
  private boolean closed;

  private NoGrad() {
    this.owner = Thread.currentThread();
  }

  /**
   * Enters a no-gradient scope on the current thread.
   *
   * @return the scope, to be closed (try-with-resources) on the same thread
   */
  public static NoGrad enter() {
    DEPTH.get()[0]++;
    return new NoGrad();
  }

  /** Whether the current thread is inside a no-gradient scope. */
  public static boolean isActive() {
    return DEPTH.get()[0] > 0;
  }

  /**
   * Leaves the scope.
   *
   * @throws IllegalStateException if closed on another thread than the one that entered it
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException(
          "NoGrad scope closed on thread " + Thread.currentThread().getName()
              + " but entered on " + owner.getName());
    }
    closed = true;
    DEPTH.get()[0]--;
  }
}
