package org.rnn4j.tensor;

/**
 * A ceiling on the values the tensors created on this thread may hold in all, while a scope is
 * open: building a model from an untrusted file's config, or from options that would not fit in
 * the heap, fails before the first oversized array is allocated instead of halfway through with
 * an {@link OutOfMemoryError}. Tensor factories ({@link Tensor#zeros} and the like) charge every
 * tensor they create against the innermost open scope.
 *
 * <pre>{@code
 * try (AllocationLimit limit = AllocationLimit.enter(fileValues, "the tensors in " + file)) {
 *   model = new Classifier(config, rng);   // throws LimitExceeded if the config asks for more
 * }
 * }</pre>
 */
public final class AllocationLimit implements AutoCloseable {
  private static final ThreadLocal<AllocationLimit> CURRENT = new ThreadLocal<>();
  private final long limit;
  private final String what;
  private final AllocationLimit outer;
  private long used;

  private AllocationLimit(long limit, String what, AllocationLimit outer) {
    this.limit = limit;
    this.what = what;
    this.outer = outer;
  }

  /** The ceiling was reached: what was asked for, against what. */
  public static final class LimitExceeded extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
      super(message);
    }
  }

  /**
   * Opens a scope on the current thread.
   *
   * @param values the most values (floats) the tensors created inside may hold in all
   * @param what the ceiling in words, with its number, for the message ("the 1,234 values its
   *     tensors hold")
   * @return the scope, to close on the same thread (try-with-resources)
   */
  public static AllocationLimit enter(long values, String what) {
    AllocationLimit scope = new AllocationLimit(values, what, CURRENT.get());
    CURRENT.set(scope);
    return scope;
  }

  /** Charges a new tensor of n values to the open scope, if any, before it is allocated. */
  static void charge(long n) {
    AllocationLimit scope = CURRENT.get();
    if (scope == null) {
      return;
    }
    if (scope.used + n > scope.limit) {
      throw new LimitExceeded(String.format(java.util.Locale.ROOT, "a tensor of %,d values would"
          + " bring the total to %,d, more than %s", n, scope.used + n, scope.what));
    }
    scope.used += n;
  }

  /** The values charged so far. */
  public long used() {
    return used;
  }

  @Override
  public void close() {
    if (CURRENT.get() == this) {
      CURRENT.set(outer);
    }
  }
}
