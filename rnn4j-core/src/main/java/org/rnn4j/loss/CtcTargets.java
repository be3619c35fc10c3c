package org.rnn4j.loss;

import java.util.Arrays;

/**
 * The label sequences of a CTC batch: where the S_b labels of each sequence b lie in a flat
 * array. Two layouts, as PyTorch's {@code ctc_loss} accepts them:
 *
 * <pre>
 * concatenated   labels (Σ_b S_b)   sequence b at [S_0 + … + S_{b−1}, … + S_b)
 * padded         labels (B, W)      sequence b at [b·W, b·W + S_b); W ≥ max_b S_b, the rest unread
 * </pre>
 *
 * Only the position and count of labels are checked here; {@link CtcLoss} checks the label
 * values against the number of classes and the blank. The arrays are copied.
 */
public final class CtcTargets {
  private final int[] labels;
  private final int[] offsets; // (B) where sequence b starts in labels
  private final int[] lengths; // (B) S_b

  private CtcTargets(int[] labels, int[] offsets, int[] lengths) {
    this.labels = labels;
    this.offsets = offsets;
    this.lengths = lengths;
  }

  /**
   * Sequences stored one after another.
   *
   * @param labels (Σ_b S_b) the labels of sequence 0, then of sequence 1, …
   * @param lengths (B) S_b, each ≥ 0
   * @throws IllegalArgumentException when a length is negative or the lengths do not sum to the
   *     number of labels
   */
  public static CtcTargets concatenated(int[] labels, int[] lengths) {
    checkLengths(lengths);
    int[] offsets = new int[lengths.length];
    long total = 0;
    for (int b = 0; b < lengths.length; b++) {
      offsets[b] = (int) Math.min(total, Integer.MAX_VALUE);
      total += lengths[b];
    }
    if (total != labels.length) {
      throw new IllegalArgumentException("concatenated targets: labels must hold Σ lengths = "
          + total + " labels, got " + labels.length);
    }
    return new CtcTargets(labels.clone(), offsets, lengths.clone());
  }

  /**
   * Sequences padded to a common width W.
   *
   * @param labels (B, W) row-major; entries past S_b in a row are never read
   * @param width W
   * @param lengths (B) S_b in [0, W]
   * @throws IllegalArgumentException when labels is not B·W long or a length is out of range
   */
  public static CtcTargets padded(int[] labels, int width, int[] lengths) {
    checkLengths(lengths);
    if (width < 0 || (long) width * lengths.length != labels.length) {
      throw new IllegalArgumentException("padded targets: labels must be (B, W) = ("
          + lengths.length + ", " + width + "), " + (long) width * lengths.length
          + " labels, got " + labels.length);
    }
    int[] offsets = new int[lengths.length];
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] > width) {
        throw new IllegalArgumentException("padded targets: lengths[" + b + "] must lie in [0, "
            + width + "] (the width), got " + lengths[b]);
      }
      offsets[b] = b * width;
    }
    return new CtcTargets(labels.clone(), offsets, lengths.clone());
  }

  private static void checkLengths(int[] lengths) {
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] < 0) {
        throw new IllegalArgumentException(
            "target lengths[" + b + "] must be ≥ 0, got " + lengths[b]);
      }
    }
  }

  /** B, the number of sequences. */
  public int batch() {
    return lengths.length;
  }

  /** S_b, the number of labels of sequence b. */
  public int length(int b) {
    return lengths[b];
  }

  /** The S_b labels of sequence b, a copy. */
  public int[] of(int b) {
    return Arrays.copyOfRange(labels, offsets[b], offsets[b] + lengths[b]);
  }
}
