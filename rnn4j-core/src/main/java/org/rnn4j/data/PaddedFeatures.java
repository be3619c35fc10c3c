package org.rnn4j.data;

import org.rnn4j.tensor.Tensor;

/**
 * Feature vectors padded into (B, T, F), zero on padded steps.
 *
 * @param values (B, T, F)
 * @param lengths (B) each sequence's length
 */
public record PaddedFeatures(Tensor values, int[] lengths) implements Padded {

  /** Checks that the shapes agree. */
  public PaddedFeatures {
    if (values == null || lengths == null) {
      throw new IllegalArgumentException("values and lengths must be given");
    }
    if (values.rank() != 3 || values.dim(0) != lengths.length) {
      throw new IllegalArgumentException("values must be (B, T, F) with B = lengths.length = "
          + lengths.length + ", got shape " + java.util.Arrays.toString(values.shape()));
    }
    Collate.checkLengths(lengths, values.dim(1));
  }

  @Override
  public int batch() {
    return values.dim(0);
  }

  @Override
  public int time() {
    return values.dim(1);
  }

  /** F, features per step. */
  public int features() {
    return values.dim(2);
  }
}
