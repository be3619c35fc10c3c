package org.rnn4j.task.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.decode.BeamSearchConfig;
import org.rnn4j.decode.GenerationConfig;
import org.rnn4j.decode.Hypothesis;
import org.rnn4j.decode.NextTokenModel;
import org.rnn4j.decode.Sampler;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/** Beam search with a language model, through its NextTokenModel view. */
class LanguageModelBeamSearchTest {
  private static final int V = 12;
  private static final int END = 3;

  private static LanguageModel model(CellKind cell, long seed) {
    return new LanguageModel(
        new LanguageModelConfig(V, 8, RecurrentSpec.of(cell, 16).withLayers(2)),
        new SplittableRandom(seed));
  }

  @Test
  void beamWidthOneEqualsGreedyGeneration() {
    int[][] primes = {{2}, {3, 5, 7, 9}, {4, 4}, {11, 6, 8}};
    for (CellKind cell : CellKind.values()) {
      LanguageModel m = model(cell, 7);
      GenerationConfig greedy = GenerationConfig.of(25, Sampler.greedy()).stoppingAt(END);
      for (int[] prime : primes) {
        int[] expected = m.generate(prime, greedy, new SplittableRandom(0));
        Hypothesis beam = m.beamSearch(prime, BeamSearchConfig.of(1, 25, END)).get(0);
        assertArrayEquals(expected, beam.ids(), cell + " prime " + Arrays.toString(prime));
      }
    }
  }

  @Test
  void hypothesisLogProbabilitiesMatchTheScorer() {
    LanguageModel m = model(CellKind.LSTM, 3);
    int[] prime = {2, 9};
    List<Hypothesis> best = m.beamSearch(prime,
        BeamSearchConfig.of(4, 6, END).withBest(4).withLengthPenalty(0.7));
    assertFalse(best.isEmpty());
    for (Hypothesis h : best) {
      int[] ids = Arrays.copyOf(prime, prime.length + h.length());
      System.arraycopy(h.ids(), 0, ids, prime.length, h.ids().length);
      if (h.finished()) {
        ids[ids.length - 1] = END;
      }
      double scored = m.score(List.of(ids), 1).get(0).logLikelihood()
          - m.score(List.of(prime), 1).get(0).logLikelihood();
      assertEquals(scored, h.logProbability(), 1e-4, h.toString());
      assertEquals(h.logProbability() / Math.pow(h.length(), 0.7), h.score(), 1e-12);
    }
    for (int i = 1; i < best.size(); i++) {
      assertTrue(best.get(i - 1).score() >= best.get(i).score(), "ranked by score: " + best);
    }
  }

  @Test
  void aSelectedStateContinuesLikeTheRowsItWasPickedFrom() {
    for (CellKind cell : CellKind.values()) {
      LanguageModel m = model(cell, 11);
      m.eval();
      NextTokenModel<RecurrentState> view = m.asNextTokenModel();
      int[][] primes = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
      int[] rows = {2, 0, 2};
      int[] next = {10, 11, 5};
      try (NoGrad scope = NoGrad.enter()) {
        RecurrentState state = view.forward(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9},
            new int[] {3, 3, 3}, view.initialState(3)).state();
        Tensor batched = view.forward(next, new int[] {1, 1, 1}, view.select(state, rows))
            .logits();
        for (int i = 0; i < rows.length; i++) {
          int[] alone = Arrays.copyOf(primes[rows[i]], 4);
          alone[3] = next[i];
          Tensor logits = view.forward(alone, new int[] {4}, view.initialState(1)).logits();
          for (int w = 0; w < V; w++) {
            assertEquals(logits.get(0, 3, w), batched.get(i, 0, w), 1e-5f, cell + " row " + i);
          }
        }
      }
    }
  }
}
