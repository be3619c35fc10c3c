package org.rnn4j.speech.ctc;

import java.nio.file.Path;

/**
 * One recording and what is said in it.
 *
 * @param audio a WAV, AIFF or AU file, headerless 16 kHz PCM ({@code .raw}), or Sphinx
 *     cepstra ({@code .mfc})
 * @param transcript the words spoken
 */
public record Utterance(Path audio, String transcript) {
  /** Checks that both are given. */
  public Utterance {
    if (audio == null || transcript == null) {
      throw new IllegalArgumentException("audio and transcript must be given");
    }
  }
}
