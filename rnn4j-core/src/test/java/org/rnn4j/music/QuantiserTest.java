package org.rnn4j.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.music.MusicSamples.drum;
import static org.rnn4j.music.MusicSamples.piano;
import static org.rnn4j.music.MusicSamples.sequence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.format.NoteEvent;
import org.rnn4j.data.format.NoteSequence;

class QuantiserTest {
  private static final Quantiser Q = new Quantiser(NoteGrid.DEFAULT);

  @Test
  void startsAndEndsRoundToTheNearestStepWithHalvesUp() {
    // 480 ticks a quarter, 12 steps a quarter: 40 ticks a step
    NoteSequence raw = sequence(480,
        new NoteEvent(19, 40, 0, 60, 80), // start 0.475 → 0, end 1.475 → 1
        new NoteEvent(20, 40, 0, 62, 80), // start 0.5 → 1 (half up), end 1.5 → 2
        new NoteEvent(100, 1, 0, 64, 80), // start 2.5 → 3, end 2.525 → 3: at least 1 step
        new NoteEvent(480, 479, 0, 65, 80)); // start 12, end 23.975 → 24
    assertEquals(List.of(piano(0, 1, 60), piano(1, 1, 62), piano(3, 1, 64), piano(12, 12, 65)),
        Q.quantise(raw).notes());
    assertEquals(12, Q.quantise(raw).ticksPerQuarter());
    assertEquals(raw.microsPerQuarter(), Q.quantise(raw).microsPerQuarter());
  }

  @Test
  void resolutionsThatAreNotMultiplesOfTheGridRoundTheSameWay() {
    // 256 ticks a quarter: a swung eighth at 2/3 of a beat (170.67 ticks, written 171) → step 8
    NoteSequence raw = sequence(256, new NoteEvent(171, 85, 0, 60, 80),
        new NoteEvent(256 * 1000, 256, 0, 61, 80));
    assertEquals(List.of(piano(8, 4, 60), piano(12_000, 12, 61)), Q.quantise(raw).notes());
  }

  @Test
  void longNotesAreCutToTheLongestDuration() {
    NoteSequence raw = sequence(12, new NoteEvent(0, 97, 0, 60, 80),
        new NoteEvent(0, 96, 0, 62, 80), new NoteEvent(0, 100_000, 9, 49, 80));
    assertEquals(List.of(piano(0, 96, 60), piano(0, 96, 62), drum(0, 96, 49)),
        Q.quantise(raw).notes());
  }

  @Test
  void melodicChannelsMergeAndPercussionStaysApart() {
    List<Integer> programs = new ArrayList<>(Collections.nCopies(16, 0));
    programs.set(3, 33);
    NoteSequence raw = new NoteSequence(12, 600_000, programs, List.of(
        new NoteEvent(0, 6, 3, 40, 20), new NoteEvent(0, 6, 9, 36, 127),
        new NoteEvent(0, 6, 15, 72, 64)));
    NoteSequence q = Q.quantise(raw);
    assertEquals(List.of(piano(0, 6, 40), piano(0, 6, 72), drum(0, 6, 36)), q.notes());
    assertEquals(Collections.nCopies(16, 0), q.programs());
    assertEquals(600_000, q.microsPerQuarter());
  }

  @Test
  void aKeyStruckAgainEndsItsSoundingNote() {
    NoteSequence raw = sequence(12,
        new NoteEvent(0, 20, 0, 60, 80), new NoteEvent(5, 5, 0, 60, 80), // overlap: first cut
        new NoteEvent(30, 4, 1, 64, 80), new NoteEvent(30, 9, 2, 64, 80), // same onset: longest
        new NoteEvent(40, 3, 0, 67, 80), new NoteEvent(43, 3, 0, 67, 80)); // touching: both kept
    assertEquals(List.of(piano(0, 5, 60), piano(5, 5, 60), piano(30, 9, 64), piano(40, 3, 67),
        piano(43, 3, 67)), Q.quantise(raw).notes());
  }

  @Test
  void aMelodicNoteAndADrumOnTheSameKeyAreDifferentKeys() {
    NoteSequence raw = sequence(12, new NoteEvent(0, 8, 0, 38, 80), new NoteEvent(0, 4, 9, 38, 80));
    assertEquals(List.of(piano(0, 8, 38), drum(0, 4, 38)), Q.quantise(raw).notes());
  }

  @Test
  void quantisingTwiceChangesNothing() throws IOException {
    NoteSequence once = Q.quantise(MusicSamples.openMsxPiece());
    assertEquals(once, Q.quantise(once));
    assertTrue(once.notes().size() > 800, "notes: " + once.notes().size());
  }

  @Test
  void anEmptyPieceStaysEmpty() {
    assertEquals(List.of(), Q.quantise(sequence(96)).notes());
  }
}
