package org.rnn4j.music;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.rnn4j.data.format.Midi;
import org.rnn4j.data.format.NoteEvent;
import org.rnn4j.data.format.NoteSequence;

/** Small note sequences for the music tests, and the committed openMSX sample piece. */
final class MusicSamples {
  static final NoteCodec CODEC = new NoteCodec(NoteGrid.DEFAULT);

  private MusicSamples() {}

  /** A quantised melodic note: start and duration in grid steps. */
  static NoteEvent piano(long start, long duration, int pitch) {
    return new NoteEvent(start, duration, Quantiser.MELODIC_CHANNEL, pitch, Quantiser.VELOCITY);
  }

  /** A quantised drum hit: start and duration in grid steps. */
  static NoteEvent drum(long start, long duration, int key) {
    return new NoteEvent(start, duration, Quantiser.PERCUSSION_CHANNEL, key, Quantiser.VELOCITY);
  }

  /** Notes sorted as {@link NoteSequence} keeps them, all programs 0, tempo 120 bpm. */
  static NoteSequence sequence(int ticksPerQuarter, NoteEvent... notes) {
    List<NoteEvent> sorted = new ArrayList<>(List.of(notes));
    sorted.sort(Comparator.comparingLong(NoteEvent::start).thenComparingInt(NoteEvent::channel)
        .thenComparingInt(NoteEvent::pitch));
    return new NoteSequence(ticksPerQuarter, NoteSequence.DEFAULT_MICROS_PER_QUARTER,
        Collections.nCopies(16, 0), sorted);
  }

  /** The openMSX piece committed under the test resources (see samples/ATTRIBUTION.md). */
  static NoteSequence openMsxPiece() throws IOException {
    try {
      return Midi.read(Path.of(MusicSamples.class
          .getResource("/samples/train_filled_with_cash.mid").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tokens' names, for readable assertions. */
  static List<String> names(int[] ids) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(CODEC.vocabulary().token(id));
    }
    return out;
  }

  /** The ids of named tokens. */
  static int[] ids(String... names) {
    int[] out = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = CODEC.vocabulary().id(names[i]);
    }
    return out;
  }
}
