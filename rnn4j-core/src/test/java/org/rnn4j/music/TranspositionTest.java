package org.rnn4j.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnn4j.music.MusicSamples.sequence;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.format.NoteEvent;
import org.rnn4j.data.format.NoteSequence;

class TranspositionTest {
  @Test
  void melodicNotesMoveDrumsStayAndNotesPushedOutOfRangeAreDropped() {
    NoteSequence music = sequence(96, new NoteEvent(0, 10, 0, 60, 90),
        new NoteEvent(0, 10, 9, 36, 100), new NoteEvent(5, 3, 4, 126, 70),
        new NoteEvent(9, 3, 2, 1, 70));
    assertEquals(List.of(new NoteEvent(0, 10, 0, 62, 90), new NoteEvent(0, 10, 9, 36, 100),
        new NoteEvent(9, 3, 2, 3, 70)), Transposition.transpose(music, 2).notes());
    assertEquals(List.of(new NoteEvent(0, 10, 0, 57, 90), new NoteEvent(0, 10, 9, 36, 100),
        new NoteEvent(5, 3, 4, 123, 70)), Transposition.transpose(music, -3).notes());
    assertEquals(music, Transposition.transpose(music, 0));
  }
}
