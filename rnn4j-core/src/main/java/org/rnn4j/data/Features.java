package org.rnn4j.data;

import java.util.Arrays;
import org.rnn4j.kernel.Sizes;

/**
 * A sequence of feature vectors, row-major (the array is kept, not copied).
 *
 * @param values (T, F) row-major: step t is {@code values[t*F … t*F+F-1]}
 * @param features F, values per step, at least 1
 */
public record Features(float[] values, int features) implements SequenceInput {

  /** Checks that the values fill whole steps. */
  public Features {
    if (values == null) {
      throw new IllegalArgumentException("values must be given");
    }
    if (features < 1) {
      throw new IllegalArgumentException("features must be at least 1, got " + features);
    }
    if (values.length % features != 0) {
      throw new IllegalArgumentException("values length must be a multiple of features "
          + features + ", got " + values.length);
    }
  }

  /**
   * Features from rows.
   *
   * @param rows (T, F): one array per step, all of length F
   * @return the row-major sequence
   * @throws IllegalArgumentException if rows differ in length or there are none
   */
  public static Features of(float[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("rows must hold at least one step to know F");
    }
    int f = rows[0].length;
    float[] values = new float[Sizes.product(rows.length, f)];
    for (int t = 0; t < rows.length; t++) {
      if (rows[t].length != f) {
        throw new IllegalArgumentException("every row must have " + f + " features, row " + t
            + " has " + rows[t].length);
      }
      System.arraycopy(rows[t], 0, values, t * f, f);
    }
    return new Features(values, f);
  }

  @Override
  public int length() {
    return values.length / features;
  }

  /** Value f of step t. */
  public float get(int t, int f) {
    return values[t * features + f];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Features other && other.features == features
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * features + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Features(T=" + length() + ", F=" + features + ")";
  }
}
