package org.rnn4j.speech.ctc;

import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.loss.CtcTargets;

/**
 * A batch of recordings with their label sequences.
 *
 * @param inputs (B, T, F) steps with each recording's length
 * @param targets the B label sequences (class ids ≥ 1)
 */
public record CtcBatch(PaddedFeatures inputs, CtcTargets targets) {
  /** Checks that there is one label sequence per recording. */
  public CtcBatch {
    if (inputs.batch() != targets.batch()) {
      throw new IllegalArgumentException("one label sequence per recording: " + inputs.batch()
          + " recordings, " + targets.batch() + " label sequences");
    }
  }
}
