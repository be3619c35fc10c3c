package org.rnn4j.music;

/**
 * The time grid notes are quantised to, and the caps on what one note's tokens can say.
 *
 * <pre>
 * step    = quarter note / stepsPerQuarter            the quantum (12: sixteenths and triplets)
 * shift s = onset − previous onset, in steps          written as ⌊s/maxShift⌋ × SHIFT_maxShift,
 *                                                     then SHIFT_(s mod maxShift): no cap
 * duration d, in steps, 1 ≤ d ≤ maxDuration           longer notes are cut to maxDuration
 * </pre>
 *
 * @param stepsPerQuarter grid steps per quarter note, ≥ 1
 * @param maxShift the largest shift token, ≥ 1; longer shifts repeat it
 * @param maxDuration the longest duration, ≥ 1, in steps
 */
public record NoteGrid(int stepsPerQuarter, int maxShift, int maxDuration) {
  /**
   * Twelve steps a quarter note (so sixteenths, eighth triplets and sixteenth triplets all lie on
   * the grid), shifts up to one 4/4 bar (48 steps) per token and durations up to two bars (96
   * steps). On the 31 openMSX pieces 98% of onsets lie within 1/30 of a quarter of this grid,
   * against 88% for a sixteenth-note grid.
   */
  public static final NoteGrid DEFAULT = new NoteGrid(12, 48, 96);

  /** Checks every setting is at least 1. */
  public NoteGrid {
    if (stepsPerQuarter < 1 || maxShift < 1 || maxDuration < 1) {
      throw new IllegalArgumentException("stepsPerQuarter, maxShift and maxDuration must be at"
          + " least 1, got " + stepsPerQuarter + ", " + maxShift + ", " + maxDuration);
    }
  }
}
