package org.rnn4j.loss;

import java.util.Arrays;
import org.rnn4j.tensor.Tensor;

/** Which positions of a (B, T, …) prediction count towards a loss. */
final class Masks {
  private Masks() {}

  /**
   * Positions (rows of the flattened leading dimensions) that count: all of them without lengths;
   * with lengths, row (b, t) counts when t &lt; lengths[b].
   *
   * @param prediction (B, T, X) with lengths, any shape without
   * @param lengths (B) or null
   * @param rows the number of positions, B·T with lengths
   * @return (rows) flags
   */
  static boolean[] counted(Tensor prediction, int[] lengths, int rows) {
    boolean[] counted = new boolean[rows];
    if (lengths == null) {
      Arrays.fill(counted, true);
      return counted;
    }
    if (prediction.rank() < 3) {
      throw new IllegalArgumentException("with lengths the prediction must be (B, T, ...), got "
          + Arrays.toString(prediction.shape()));
    }
    int b = prediction.dim(0);
    int t = prediction.dim(1);
    if (lengths.length != b) {
      throw new IllegalArgumentException("lengths must have one entry per sequence: expected "
          + b + ", got " + lengths.length);
    }
    for (int i = 0; i < b; i++) {
      if (lengths[i] < 0 || lengths[i] > t) {
        throw new IllegalArgumentException(
            "lengths[" + i + "] must lie in [0, " + t + "], got " + lengths[i]);
      }
      Arrays.fill(counted, i * t, i * t + lengths[i], true);
    }
    return counted;
  }

  /**
   * Positions that count for a classification loss: those of {@link #counted} whose target is
   * not the ignore index; the targets of counted positions must be class ids.
   *
   * @param prediction (B, T, X) with lengths, any shape without
   * @param lengths (B) or null
   * @param targets (rows) class ids in [0, V), or the ignore index
   * @param ignoreIndex targets equal to this do not count
   * @param v V, the classes
   * @return (rows) flags
   * @throws IllegalArgumentException naming the first counted position whose target is not a
   *     class id
   */
  static boolean[] countedTargets(Tensor prediction, int[] lengths, int[] targets,
      int ignoreIndex, int v) {
    boolean[] counted = counted(prediction, lengths, targets.length);
    for (int r = 0; r < targets.length; r++) {
      if (targets[r] == ignoreIndex) {
        counted[r] = false;
      } else if (counted[r] && (targets[r] < 0 || targets[r] >= v)) {
        throw new IllegalArgumentException("target at position " + r + " must lie in [0, " + v
            + ") or equal the ignore index " + ignoreIndex + ", got " + targets[r]);
      }
    }
    return counted;
  }
}
