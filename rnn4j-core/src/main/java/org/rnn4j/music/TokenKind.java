package org.rnn4j.music;

/** What a token of a {@link NoteCodec} vocabulary says about a note. */
public enum TokenKind {
  /** {@code <pad>}, {@code <unk>}, {@code <bos>}, {@code <eos>}: part of no note. */
  SPECIAL,
  /** {@code SHIFT_s}: the time since the previous onset grows by s steps. */
  SHIFT,
  /** {@code PITCH_p} (a melodic key) or {@code DRUM_p} (a percussion key). */
  PITCH,
  /** {@code DUR_d}: the note lasts d steps; it ends the note. */
  DURATION
}
