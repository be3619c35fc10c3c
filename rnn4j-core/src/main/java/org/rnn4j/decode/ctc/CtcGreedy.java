package org.rnn4j.decode.ctc;

import org.rnn4j.tensor.Tensor;

/**
 * Best-path (greedy) CTC decoding: the most probable class of every frame, with repeats merged
 * and blanks dropped.
 *
 * <pre>
 * π_t = argmax_k y_t(k)          ties to the lowest class id
 * ŷ = B(π)                       B: merge runs of equal classes, then remove the blank ∅
 * </pre>
 *
 * π is the most probable single alignment, not always the alignment of the most probable label
 * sequence (that sums over all alignments; see {@link CtcPrefixBeamSearch}). The input may be
 * log-probabilities, probabilities or logits: only the arg-max of each frame is used.
 */
public final class CtcGreedy {
  private CtcGreedy() {}

  /**
   * Decodes one sequence.
   *
   * @param logProbs (T, C) frame scores
   * @param blank the class id of ∅, in [0, C)
   * @return the label sequence B(π)
   */
  public static int[] decode(Tensor logProbs, int blank) {
    return decode(Frames.of(logProbs), blank);
  }

  /**
   * Decodes each sequence of a batch.
   *
   * @param logProbs (T, B, C) frame scores, time first as {@link org.rnn4j.loss.CtcLoss} takes them
   * @param lengths (B) the frames of each sequence, in [0, T]
   * @param blank the class id of ∅, in [0, C)
   * @return (B) the label sequences
   */
  public static int[][] decode(Tensor logProbs, int[] lengths, int blank) {
    int[][] out = new int[lengths.length][];
    for (int b = 0; b < lengths.length; b++) {
      out[b] = decode(Frames.of(logProbs, lengths, b), blank);
    }
    return out;
  }

  private static int[] decode(Frames y, int blank) {
    y.checkBlank(blank);
    int[] labels = new int[y.length()];
    int n = 0;
    int previous = -1;
    for (int t = 0; t < y.length(); t++) {
      int best = 0;
      for (int k = 1; k < y.classes(); k++) {
        if (y.at(t, k) > y.at(t, best)) {
          best = k;
        }
      }
      if (best != blank && best != previous) {
        labels[n++] = best;
      }
      previous = best;
    }
    return java.util.Arrays.copyOf(labels, n);
  }
}
