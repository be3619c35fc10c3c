package org.rnn4j.data.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.data.format.Samples.assertFormatError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sound.midi.MidiSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiTest {
  @TempDir Path dir;

  private static NoteSequence scale() {
    List<NoteEvent> notes = new ArrayList<>();
    int[] major = {60, 62, 64, 65, 67, 69, 71, 72};
    for (int i = 0; i < major.length; i++) {
      notes.add(new NoteEvent(i * 240L, 240, 0, major[i], 80 + i));
    }
    notes.add(new NoteEvent(0, 960, 1, 48, 70)); // a bass note under the first bar
    notes.add(new NoteEvent(960, 120, 9, 36, 100)); // a drum hit
    notes.add(new NoteEvent(1080, 120, 9, 36, 100)); // repeated at once: off must precede on
    notes.sort(java.util.Comparator.comparingLong(NoteEvent::start)
        .thenComparingInt(NoteEvent::channel).thenComparingInt(NoteEvent::pitch));
    List<Integer> programs = new ArrayList<>(Collections.nCopies(16, 0));
    programs.set(1, 33); // electric bass
    return new NoteSequence(480, 600_000, programs, notes);
  }

  @Test
  void writtenNotesReadBackIdentically() throws Exception {
    NoteSequence music = scale();
    Path file = dir.resolve("scale.mid");
    Midi.write(music, file);
    assertEquals(1, MidiSystem.getMidiFileFormat(file.toFile()).getType());
    assertEquals(music, Midi.read(file));
  }

  @Test
  void readsARealOpenMsxPieceAndRoundTripsItsNotes() throws IOException {
    NoteSequence piece = Midi.read(Samples.path("train_filled_with_cash.mid"));
    assertTrue(piece.notes().size() > 100, "notes: " + piece.notes().size());
    assertTrue(piece.notes().stream().map(NoteEvent::channel).distinct().count() > 1);
    Path copy = dir.resolve("copy.mid");
    Midi.write(piece, copy);
    NoteSequence back = Midi.read(copy);
    assertEquals(piece.notes(), back.notes());
    assertEquals(piece.microsPerQuarter(), back.microsPerQuarter());
  }

  @Test
  void notMidiIsNamedAsSuch() throws IOException {
    Path f = Files.writeString(dir.resolve("fake.mid"), "RIFF this is not a MIDI file");
    assertFormatError("fake.mid:byte 0", "expected a Standard MIDI File", () -> Midi.read(f));
  }
}
