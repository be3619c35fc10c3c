package org.rnn4j.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.music.MusicSamples.CODEC;
import static org.rnn4j.music.MusicSamples.drum;
import static org.rnn4j.music.MusicSamples.ids;
import static org.rnn4j.music.MusicSamples.names;
import static org.rnn4j.music.MusicSamples.piano;
import static org.rnn4j.music.MusicSamples.sequence;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.format.NoteEvent;
import org.rnn4j.data.format.NoteSequence;

class NoteCodecTest {
  private static final int TEMPO = NoteSequence.DEFAULT_MICROS_PER_QUARTER;

  @Test
  void theVocabularyIsFixedByTheGrid() {
    assertEquals(4 + 49 + 128 + 128 + 96, CODEC.vocabulary().size());
    assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "SHIFT_0"),
        CODEC.vocabulary().tokens().subList(0, 5));
    assertEquals("DUR_96", CODEC.vocabulary().token(CODEC.vocabulary().size() - 1));
    assertEquals(TokenKind.SPECIAL, CODEC.kind(CODEC.vocabulary().eosId()));
    assertEquals(TokenKind.SHIFT, CODEC.kind(CODEC.shiftId(48)));
    assertEquals(TokenKind.PITCH, CODEC.kind(CODEC.pitchId(0, false)));
    assertEquals(TokenKind.PITCH, CODEC.kind(CODEC.pitchId(127, true)));
    assertTrue(CODEC.isDrum(CODEC.pitchId(0, true)) && !CODEC.isDrum(CODEC.pitchId(127, false)));
    assertEquals(TokenKind.DURATION, CODEC.kind(CODEC.durationId(1)));
    assertEquals(35, CODEC.value(CODEC.pitchId(35, true)));
    assertEquals(96, CODEC.value(CODEC.durationId(96)));
    assertEquals(405, new NoteCodec(new NoteGrid(12, 48, 96)).vocabulary().size());
    assertEquals(4 + 5 + 256 + 3, new NoteCodec(new NoteGrid(4, 4, 3)).vocabulary().size());
  }

  @Test
  void eachNoteIsItsShiftThenPitchThenDuration() {
    NoteSequence music = sequence(12,
        piano(0, 12, 60), piano(0, 6, 64), drum(0, 1, 36), // a chord with a drum: shifts 0
        piano(3, 3, 67), // three steps later
        piano(51, 2, 72), // 48 steps later: one full SHIFT_48, then SHIFT_0
        drum(151, 96, 42)); // 100 steps later: 2 × 48 + 4
    assertEquals(List.of(
        "SHIFT_0", "PITCH_60", "DUR_12", "SHIFT_0", "PITCH_64", "DUR_6",
        "SHIFT_0", "DRUM_36", "DUR_1", "SHIFT_3", "PITCH_67", "DUR_3",
        "SHIFT_48", "SHIFT_0", "PITCH_72", "DUR_2",
        "SHIFT_48", "SHIFT_48", "SHIFT_4", "DRUM_42", "DUR_96"), names(CODEC.encode(music)));
  }

  @Test
  void aPieceStartingLateKeepsItsLeadingSilence() {
    assertEquals(List.of("SHIFT_47", "PITCH_0", "DUR_1", "SHIFT_0", "PITCH_127", "DUR_1"),
        names(CODEC.encode(sequence(12, piano(47, 1, 0), piano(47, 1, 127)))));
  }

  @Test
  void decodingTheTokensGivesTheQuantisedNotesBack() throws IOException {
    NoteSequence piece = MusicSamples.openMsxPiece();
    NoteSequence quantised = CODEC.quantiser().quantise(piece);
    int[] ids = CODEC.encode(piece);
    assertEquals(quantised, CODEC.decode(ids, piece.microsPerQuarter()));
    assertArrayEquals(ids, CODEC.encode(CODEC.decode(ids, piece.microsPerQuarter())));
    long durs = java.util.Arrays.stream(ids).filter(i -> CODEC.kind(i) == TokenKind.DURATION)
        .count();
    assertEquals(quantised.notes().size(), durs);
  }

  @Test
  void extremeValuesSurviveTheRoundTrip() {
    NoteSequence music = sequence(12,
        piano(0, 96, 0), piano(0, 1, 127), drum(0, 96, 0), drum(0, 1, 127),
        piano(48, 1, 1), // a shift of exactly one SHIFT_48
        piano(48 + 47, 1, 2), // the longest single shift token
        piano(1_000_000, 5, 64)); // a very long rest
    int[] ids = CODEC.encode(music);
    assertEquals(music, CODEC.decode(ids, TEMPO));
    // six notes of three tokens, one more SHIFT_48 for the shift of 48, and the long rest's
    // shift of 999,905 steps as 20,831 × SHIFT_48 then SHIFT_17
    assertEquals(6 * 3 + 1 + 20_831 + 3, ids.length);
    assertEquals(List.of("SHIFT_48", "SHIFT_17", "PITCH_64", "DUR_5"),
        names(java.util.Arrays.copyOfRange(ids, ids.length - 4, ids.length)));
  }

  @Test
  void anEmptyPieceHasNoTokensAndNoTokensAreAnEmptyPiece() {
    assertEquals(0, CODEC.encode(sequence(480)).length);
    NoteSequence empty = CODEC.decode(new int[0], TEMPO);
    assertEquals(List.of(), empty.notes());
    assertEquals(12, empty.ticksPerQuarter());
  }

  @Test
  void decodingPutsAChordInOrderAndEndsASoundingKeyWhenStruckAgain() {
    int[] ids = ids("SHIFT_0", "PITCH_64", "DUR_6", "SHIFT_0", "PITCH_60", "DUR_12",
        "SHIFT_2", "PITCH_64", "DUR_4", "SHIFT_0", "DRUM_36", "DUR_1", "SHIFT_0", "DRUM_36",
        "DUR_3");
    assertEquals(List.of(piano(0, 12, 60), piano(0, 2, 64), piano(2, 4, 64), drum(2, 3, 36)),
        CODEC.decode(ids, TEMPO).notes());
  }

  @Test
  void decodeNamesTheFirstTokenThatBreaksTheGrammar() {
    assertMessage("ids[1] = " + CODEC.durationId(4) + " (DUR_4): expected a PITCH_p or DRUM_p"
        + " token after ids[0] = SHIFT_3, got a DUR_d token", ids("SHIFT_3", "DUR_4"));
    assertMessage("ids[0] = " + CODEC.pitchId(60, false) + " (PITCH_60): expected a SHIFT_s"
        + " token at the start, got a PITCH_p or DRUM_p token", ids("PITCH_60", "DUR_4"));
    assertMessage("ids[3] = 3 (<eos>): expected a SHIFT_s token after ids[2] = DUR_1, got a"
        + " special token", ids("SHIFT_0", "PITCH_60", "DUR_1", "<eos>"));
    assertMessage("ids end inside a note: expected a DUR_d token after ids[1] = DRUM_36, got"
        + " the end of the 2 ids", ids("SHIFT_0", "DRUM_36"));
    assertMessage("ids end inside a note: expected a SHIFT_s token after ids[0] = SHIFT_48",
        ids("SHIFT_48"));
    assertMessage("ids[1] = 405: expected an id in [0, 405)",
        new int[] {CODEC.shiftId(0), 405});
  }

  @Test
  void valuesAndIdsOutsideTheGridAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> CODEC.shiftId(49));
    assertThrows(IllegalArgumentException.class, () -> CODEC.durationId(0));
    assertThrows(IllegalArgumentException.class, () -> CODEC.pitchId(128, false));
    assertThrows(IllegalArgumentException.class, () -> CODEC.kind(-1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CODEC.value(CODEC.vocabulary().bosId()));
    assertTrue(e.getMessage().contains("<bos>"), e.getMessage());
  }

  @Test
  void encodingQuantisesFirst() {
    NoteSequence raw = sequence(480, new NoteEvent(41, 475, 5, 60, 30));
    assertEquals(List.of("SHIFT_1", "PITCH_60", "DUR_12"), names(CODEC.encode(raw)));
  }

  private static void assertMessage(String expected, int[] ids) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CODEC.decode(ids, TEMPO));
    assertTrue(e.getMessage().startsWith(expected), "expected \"" + expected + "\" in: "
        + e.getMessage());
  }
}
