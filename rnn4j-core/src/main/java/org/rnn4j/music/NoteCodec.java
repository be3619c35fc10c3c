package org.rnn4j.music;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnn4j.data.format.NoteEvent;
import org.rnn4j.data.format.NoteSequence;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.text.Vocabulary;

/**
 * Notes to event tokens and back (the grammar and the reasons are in the package comment).
 *
 * <pre>
 * quantise (see {@link Quantiser}), then for each note n_i, sorted by (start, channel, pitch):
 *   s_i = start_i − start_{i−1}   (start_0 = 0; chords have s_i = 0)
 *   ⌊s_i / M⌋ × SHIFT_M,  SHIFT_(s_i mod M),  PITCH_p or DRUM_p (channel 9),  DUR_d
 * </pre>
 * with M = {@link NoteGrid#maxShift()}. The vocabulary is fixed by the grid, never by data, so no
 * note needs {@code <unk>}: the four special tokens (ids 0–3), then SHIFT_0 … SHIFT_M, PITCH_0 …
 * PITCH_127, DRUM_0 … DRUM_127 and DUR_1 … DUR_maxDuration, in that order (405 tokens with {@link
 * NoteGrid#DEFAULT}).
 *
 * <p>Exactness: {@code decode(encode(x))} equals {@code quantise(x)} for every sequence x, and
 * {@code encode(decode(ids))} equals ids whenever ids are already canonical (as encode writes
 * them); a token sequence that is grammatical but not canonical (a chord's notes out of order,
 * a key struck while it sounds) decodes to its canonical notes.
 */
public final class NoteCodec {
  private static final int PITCHES = 128;
  private static final String SHIFT = "SHIFT_";
  private static final String PITCH = "PITCH_";
  private static final String DRUM = "DRUM_";
  private static final String DURATION = "DUR_";

  private final NoteGrid grid;
  private final Quantiser quantiser;
  private final Vocabulary vocabulary;
  private final int shift0; // id of SHIFT_0
  private final int pitch0; // id of PITCH_0
  private final int drum0; // id of DRUM_0
  private final int duration1; // id of DUR_1

  /**
   * @param grid the grid and caps; they fix the vocabulary
   */
  public NoteCodec(NoteGrid grid) {
    this.quantiser = new Quantiser(grid);
    this.grid = grid;
    List<String> tokens = new ArrayList<>();
    for (int s = 0; s <= grid.maxShift(); s++) {
      tokens.add(SHIFT + s);
    }
    for (int p = 0; p < PITCHES; p++) {
      tokens.add(PITCH + p);
    }
    for (int p = 0; p < PITCHES; p++) {
      tokens.add(DRUM + p);
    }
    for (int d = 1; d <= grid.maxDuration(); d++) {
      tokens.add(DURATION + d);
    }
    this.vocabulary = Vocabulary.of(tokens);
    this.shift0 = vocabulary.id(SHIFT + 0);
    this.pitch0 = vocabulary.id(PITCH + 0);
    this.drum0 = vocabulary.id(DRUM + 0);
    this.duration1 = vocabulary.id(DURATION + 1);
  }

  public NoteGrid grid() {
    return grid;
  }

  /** The fixed vocabulary: specials, shifts, pitches, drums, durations. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The quantiser encode applies first. */
  public Quantiser quantiser() {
    return quantiser;
  }

  /**
   * What a token says.
   *
   * @param id an id in [0, V)
   * @return its kind
   * @throws IllegalArgumentException if the id lies outside the vocabulary
   */
  public TokenKind kind(int id) {
    checkId(id);
    if (id < shift0) {
      return TokenKind.SPECIAL;
    }
    if (id < pitch0) {
      return TokenKind.SHIFT;
    }
    return id < duration1 ? TokenKind.PITCH : TokenKind.DURATION;
  }

  /** Whether {@code id} is a {@code DRUM_p} token (a pitch on the percussion channel). */
  public boolean isDrum(int id) {
    checkId(id);
    return id >= drum0 && id < duration1;
  }

  /**
   * The number a note token carries: s of SHIFT_s, p of PITCH_p and DRUM_p, d of DUR_d.
   *
   * @param id a note token
   * @return its value
   * @throws IllegalArgumentException for a special token or an id outside the vocabulary
   */
  public int value(int id) {
    return switch (kind(id)) {
      case SHIFT -> id - shift0;
      case PITCH -> isDrum(id) ? id - drum0 : id - pitch0;
      case DURATION -> id - duration1 + 1;
      case SPECIAL -> throw new IllegalArgumentException("token " + id + " ("
          + vocabulary.token(id) + ") is a special token and carries no value");
    };
  }

  /** The id of SHIFT_s, 0 ≤ s ≤ maxShift. */
  public int shiftId(int s) {
    checkRange("shift", s, 0, grid.maxShift());
    return shift0 + s;
  }

  /** The id of PITCH_p (melodic) or DRUM_p (percussion), 0 ≤ p ≤ 127. */
  public int pitchId(int p, boolean drum) {
    checkRange("pitch", p, 0, PITCHES - 1);
    return (drum ? drum0 : pitch0) + p;
  }

  /** The id of DUR_d, 1 ≤ d ≤ maxDuration. */
  public int durationId(int d) {
    checkRange("duration", d, 1, grid.maxDuration());
    return duration1 + d - 1;
  }

  /**
   * The tokens of some music, quantised first.
   *
   * @param music any notes
   * @return the ids, without {@code <bos>} or {@code <eos>}; empty for a piece without notes
   */
  public int[] encode(NoteSequence music) {
    NoteSequence q = quantiser.quantise(music);
    int[] ids = new int[Sizes.product(3, q.notes().size())];
    int n = 0;
    long previous = 0;
    for (NoteEvent note : q.notes()) {
      long shift = note.start() - previous;
      previous = note.start();
      int tokens = 3 + (int) (shift / grid.maxShift());
      if (n + tokens > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(2 * ids.length, n + tokens));
      }
      for (long s = shift; s >= grid.maxShift(); s -= grid.maxShift()) {
        ids[n++] = shiftId(grid.maxShift());
      }
      ids[n++] = shiftId((int) (shift % grid.maxShift()));
      ids[n++] = pitchId(note.pitch(), note.channel() == Quantiser.PERCUSSION_CHANNEL);
      ids[n++] = durationId((int) note.duration());
    }
    return Arrays.copyOf(ids, n);
  }

  /**
   * The notes of a token sequence, in canonical form (see {@link Quantiser}): one tick per grid
   * step, melodic notes on channel 0, drums on channel 9.
   *
   * @param ids note tokens only, each note complete (as the package comment's grammar says)
   * @param microsPerQuarter the tempo to give the sequence, ≥ 1
   * @return the notes
   * @throws IllegalArgumentException naming the first token that breaks the grammar (its
   *     position, what was expected and what was found), or saying the ids end inside a note
   */
  public NoteSequence decode(int[] ids, int microsPerQuarter) {
    List<NoteEvent> notes = new ArrayList<>(ids.length / 3);
    long onset = 0;
    long shift = 0;
    int pitch = -1; // the pending note's pitch token, -1 before it
    TokenKind expected = TokenKind.SHIFT;
    for (int i = 0; i < ids.length; i++) {
      int id = ids[i];
      TokenKind kind = kindAt(ids, i);
      if (kind != expected) {
        throw new IllegalArgumentException("ids[" + i + "] = " + id + " (" + vocabulary.token(id)
            + "): expected " + describe(expected) + after(ids, i) + ", got " + describe(kind));
      }
      switch (kind) {
        case SHIFT -> {
          shift += value(id);
          expected = value(id) == grid.maxShift() ? TokenKind.SHIFT : TokenKind.PITCH;
        }
        case PITCH -> {
          pitch = id;
          expected = TokenKind.DURATION;
        }
        default -> { // DURATION
          onset += shift;
          notes.add(new NoteEvent(onset, value(id), isDrum(pitch)
              ? Quantiser.PERCUSSION_CHANNEL : Quantiser.MELODIC_CHANNEL, value(pitch),
              Quantiser.VELOCITY));
          shift = 0;
          expected = TokenKind.SHIFT;
        }
      }
    }
    if (expected != TokenKind.SHIFT || shift != 0) {
      throw new IllegalArgumentException("ids end inside a note: expected " + describe(expected)
          + " after ids[" + (ids.length - 1) + "] = " + vocabulary.token(ids[ids.length - 1])
          + ", got the end of the " + ids.length + " ids");
    }
    return Quantiser.canonical(notes, grid.stepsPerQuarter(), microsPerQuarter);
  }

  /** The kind of ids[i], with an error naming the position for an id outside the vocabulary. */
  private TokenKind kindAt(int[] ids, int i) {
    if (ids[i] < 0 || ids[i] >= vocabulary.size()) {
      throw new IllegalArgumentException("ids[" + i + "] = " + ids[i] + ": expected an id in [0, "
          + vocabulary.size() + ")");
    }
    return kind(ids[i]);
  }

  private static String describe(TokenKind kind) {
    return switch (kind) {
      case SHIFT -> "a SHIFT_s token";
      case PITCH -> "a PITCH_p or DRUM_p token";
      case DURATION -> "a DUR_d token";
      case SPECIAL -> "a special token";
    };
  }

  private String after(int[] ids, int i) {
    return i == 0 ? " at the start" : " after ids[" + (i - 1) + "] = "
        + vocabulary.token(ids[i - 1]);
  }

  private void checkId(int id) {
    if (id < 0 || id >= vocabulary.size()) {
      throw new IllegalArgumentException("id must lie in [0, " + vocabulary.size() + "), got "
          + id);
    }
  }

  private static void checkRange(String name, int value, int low, int high) {
    if (value < low || value > high) {
      throw new IllegalArgumentException(name + " must lie in [" + low + ", " + high + "], got "
          + value);
    }
  }
}
