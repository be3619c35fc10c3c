package org.rnn4j.task.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.BatchPlan;
import org.rnn4j.data.Collate;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.data.Seq2SeqBatch;
import org.rnn4j.data.Seq2SeqExample;
import org.rnn4j.data.Seq2SeqIds;
import org.rnn4j.data.TokenIds;
import org.rnn4j.decode.BeamSearchConfig;
import org.rnn4j.decode.Hypothesis;
import org.rnn4j.decode.NextTokenModel;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.optim.Adam;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Trainer;
import org.rnn4j.train.TrainerConfig;

/** Beam search over a Seq2Seq model, against greedy decoding and teacher-forced scores. */
class Seq2SeqBeamSearchTest {
  /** Source: 0 = pad, tokens 1…6. Target: 0 = pad, 1 = bos, 2 = eos, tokens 3…8. */
  private static final int SOURCE_V = 7;
  private static final int TARGET_V = 9;
  private static final int BOS = 1;
  private static final int EOS = 2;

  private static Seq2Seq model(CellKind cell, boolean bidirectional, AttentionKind attention,
      long seed) {
    return new Seq2Seq(Seq2SeqConfig.of(RecurrentSpec.of(cell, 6).withBidirectional(bidirectional),
        SOURCE_V, TARGET_V).withEmbeddingSizes(5, 4).withAttention(attention),
        new SplittableRandom(seed));
  }

  /** n random sources of 1…7 tokens, padded into one batch. */
  private static PaddedIds sources(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<TokenIds> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xs.add(new TokenIds(rng.ints(rng.nextInt(1, 8), 1, SOURCE_V).toArray()));
    }
    return (PaddedIds) Collate.pad(xs, 0);
  }

  private static PaddedIds row(PaddedIds batch, int b) {
    return (PaddedIds) Collate.pad(List.of(new TokenIds(batch.sequence(b))), 0);
  }

  /**
   * log p(y | x) under teacher forcing, computed from the model's forward logits: the sum of
   * log softmax(z_t)[y_t] over the tokens, {@code <eos>} included when finished.
   */
  private static double teacherForcedLogProbability(Seq2Seq m, PaddedIds source, int[] ids,
      boolean finished) {
    int[] in = new int[ids.length + 1];
    in[0] = BOS;
    System.arraycopy(ids, 0, in, 1, ids.length);
    int[] targets = Arrays.copyOf(ids, ids.length + 1);
    targets[ids.length] = EOS;
    int steps = finished ? targets.length : ids.length;
    try (NoGrad scope = NoGrad.enter()) {
      Tensor logits = m.forward(source, (PaddedIds) Collate.pad(List.of(new TokenIds(in)), 0));
      double sum = 0;
      for (int t = 0; t < steps; t++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < TARGET_V; w++) {
          max = Math.max(max, logits.get(0, t, w));
        }
        double z = 0;
        for (int w = 0; w < TARGET_V; w++) {
          z += Math.exp(logits.get(0, t, w) - max);
        }
        sum += logits.get(0, t, targets[t]) - max - Math.log(z);
      }
      return sum;
    }
  }

  @Test
  void beamWidthOneEqualsGreedyDecodingForEveryCell() {
    int maxLength = 8;
    int finished = 0;
    int unfinished = 0;
    for (CellKind cell : CellKind.values()) {
      for (boolean bidirectional : new boolean[] {false, true}) {
        Seq2Seq m = model(cell, bidirectional, AttentionKind.ADDITIVE, cell.ordinal() + 10);
        PaddedIds x = sources(6, cell.ordinal() + (bidirectional ? 20 : 30));
        Seq2Seq.Decoded greedy = m.decode(x, maxLength, BOS, EOS);
        List<BeamResult> beam = m.beamSearch(x, BeamSearchConfig.of(1, maxLength, EOS), BOS);
        for (int b = 0; b < x.batch(); b++) {
          String what = cell + (bidirectional ? " bidirectional" : "") + " row " + b;
          assertArrayEquals(greedy.ids()[b], beam.get(b).best().ids(), what);
          float[][] alpha = beam.get(b).attention();
          for (int t = 0; t < alpha.length; t++) {
            assertArrayEquals(greedy.attention()[b][t], alpha[t], 1e-6f, what + " step " + t);
          }
          if (beam.get(b).best().finished()) {
            finished++;
          } else {
            unfinished++;
          }
        }
      }
    }
    assertTrue(finished > 0 && unfinished > 0, "both endings are exercised: " + finished
        + " finished, " + unfinished + " stopped at maxLength");
  }

  /**
   * A model trained briefly (one epoch) to reverse sequences (token k → k + 2): unsure enough
   * that greedy decoding and wider beams sometimes part ways.
   */
  private static Seq2Seq halfTrained(CellKind cell, long seed) {
    Seq2Seq m = model(cell, true, AttentionKind.MULTIPLICATIVE, seed);
    SplittableRandom rng = new SplittableRandom(seed);
    List<Seq2SeqExample> examples = new ArrayList<>();
    for (int i = 0; i < 320; i++) {
      int[] x = rng.ints(rng.nextInt(2, 7), 1, SOURCE_V).toArray();
      int[] y = new int[x.length];
      for (int j = 0; j < x.length; j++) {
        y[j] = x[x.length - 1 - j] + 2;
      }
      examples.add(new Seq2SeqExample(new TokenIds(x), y));
    }
    List<Seq2SeqBatch> batches = new ArrayList<>();
    for (int[] indices : BatchPlan.sequential(examples.size(), 16)) {
      batches.add(Collate.seq2seq(examples, indices, new Seq2SeqIds(0, 0, BOS, EOS)));
    }
    new Trainer<>(TrainerConfig.builder(1, seed).build(), new Seq2SeqObjective(m, BOS, EOS),
        Adam.of(m.parameters(), 0.02), List.of()).fit(BatchSource.of(batches), Optional.empty());
    m.eval(); // decoding runs in the mode the model is in
    return m;
  }

  @Test
  void widerBeamsNeverScoreWorseThanGreedyUnderTheModel() {
    int maxLength = 20;
    int better = 0;
    int compared = 0;
    for (CellKind cell : new CellKind[] {CellKind.GRU, CellKind.LSTM}) {
      Seq2Seq m = halfTrained(cell, cell.ordinal() + 40);
      PaddedIds x = sources(12, cell.ordinal() + 50);
      int[][] greedy = m.greedy(x, maxLength, BOS, EOS);
      for (int k : new int[] {2, 3, 5}) {
        List<BeamResult> beam = m.beamSearch(x, BeamSearchConfig.of(k, maxLength, EOS), BOS);
        for (int b = 0; b < x.batch(); b++) {
          String what = cell + " k = " + k + " row " + b;
          if (greedy[b].length == maxLength) {
            continue; // greedy never ended: its log p lacks the <eos> term, so it does not compare
          }
          compared++;
          double g = teacherForcedLogProbability(m, row(x, b), greedy[b], true);
          Hypothesis best = beam.get(b).best();
          assertTrue(best.finished(), what);
          assertEquals(teacherForcedLogProbability(m, row(x, b), best.ids(), true),
              best.logProbability(), 1e-4, what);
          assertTrue(best.logProbability() >= g - 1e-5, what + ": beam " + best
              + " scores below greedy " + Arrays.toString(greedy[b]) + " at " + g);
          better += best.logProbability() > g + 1e-5 ? 1 : 0;
        }
      }
    }
    assertTrue(compared >= 60, "most of the 72 cases compare: " + compared);
    // seen: all 72 compared, 33 strictly more probable than greedy
    assertTrue(better > 0, "some wider beam found a more probable translation than greedy");
  }

  @Test
  void nBestAreScoredUnderTheModelAndRankedByNormalisedScore() {
    Seq2Seq m = model(CellKind.GRU, false, AttentionKind.ADDITIVE, 3);
    PaddedIds x = sources(3, 4);
    double alpha = 0.7;
    List<BeamResult> results = m.beamSearch(x,
        BeamSearchConfig.of(4, 6, EOS).withBest(4).withLengthPenalty(alpha), BOS);
    for (int b = 0; b < x.batch(); b++) {
      List<Hypothesis> n = results.get(b).hypotheses();
      assertFalse(n.isEmpty());
      for (int i = 0; i < n.size(); i++) {
        Hypothesis h = n.get(i);
        assertEquals(teacherForcedLogProbability(m, row(x, b), h.ids(), h.finished()),
            h.logProbability(), 1e-4, h.toString());
        assertEquals(h.logProbability() / Math.pow(h.length(), alpha), h.score(), 1e-12);
        if (i > 0) {
          assertTrue(n.get(i - 1).score() >= h.score(), "ranked: " + n);
        }
      }
      assertEquals(n.get(0).ids().length, results.get(b).attention().length);
      for (float[] weights : results.get(b).attention()) {
        assertEquals(x.lengths()[b], weights.length, "one weight per real source step");
        double sum = 0;
        for (float w : weights) {
          sum += w;
        }
        assertEquals(1.0, sum, 1e-5);
      }
    }
  }

  @Test
  void aSourcesResultDoesNotDependOnTheRestOfTheBatch() {
    for (CellKind cell : new CellKind[] {CellKind.LSTM, CellKind.RNN_TANH}) {
      Seq2Seq m = model(cell, true, AttentionKind.ADDITIVE, 60);
      PaddedIds x = sources(5, 61);
      BeamSearchConfig config = BeamSearchConfig.of(3, 10, EOS).withBest(3);
      List<BeamResult> together = m.beamSearch(x, config, BOS);
      for (int b = 0; b < x.batch(); b++) {
        BeamResult alone = m.beamSearch(row(x, b), config, BOS).get(0);
        List<Hypothesis> mixed = together.get(b).hypotheses();
        assertEquals(alone.hypotheses().size(), mixed.size());
        for (int i = 0; i < mixed.size(); i++) {
          assertArrayEquals(alone.hypotheses().get(i).ids(), mixed.get(i).ids(), cell + " " + b);
          assertEquals(alone.hypotheses().get(i).logProbability(),
              mixed.get(i).logProbability(), 1e-5);
        }
        assertArrayEquals(alone.attention(), together.get(b).attention(), cell + " " + b);
      }
    }
  }

  /** The NextTokenModel contract: whole or in pieces, ragged rows keep their state. */
  @Test
  void sourceDecoderFeedsWholeOrInPiecesAlike() {
    Seq2Seq m = model(CellKind.LSTM, true, AttentionKind.ADDITIVE, 70);
    Seq2Seq.Encoded one;
    try (NoGrad scope = NoGrad.enter()) {
      one = m.encode(sources(1, 71)).row(0);
    }
    SourceDecoder view = new SourceDecoder(m, one);
    int[] ids = {BOS, 5, 7, BOS, 4, 0}; // (2, 3): row 1 has 2 real steps
    NextTokenModel.Step<Seq2Seq.DecoderState> whole =
        view.forward(ids, new int[] {3, 2}, view.initialState(2));
    // row 0 step by step, row 1 for its 2 steps
    Seq2Seq.DecoderState s = view.initialState(1);
    for (int t = 0; t < 3; t++) {
      NextTokenModel.Step<Seq2Seq.DecoderState> step = view.forward(new int[] {ids[t]},
          new int[] {1}, s);
      for (int w = 0; w < TARGET_V; w++) {
        assertEquals(step.logits().get(0, 0, w), whole.logits().get(0, t, w), 1e-5f);
      }
      s = step.state();
    }
    NextTokenModel.Step<Seq2Seq.DecoderState> row1 =
        view.forward(new int[] {BOS, 4}, new int[] {2}, view.initialState(1));
    Seq2Seq.DecoderState kept = view.select(whole.state(), new int[] {1});
    assertArrayEquals(row1.state().state().h().data(), kept.state().h().data(), 1e-6f);
    assertArrayEquals(row1.state().state().c().orElseThrow().data(),
        kept.state().c().orElseThrow().data(), 1e-6f);
    assertArrayEquals(row1.state().context().data(), kept.context().data(), 1e-6f);
    assertArrayEquals(s.context().data(), view.select(whole.state(), new int[] {0}).context()
        .data(), 1e-6f);
  }

  @Test
  void rejectsBadArguments() {
    Seq2Seq m = model(CellKind.GRU, false, AttentionKind.ADDITIVE, 1);
    PaddedIds x = sources(2, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.beamSearch(x, BeamSearchConfig.of(2, 5, TARGET_V), BOS));
    assertTrue(e.getMessage().contains("eosId must lie in [0, 9)"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> m.beamSearch(x, BeamSearchConfig.of(2, 5, EOS), -1));
  }
}
