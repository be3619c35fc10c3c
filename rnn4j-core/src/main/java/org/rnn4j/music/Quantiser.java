package org.rnn4j.music;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.rnn4j.data.format.NoteEvent;
import org.rnn4j.data.format.NoteSequence;

/**
 * Puts notes on a {@link NoteGrid}, in the canonical form {@link NoteCodec} encodes exactly:
 *
 * <pre>
 * step(tick)  = round(tick · stepsPerQuarter / ticksPerQuarter)      halves round up
 * start'      = step(start)
 * duration'   = clamp(step(start + duration) − start', 1, maxDuration)
 * channel'    = 9 for percussion (channel 9), else 0                 all melodic channels merge
 * velocity'   = {@value #VELOCITY};  programs all 0 (piano; the drum kit on channel 9)
 * ticksPerQuarter' = stepsPerQuarter (one tick per step);  tempo kept (the file's first tempo)
 * </pre>
 *
 * Then each key (channel', pitch) sounds at most once at a time, as on a piano: of notes that
 * start together on one key the longest is kept, and a note still sounding when its key is struck
 * again ends there. This keeps every quantised sequence exact through {@link
 * org.rnn4j.data.format.Midi#write} and {@link org.rnn4j.data.format.Midi#read}, which pair each
 * note-off with the earliest open note-on of its key. Notes come out sorted by (start, channel,
 * pitch), the order of {@link NoteSequence}.
 *
 * <p>What is lost, on purpose: instruments (programs), velocities, the split into channels and
 * tracks, tempo changes after the first, timing finer than the grid, and durations beyond the cap.
 */
public final class Quantiser {
  /** The channel of every quantised melodic note. */
  public static final int MELODIC_CHANNEL = 0;
  /** The General MIDI percussion channel, kept apart so drum keys stay drums. */
  public static final int PERCUSSION_CHANNEL = 9;
  /** The velocity of every quantised note. */
  public static final int VELOCITY = 100;

  private static final Comparator<NoteEvent> BY_KEY_THEN_START =
      Comparator.comparingInt(NoteEvent::channel).thenComparingInt(NoteEvent::pitch)
          .thenComparingLong(NoteEvent::start)
          .thenComparing(Comparator.comparingLong(NoteEvent::duration).reversed());
  private static final Comparator<NoteEvent> SEQUENCE_ORDER =
      Comparator.comparingLong(NoteEvent::start).thenComparingInt(NoteEvent::channel)
          .thenComparingInt(NoteEvent::pitch);

  private final NoteGrid grid;

  /**
   * @param grid the grid and caps
   */
  public Quantiser(NoteGrid grid) {
    if (grid == null) {
      throw new IllegalArgumentException("grid must be given");
    }
    this.grid = grid;
  }

  public NoteGrid grid() {
    return grid;
  }

  /**
   * The notes on the grid, in canonical form (see the class comment). Quantising a quantised
   * sequence gives it back unchanged.
   *
   * @param music any notes
   * @return the quantised notes, ticksPerQuarter = stepsPerQuarter
   */
  public NoteSequence quantise(NoteSequence music) {
    List<NoteEvent> notes = new ArrayList<>(music.notes().size());
    int tpq = music.ticksPerQuarter();
    for (NoteEvent n : music.notes()) {
      long start = step(n.start(), tpq);
      long duration = Math.max(1, Math.min(grid.maxDuration(),
          step(n.start() + n.duration(), tpq) - start));
      int channel = n.channel() == PERCUSSION_CHANNEL ? PERCUSSION_CHANNEL : MELODIC_CHANNEL;
      notes.add(new NoteEvent(start, duration, channel, n.pitch(), VELOCITY));
    }
    return canonical(notes, grid.stepsPerQuarter(), music.microsPerQuarter());
  }

  /** round(tick · stepsPerQuarter / ticksPerQuarter), halves up, in exact integer arithmetic. */
  private long step(long tick, int ticksPerQuarter) {
    return Math.floorDiv(Math.addExact(Math.multiplyExact(2 * tick, grid.stepsPerQuarter()),
        ticksPerQuarter), 2L * ticksPerQuarter);
  }

  /**
   * Notes already on the grid, with same-key overlaps resolved and sorted (see the class comment).
   *
   * @param notes notes whose ticks are grid steps, channels 0 or 9, velocity {@value #VELOCITY}
   * @param stepsPerQuarter the grid's steps per quarter note (the sequence's ticks per quarter)
   * @param microsPerQuarter the tempo
   * @return the canonical sequence
   */
  static NoteSequence canonical(List<NoteEvent> notes, int stepsPerQuarter,
      int microsPerQuarter) {
    List<NoteEvent> byKey = new ArrayList<>(notes);
    byKey.sort(BY_KEY_THEN_START);
    List<NoteEvent> kept = new ArrayList<>(byKey.size());
    for (int i = 0; i < byKey.size(); i++) {
      NoteEvent n = byKey.get(i);
      NoteEvent previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
      boolean sameKey = previous != null && previous.channel() == n.channel()
          && previous.pitch() == n.pitch();
      if (sameKey && previous.start() == n.start()) {
        continue; // the longer one came first
      }
      if (sameKey && previous.start() + previous.duration() > n.start()) {
        kept.set(kept.size() - 1, new NoteEvent(previous.start(), n.start() - previous.start(),
            previous.channel(), previous.pitch(), previous.velocity()));
      }
      kept.add(n);
    }
    kept.sort(SEQUENCE_ORDER);
    return new NoteSequence(stepsPerQuarter, microsPerQuarter, Collections.nCopies(16, 0), kept);
  }
}
