package org.rnn4j.decode.ctc;

import java.util.Arrays;

/**
 * A label sequence found by {@link CtcPrefixBeamSearch} and its log-probability as the search
 * computed it: log p(labels | y), summed over the alignments the beam kept, so at most the exact
 * value, and equal to it when nothing that leads to this sequence was pruned.
 *
 * @param labels the labels, blanks removed and repeats merged
 * @param logProbability the log-probability summed over the alignments kept
 */
public record CtcHypothesis(int[] labels, double logProbability) {
  /** Copies the labels. */
  public CtcHypothesis {
    labels = labels.clone();
  }

  /** The labels, a copy. */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CtcHypothesis h && Arrays.equals(labels, h.labels)
        && Double.compare(logProbability, h.logProbability) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + Double.hashCode(logProbability);
  }

  @Override
  public String toString() {
    return Arrays.toString(labels) + " log p = " + logProbability;
  }
}
