package org.rnn4j.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.music.MusicSamples.CODEC;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.format.Midi;
import org.rnn4j.data.format.NoteSequence;

/**
 * Decoded tokens written with {@link Midi#write} are a playable file: javax.sound.midi reads it,
 * it holds a tempo and one note-on and one note-off per note, each off after its on, and {@link
 * Midi#read} gives the same notes back.
 */
class NoteMidiRoundTripTest {
  @TempDir Path dir;

  @Test
  void aRealPieceSurvivesTokensAndAMidiFile() throws Exception {
    NoteSequence piece = MusicSamples.openMsxPiece();
    NoteSequence decoded = CODEC.decode(CODEC.encode(piece), piece.microsPerQuarter());
    assertPlayableAndExact(decoded, dir.resolve("piece.mid"));
  }

  @Test
  void randomGrammaticalPiecesSurviveAMidiFile() throws Exception {
    SplittableRandom rng = new SplittableRandom(7);
    NoteGrammar grammar = new NoteGrammar(CODEC, false);
    for (int i = 0; i < 20; i++) {
      int[] ids = RandomPieces.draw(grammar, 60, rng);
      NoteSequence decoded = CODEC.decode(ids, 400_000 + 10_000 * i);
      assertEquals(60, decoded.notes().size(), "one note per DUR token, none dropped");
      assertPlayableAndExact(decoded, dir.resolve("random" + i + ".mid"));
    }
  }

  @Test
  void anEmptyPieceIsAPlayableFileWithATempo() throws Exception {
    assertPlayableAndExact(CODEC.decode(new int[0], 600_000), dir.resolve("empty.mid"));
  }

  private static void assertPlayableAndExact(NoteSequence notes, Path file) throws Exception {
    Midi.write(notes, file);
    assertEquals(notes, Midi.read(file));
    Sequence sequence = MidiSystem.getSequence(file.toFile());
    assertEquals(Sequence.PPQ, sequence.getDivisionType());
    assertEquals(NoteGrid.DEFAULT.stepsPerQuarter(), sequence.getResolution());
    Counts c = count(sequence);
    assertEquals(1, c.tempos);
    assertEquals(notes.notes().size(), c.ons);
    assertEquals(notes.notes().size(), c.offs);
    assertTrue(c.allOffsFollowTheirOn, "a note-off came before its key's note-on");
  }

  private static final class Counts {
    int ons;
    int offs;
    int tempos;
    boolean allOffsFollowTheirOn = true;
  }

  private static Counts count(Sequence sequence) {
    Counts c = new Counts();
    for (Track track : sequence.getTracks()) {
      Map<Integer, Integer> sounding = new HashMap<>(); // channel·128 + key → open note-ons
      for (int i = 0; i < track.size(); i++) {
        MidiEvent e = track.get(i);
        if (e.getMessage() instanceof MetaMessage m && m.getType() == 0x51) {
          c.tempos++;
        } else if (e.getMessage() instanceof ShortMessage s
            && (s.getCommand() == ShortMessage.NOTE_ON || s.getCommand() == ShortMessage.NOTE_OFF)) {
          int key = s.getChannel() * 128 + s.getData1();
          if (s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0) {
            c.ons++;
            sounding.merge(key, 1, Integer::sum);
          } else {
            c.offs++;
            int open = sounding.getOrDefault(key, 0);
            c.allOffsFollowTheirOn &= open > 0;
            sounding.put(key, open - 1);
          }
        }
      }
    }
    return c;
  }
}
