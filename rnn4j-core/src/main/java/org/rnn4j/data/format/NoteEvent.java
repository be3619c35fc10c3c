package org.rnn4j.data.format;

/**
 * One played note.
 *
 * @param start the tick the note starts on
 * @param duration its length in ticks, at least 1
 * @param channel the MIDI channel, 0–15 (9 is General MIDI percussion)
 * @param pitch the MIDI key, 0–127 (60 is middle C)
 * @param velocity how hard it is struck, 1–127
 */
public record NoteEvent(long start, long duration, int channel, int pitch, int velocity) {

  /** Checks the ranges of MIDI. */
  public NoteEvent {
    if (start < 0 || duration < 1) {
      throw new IllegalArgumentException("a note needs start >= 0 and duration >= 1, got "
          + start + ", " + duration);
    }
    if (channel < 0 || channel > 15 || pitch < 0 || pitch > 127 || velocity < 1
        || velocity > 127) {
      throw new IllegalArgumentException("a note needs channel 0-15, pitch 0-127, velocity "
          + "1-127, got " + channel + ", " + pitch + ", " + velocity);
    }
  }
}
