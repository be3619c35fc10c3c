package org.rnn4j.data.format;

import java.util.List;

/**
 * The notes of a piece of music, sorted by start tick (then channel, then pitch).
 *
 * @param ticksPerQuarter the time resolution: ticks per quarter note
 * @param microsPerQuarter the tempo: microseconds per quarter note (500,000 is 120 beats per
 *     minute)
 * @param programs (16) the General MIDI instrument of each channel, 0–127
 * @param notes the notes
 */
public record NoteSequence(
    int ticksPerQuarter, int microsPerQuarter, List<Integer> programs, List<NoteEvent> notes) {
  /** The MIDI default tempo, 120 quarter notes a minute. */
  public static final int DEFAULT_MICROS_PER_QUARTER = 500_000;

  /** Checks the settings. */
  public NoteSequence {
    if (ticksPerQuarter < 1 || microsPerQuarter < 1) {
      throw new IllegalArgumentException("ticksPerQuarter and microsPerQuarter must be at least "
          + "1, got " + ticksPerQuarter + ", " + microsPerQuarter);
    }
    programs = List.copyOf(programs);
    if (programs.size() != 16) {
      throw new IllegalArgumentException("expected 16 channel programs, got " + programs.size());
    }
    notes = List.copyOf(notes);
  }

  /** The tick just after the last note ends. */
  public long endTick() {
    long end = 0;
    for (NoteEvent n : notes) {
      end = Math.max(end, n.start() + n.duration());
    }
    return end;
  }
}
