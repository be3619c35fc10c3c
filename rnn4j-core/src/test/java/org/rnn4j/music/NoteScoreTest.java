package org.rnn4j.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.music.MusicSamples.CODEC;
import static org.rnn4j.music.MusicSamples.ids;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoteScoreTest {
  @Test
  void aNotesLogProbabilityIsTheSumOverItsTokens() {
    int[] targets = ids("SHIFT_0", "PITCH_60", "DUR_12", "SHIFT_48", "SHIFT_1", "DRUM_36",
        "DUR_1", "<eos>");
    double[] lp = {-0.5, -2, -1, -3, -0.25, -1.5, -0.75, -9};
    NoteScore s = NoteScore.of(CODEC, targets, lp);
    assertEquals(new NoteScore(2, -3.75, -3.5, -1.75), s);
    assertEquals(-9, s.logLikelihood(), 1e-12, "<eos> belongs to no note");
    assertEquals(Math.exp(9.0 / 2), s.perplexity(), 1e-9);
    assertEquals(Math.exp(3.75 / 2), s.perplexity(TokenKind.SHIFT), 1e-9);
    assertEquals(s.perplexity(), s.perplexity(TokenKind.SHIFT) * s.perplexity(TokenKind.PITCH)
        * s.perplexity(TokenKind.DURATION), 1e-9);
  }

  @Test
  void totalsAddSoTheCorpusPerplexityIsNotAMeanOfPerplexities() {
    NoteScore a = new NoteScore(1, -1, -1, -1);
    NoteScore b = new NoteScore(3, -1, -1, -1);
    NoteScore total = NoteScore.total(List.of(a, b));
    assertEquals(new NoteScore(4, -2, -2, -2), total);
    assertEquals(Math.exp(6.0 / 4), total.perplexity(), 1e-12);
    assertTrue(total.perplexity() < (a.perplexity() + b.perplexity()) / 2);
  }

  @Test
  void noNotesGiveNotANumberAndBadInputIsRefused() {
    assertTrue(Double.isNaN(new NoteScore(0, 0, 0, 0).perplexity()));
    assertThrows(IllegalArgumentException.class,
        () -> NoteScore.of(CODEC, ids("SHIFT_0"), new double[2]));
    assertThrows(IllegalArgumentException.class,
        () -> new NoteScore(1, 0, 0, 0).perplexity(TokenKind.SPECIAL));
    assertThrows(IllegalArgumentException.class, () -> new NoteScore(-1, 0, 0, 0));
  }
}
