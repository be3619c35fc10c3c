package org.rnn4j.kernel;

import java.util.Arrays;

/**
 * Array sizes computed from data (batch × time × features), checked: a product that does not fit
 * in an {@code int} is an error that says so, not a negative size or a wrapped-around array.
 */
public final class Sizes {
  private Sizes() {}

  /**
   * @param dims the dimensions, each at least 0
   * @return their product
   * @throws IllegalArgumentException if a dimension is negative or the product exceeds
   *     {@link Integer#MAX_VALUE}, naming the dimensions
   */
  public static int product(int... dims) {
    long n = 1;
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("sizes must be non-negative, got "
            + Arrays.toString(dims));
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("an array of sizes " + Arrays.toString(dims)
            + " would hold more than 2^31 - 1 values (more than Java arrays can); use shorter"
            + " sequences or smaller batches");
      }
    }
    return (int) n;
  }
}
