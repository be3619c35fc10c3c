package org.rnn4j.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * What javax.sound.midi itself finds in a written file, read with {@link MidiSystem#getSequence}
 * and counted message by message (independently of rnn4j's MIDI reader).
 *
 * @param noteOns note-on messages with velocity &gt; 0
 * @param noteOffs note-off messages, and note-ons with velocity 0
 * @param tempos set-tempo meta messages
 * @param seconds the length of the sequence as played
 */
record WrittenMidi(int noteOns, int noteOffs, int tempos, double seconds) {
  private static final int SET_TEMPO = 0x51;

  static WrittenMidi inspect(Path file) throws IOException {
    Sequence sequence;
    try {
      sequence = MidiSystem.getSequence(file.toFile());
    } catch (InvalidMidiDataException e) {
      throw new IOException(file + ": javax.sound.midi cannot read the file just written: "
          + e.getMessage(), e);
    }
    int ons = 0;
    int offs = 0;
    int tempos = 0;
    for (Track track : sequence.getTracks()) {
      for (int i = 0; i < track.size(); i++) {
        MidiEvent event = track.get(i);
        if (event.getMessage() instanceof ShortMessage s) {
          boolean on = s.getCommand() == ShortMessage.NOTE_ON;
          if (on && s.getData2() > 0) {
            ons++;
          } else if (on || s.getCommand() == ShortMessage.NOTE_OFF) {
            offs++;
          }
        } else if (event.getMessage() instanceof MetaMessage m && m.getType() == SET_TEMPO) {
          tempos++;
        }
      }
    }
    return new WrittenMidi(ons, offs, tempos, sequence.getMicrosecondLength() / 1e6);
  }
}
