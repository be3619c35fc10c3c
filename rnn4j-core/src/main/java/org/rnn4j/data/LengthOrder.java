package org.rnn4j.data;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order in which inference batches its inputs: longest first. A batch of similar lengths
 * computes few padded steps, since the recurrent layers skip the rows past the last one still
 * real at each step; and no input's result depends on its batch, so the order changes speed only.
 */
public final class LengthOrder {
  private LengthOrder() {}

  /**
   * @param lengths (N) each input's length
   * @return (N) the input indices, longest first, equal lengths in input order
   */
  public static int[] longestFirst(int[] lengths) {
    Integer[] order = new Integer[lengths.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> -lengths[i])); // stable
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }
}
