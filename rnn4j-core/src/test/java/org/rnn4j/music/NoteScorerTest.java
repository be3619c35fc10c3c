package org.rnn4j.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnn4j.music.MusicSamples.CODEC;
import static org.rnn4j.music.MusicSamples.ids;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.decode.Score;
import org.rnn4j.decode.Scorer;

class NoteScorerTest {
  private static final int V = CODEC.vocabulary().size();
  private static final int EOS = CODEC.vocabulary().eosId();

  @Test
  void aUniformModelCostsLnVPerTokenSoANoteOfThreeTokensCostsVCubed() {
    FixedLogitsModel uniform = new FixedLogitsModel(new float[V]);
    int[] threeTokenNotes = ids("SHIFT_0", "PITCH_60", "DUR_2", "SHIFT_3", "DRUM_38", "DUR_1");
    int[] longRest = ids("SHIFT_48", "SHIFT_48", "SHIFT_0", "PITCH_60", "DUR_2");
    List<NoteScore> scores = new NoteScorer<>(uniform, CODEC)
        .score(List.of(threeTokenNotes, longRest), EOS, 2);
    assertEquals(2, scores.get(0).notes());
    assertEquals((double) V * V * V, scores.get(0).perplexity(), 1e-6 * V * V * V);
    assertEquals(V, scores.get(0).perplexity(TokenKind.PITCH), 1e-9 * V);
    assertEquals(Math.pow(V, 5), scores.get(1).perplexity(), 1e-6 * Math.pow(V, 5));
    assertEquals(Math.pow(V, 3), scores.get(1).perplexity(TokenKind.SHIFT), 1e-6 * V * V * V);
  }

  @Test
  void theNoteScoreSplitsTheModelsTokenScore() {
    float[] z = new float[V];
    for (int j = 0; j < V; j++) {
      z[j] = (float) Math.sin(j);
    }
    FixedLogitsModel model = new FixedLogitsModel(z);
    int[] piece = ids("SHIFT_0", "PITCH_60", "DUR_2", "SHIFT_3", "DRUM_38", "DUR_1");
    NoteScore notes = new NoteScorer<>(model, CODEC).score(List.of(piece), EOS, 1).get(0);
    int[] withStart = new int[piece.length + 1];
    withStart[0] = EOS;
    System.arraycopy(piece, 0, withStart, 1, piece.length);
    Score tokens = new Scorer<>(model).score(withStart);
    assertEquals(tokens.logLikelihood(), notes.logLikelihood(), 1e-9);
    assertEquals(Math.exp(-tokens.logLikelihood() / 2), notes.perplexity(), 1e-6);
  }
}
