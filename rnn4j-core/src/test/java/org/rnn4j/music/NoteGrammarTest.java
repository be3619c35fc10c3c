package org.rnn4j.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.music.MusicSamples.CODEC;
import static org.rnn4j.music.MusicSamples.ids;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.format.NoteSequence;

class NoteGrammarTest {
  private static final NoteGrammar WITH_END = new NoteGrammar(CODEC, true);
  private static final NoteGrammar WITHOUT_END = new NoteGrammar(CODEC, false);
  private static final int EOS = CODEC.vocabulary().eosId();

  @Test
  void everyEncodedPieceFollowsTheGrammarFromStartToEnd() throws IOException {
    int[] ids = CODEC.encode(MusicSamples.openMsxPiece());
    NoteGrammar.Cursor at = WITH_END.advance(WITH_END.start(), EOS);
    for (int i = 0; i < ids.length; i++) {
      assertTrue(WITH_END.allows(at, ids[i]), "token " + i + ": " + ids[i]);
      at = WITH_END.advance(at, ids[i]);
    }
    assertTrue(WITH_END.allows(at, EOS));
  }

  @Test
  void eachPlaceAllowsOnlyItsKind() {
    NoteGrammar.Cursor start = WITH_END.start();
    assertTrue(WITH_END.allows(start, CODEC.shiftId(0)) && WITH_END.allows(start, EOS));
    assertFalse(WITHOUT_END.allows(start, EOS));
    assertFalse(WITH_END.allows(start, CODEC.pitchId(60, false)));
    assertFalse(WITH_END.allows(start, CODEC.vocabulary().bosId()));
    NoteGrammar.Cursor shift = WITH_END.advance(start, CODEC.shiftId(5));
    assertTrue(WITH_END.allows(shift, CODEC.pitchId(0, false)));
    assertTrue(WITH_END.allows(shift, CODEC.pitchId(127, true)));
    assertFalse(WITH_END.allows(shift, CODEC.shiftId(5)));
    assertFalse(WITH_END.allows(shift, EOS));
    NoteGrammar.Cursor longShift = WITH_END.advance(start, CODEC.shiftId(48));
    assertTrue(WITH_END.allows(longShift, CODEC.shiftId(0)));
    assertFalse(WITH_END.allows(longShift, CODEC.pitchId(60, false)));
    NoteGrammar.Cursor pitch = WITH_END.advance(shift, CODEC.pitchId(60, false));
    assertTrue(WITH_END.allows(pitch, CODEC.durationId(96)));
    assertFalse(WITH_END.allows(pitch, CODEC.shiftId(0)));
  }

  @Test
  void aChordRisesInPitchWithDrumsAboveEveryMelodicKey() {
    NoteGrammar.Cursor at = advance(WITHOUT_END.start(), ids("SHIFT_4", "PITCH_60", "DUR_3",
        "SHIFT_0"));
    assertFalse(WITHOUT_END.allows(at, CODEC.pitchId(60, false)), "the same key again");
    assertFalse(WITHOUT_END.allows(at, CODEC.pitchId(59, false)), "a lower key");
    assertTrue(WITHOUT_END.allows(at, CODEC.pitchId(61, false)));
    assertTrue(WITHOUT_END.allows(at, CODEC.pitchId(0, true)), "any drum");
    NoteGrammar.Cursor drums = advance(at, ids("DRUM_40", "DUR_1", "SHIFT_0"));
    assertFalse(WITHOUT_END.allows(drums, CODEC.pitchId(127, false)));
    assertFalse(WITHOUT_END.allows(drums, CODEC.pitchId(40, true)));
    assertTrue(WITHOUT_END.allows(drums, CODEC.pitchId(41, true)));
    NoteGrammar.Cursor later = advance(at, ids("PITCH_72", "DUR_1", "SHIFT_1"));
    assertTrue(WITHOUT_END.allows(later, CODEC.pitchId(0, false)), "a new onset: any key");
    NoteGrammar.Cursor bar = advance(at, ids("PITCH_72", "DUR_1", "SHIFT_48", "SHIFT_0"));
    assertTrue(WITHOUT_END.allows(bar, CODEC.pitchId(0, false)), "a shift of 48: any key");
  }

  @Test
  void nothingMayJoinAChordAboveTheHighestKey() {
    NoteGrammar.Cursor at = advance(WITHOUT_END.start(), ids("SHIFT_0", "DRUM_127", "DUR_1"));
    assertFalse(WITHOUT_END.allows(at, CODEC.shiftId(0)));
    assertTrue(WITHOUT_END.allows(at, CODEC.shiftId(1)));
  }

  @Test
  void aSpecialTokenStartsANewPiece() {
    NoteGrammar.Cursor at = advance(WITHOUT_END.start(), ids("SHIFT_0", "PITCH_60", "DUR_1",
        "<eos>", "SHIFT_0"));
    assertTrue(WITHOUT_END.allows(at, CODEC.pitchId(0, false)));
  }

  @Test
  void advancingPastABrokenRuleNamesTheTokens() {
    NoteGrammar.Cursor at = advance(WITHOUT_END.start(), ids("SHIFT_0", "PITCH_60", "DUR_1",
        "SHIFT_0"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WITHOUT_END.advance(at, CODEC.pitchId(59, false)));
    assertEquals("token PITCH_59 breaks the note grammar after SHIFT_0 (a chord continues above"
        + " PITCH_60)", e.getMessage());
  }

  @Test
  void grammaticalStreamsAreCanonicalUpToCutDurations() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 30; i++) {
      int[] ids = RandomPieces.draw(WITHOUT_END, 40, rng);
      NoteSequence decoded = CODEC.decode(ids, NoteSequence.DEFAULT_MICROS_PER_QUARTER);
      assertEquals(40, decoded.notes().size());
      int[] again = CODEC.encode(decoded);
      assertEquals(ids.length, again.length);
      for (int j = 0; j < ids.length; j++) {
        if (CODEC.kind(ids[j]) == TokenKind.DURATION) {
          assertTrue(CODEC.value(again[j]) <= CODEC.value(ids[j]), "durations only shorten");
        } else {
          assertEquals(ids[j], again[j], "shifts and pitches are kept in place");
        }
      }
      assertArrayEquals(again, CODEC.encode(CODEC.decode(again, 500_000)));
    }
  }

  private static NoteGrammar.Cursor advance(NoteGrammar.Cursor at, int[] ids) {
    for (int id : ids) {
      at = WITHOUT_END.advance(at, id);
    }
    return at;
  }
}
