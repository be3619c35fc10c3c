package org.rnn4j.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rnn4j.music.MusicSamples.CODEC;
import static org.rnn4j.music.MusicSamples.ids;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.decode.NextTokenModel;
import org.rnn4j.tensor.Tensor;

class GrammarMaskTest {
  private static final int V = CODEC.vocabulary().size();
  private static final NoteGrammar GRAMMAR = new NoteGrammar(CODEC, true);

  private static float[] randomLogits() {
    SplittableRandom rng = new SplittableRandom(5);
    float[] z = new float[V];
    for (int j = 0; j < V; j++) {
      z[j] = (float) rng.nextDouble(-3, 3);
    }
    return z;
  }

  @Test
  void forbiddenTokensGetMinusInfinityAndAllowedOnesKeepTheirLogits() {
    float[] z = randomLogits();
    GrammarMask<long[]> mask = new GrammarMask<>(new FixedLogitsModel(z), GRAMMAR);
    int[] ids = ids("<eos>", "SHIFT_0", "PITCH_60", "DUR_4", "SHIFT_0", // row 0
        "<eos>", "SHIFT_48", "<pad>", "<pad>", "<pad>"); // row 1: length 2
    NextTokenModel.Step<GrammarMask.State<long[]>> step =
        mask.forward(ids, new int[] {5, 2}, mask.initialState(2));
    Tensor masked = step.logits();
    NoteGrammar.Cursor[] cursors = {GRAMMAR.start(), GRAMMAR.start()};
    int[] lengths = {5, 2};
    for (int r = 0; r < 2; r++) {
      for (int s = 0; s < 5; s++) {
        if (s < lengths[r]) {
          cursors[r] = GRAMMAR.advance(cursors[r], ids[r * 5 + s]);
        }
        for (int j = 0; j < V; j++) {
          float expected = s >= lengths[r] || GRAMMAR.allows(cursors[r], j) ? z[j]
              : Float.NEGATIVE_INFINITY;
          assertEquals(expected, masked.get(r, s, j), "row " + r + ", step " + s + ", token " + j);
        }
      }
    }
    assertEquals(cursors[0], step.state().cursors().get(0));
    assertEquals(cursors[1], step.state().cursors().get(1));
  }

  @Test
  void feedingInPiecesCarriesTheCursors() {
    float[] z = randomLogits();
    GrammarMask<long[]> mask = new GrammarMask<>(new FixedLogitsModel(z), GRAMMAR);
    int[] ids = ids("<eos>", "SHIFT_2", "PITCH_64", "DUR_4", "SHIFT_0");
    Tensor whole = mask.forward(ids, new int[] {5}, mask.initialState(1)).logits();
    NextTokenModel.Step<GrammarMask.State<long[]>> first =
        mask.forward(java.util.Arrays.copyOf(ids, 4), new int[] {4}, mask.initialState(1));
    Tensor last = mask.forward(new int[] {ids[4]}, new int[] {1}, first.state()).logits();
    for (int j = 0; j < V; j++) {
      assertEquals(whole.get(0, 4, j), last.get(0, 0, j), "token " + j);
    }
    assertEquals(Float.NEGATIVE_INFINITY, last.get(0, 0, CODEC.pitchId(64, false)));
  }

  @Test
  void selectPicksTheRowsOfBothStates() {
    GrammarMask<long[]> mask = new GrammarMask<>(new FixedLogitsModel(randomLogits()), GRAMMAR);
    GrammarMask.State<long[]> state = mask.forward(ids("SHIFT_0", "PITCH_1", "SHIFT_3",
        "<pad>"), new int[] {2, 1}, mask.initialState(2)).state();
    GrammarMask.State<long[]> picked = mask.select(state, new int[] {1, 1, 0});
    assertEquals(java.util.List.of(state.cursors().get(1), state.cursors().get(1),
        state.cursors().get(0)), picked.cursors());
    assertEquals(1, picked.model()[0]);
    assertEquals(2, picked.model()[2]);
  }

  @Test
  void anUngrammaticalInputIsNamed() {
    GrammarMask<long[]> mask = new GrammarMask<>(new FixedLogitsModel(randomLogits()), GRAMMAR);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> mask.forward(ids("SHIFT_0", "DUR_4"), new int[] {2}, mask.initialState(1)));
    assertEquals("token DUR_4 breaks the note grammar after SHIFT_0", e.getMessage());
  }

  @Test
  void aModelOfAnotherVocabularyIsRefused() {
    GrammarMask<long[]> mask = new GrammarMask<>(new FixedLogitsModel(new float[10]), GRAMMAR);
    assertThrows(IllegalStateException.class,
        () -> mask.forward(new int[] {3}, new int[] {1}, mask.initialState(1)));
  }
}
