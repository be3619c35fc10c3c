package org.rnn4j.music;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.format.NoteEvent;
import org.rnn4j.data.format.NoteSequence;

/**
 * Moves music up or down by semitones, the usual augmentation for music models (a piece in
 * another key is still music). Percussion (channel 9) keys name drums, not pitches, so they stay;
 * melodic notes pushed outside the MIDI range 0–127 are dropped.
 *
 * <pre>
 * pitch' = pitch + semitones      for channel ≠ 9, kept when 0 ≤ pitch' ≤ 127
 * </pre>
 */
public final class Transposition {
  private static final int PERCUSSION_CHANNEL = 9;

  private Transposition() {}

  /**
   * The music moved by {@code semitones}.
   *
   * @param music any notes
   * @param semitones how far, up (&gt; 0) or down (&lt; 0)
   * @return the moved notes, timing, tempo and programs unchanged
   */
  public static NoteSequence transpose(NoteSequence music, int semitones) {
    List<NoteEvent> notes = new ArrayList<>(music.notes().size());
    for (NoteEvent n : music.notes()) {
      int pitch = n.channel() == PERCUSSION_CHANNEL ? n.pitch() : n.pitch() + semitones;
      if (pitch >= 0 && pitch <= 127) {
        notes.add(new NoteEvent(n.start(), n.duration(), n.channel(), pitch, n.velocity()));
      }
    }
    return new NoteSequence(music.ticksPerQuarter(), music.microsPerQuarter(), music.programs(),
        notes);
  }
}
