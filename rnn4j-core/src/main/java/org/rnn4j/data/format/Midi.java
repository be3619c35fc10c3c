package org.rnn4j.data.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.rnn4j.data.DataFormatException;

/**
 * Standard MIDI files to note events and back, through {@code javax.sound.midi}. Reading pairs
 * each note-on with the next note-off (or note-on with velocity 0) of the same channel and key
 * on any track; a note still sounding when its track ends is closed there. The first tempo and
 * each channel's first program change are kept. Writing makes a playable type-1 file.
 */
public final class Midi {
  private static final int SET_TEMPO = 0x51;

  private Midi() {}

  /**
   * The notes of a MIDI file.
   *
   * @param file a Standard MIDI File with PPQ (ticks per quarter note) timing
   * @return the notes, sorted
   * @throws IOException if the file cannot be read, or {@link DataFormatException} when it is not
   *     a Standard MIDI File or uses SMPTE timing
   */
  public static NoteSequence read(Path file) throws IOException {
    Sequence sequence;
    try {
      sequence = MidiSystem.getSequence(file.toFile());
    } catch (InvalidMidiDataException e) {
      throw new DataFormatException(file, "byte 0", "expected a Standard MIDI File (chunk "
          + "\"MThd\"), found data that javax.sound.midi rejects: " + e.getMessage(), e);
    } catch (java.nio.file.FileSystemException | java.io.FileNotFoundException e) {
      throw e;
    } catch (IOException e) { // a chunk that ends early: javax.sound.midi says only EOFException
      throw new DataFormatException(file, "byte 0", "expected a Standard MIDI File, found one"
          + " that ends inside a chunk or cannot be parsed (" + e + ")", e);
    }
    if (sequence.getDivisionType() != Sequence.PPQ) {
      throw new DataFormatException(file, "header", "expected PPQ timing (ticks per quarter "
          + "note), found SMPTE frames (division type " + sequence.getDivisionType() + ")");
    }
    int tempo = -1;
    int[] programs = new int[16];
    boolean[] programSet = new boolean[16];
    List<NoteEvent> notes = new ArrayList<>();
    for (Track track : sequence.getTracks()) {
      Map<Integer, Deque<long[]>> open = new HashMap<>(); // channel*128+pitch → {tick, velocity}
      for (int i = 0; i < track.size(); i++) {
        MidiEvent event = track.get(i);
        MidiMessage m = event.getMessage();
        if (m instanceof MetaMessage meta && meta.getType() == SET_TEMPO && tempo < 0
            && meta.getData().length >= 3) {
          byte[] d = meta.getData();
          tempo = ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff);
        } else if (m instanceof ShortMessage s) {
          int ch = s.getChannel();
          if (s.getCommand() == ShortMessage.PROGRAM_CHANGE && !programSet[ch]) {
            programs[ch] = s.getData1();
            programSet[ch] = true;
          } else {
            noteMessage(s, event.getTick(), open, notes);
          }
        }
      }
      closeAll(open, track.ticks(), notes);
    }
    notes.sort(Comparator.comparingLong(NoteEvent::start).thenComparingInt(NoteEvent::channel)
        .thenComparingInt(NoteEvent::pitch));
    return new NoteSequence(sequence.getResolution(),
        tempo > 0 ? tempo : NoteSequence.DEFAULT_MICROS_PER_QUARTER,
        Arrays.stream(programs).boxed().toList(), notes);
  }

  private static void noteMessage(
      ShortMessage s, long tick, Map<Integer, Deque<long[]>> open, List<NoteEvent> notes) {
    int cmd = s.getCommand();
    int key = s.getChannel() * 128 + s.getData1();
    if (cmd == ShortMessage.NOTE_ON && s.getData2() > 0) {
      open.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new long[] {tick, s.getData2()});
    } else if (cmd == ShortMessage.NOTE_OFF || cmd == ShortMessage.NOTE_ON) {
      Deque<long[]> q = open.get(key);
      if (q != null && !q.isEmpty()) {
        long[] on = q.removeFirst();
        notes.add(new NoteEvent(on[0], Math.max(1, tick - on[0]), s.getChannel(), s.getData1(),
            (int) on[1]));
      }
    }
  }

  private static void closeAll(Map<Integer, Deque<long[]>> open, long end, List<NoteEvent> notes) {
    for (Map.Entry<Integer, Deque<long[]>> e : open.entrySet()) {
      for (long[] on : e.getValue()) {
        notes.add(new NoteEvent(on[0], Math.max(1, end - on[0]), e.getKey() / 128,
            e.getKey() % 128, (int) on[1]));
      }
    }
  }

  /**
   * Writes notes as a type-1 Standard MIDI File: track 0 holds the tempo, track 1 the program
   * changes and notes. At equal ticks a note-off comes before a note-on, so repeated notes sound.
   *
   * @param notes the music
   * @param file the file to write (replaced if it exists)
   * @throws IOException if the file cannot be written
   */
  public static void write(NoteSequence notes, Path file) throws IOException {
    try {
      Sequence sequence = new Sequence(Sequence.PPQ, notes.ticksPerQuarter());
      Track meta = sequence.createTrack();
      int t = notes.microsPerQuarter();
      meta.add(new MidiEvent(new MetaMessage(SET_TEMPO,
          new byte[] {(byte) (t >> 16), (byte) (t >> 8), (byte) t}, 3), 0));
      Track track = sequence.createTrack();
      boolean[] used = new boolean[16];
      notes.notes().forEach(n -> used[n.channel()] = true);
      for (int ch = 0; ch < 16; ch++) {
        if (used[ch]) {
          track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, ch,
              notes.programs().get(ch), 0), 0));
        }
      }
      for (NoteEvent n : notes.notes()) { // offs first: Track.add keeps insertion order per tick
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, n.channel(), n.pitch(),
            0), n.start() + n.duration()));
      }
      for (NoteEvent n : notes.notes()) {
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, n.channel(), n.pitch(),
            n.velocity()), n.start()));
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      MidiSystem.write(sequence, 1, tmp.toFile());
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (InvalidMidiDataException e) {
      throw new IllegalArgumentException("notes cannot be written as MIDI: " + e.getMessage(), e);
    }
  }
}
