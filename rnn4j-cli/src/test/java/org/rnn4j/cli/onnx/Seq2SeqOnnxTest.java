package org.rnn4j.cli.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.seq2seq.AttentionKind;
import org.rnn4j.task.seq2seq.Seq2Seq;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;

/**
 * The exported encoder and decoder step, looped in ONNX Runtime, give rnn4j's teacher-forced
 * logits at every step and its greedy translations with their attention.
 */
class Seq2SeqOnnxTest {
  private static final int B = 3;
  private static final int TX = 6;
  private static final int[] LENGTHS = {6, 2, 4};
  private static final int VX = 10;
  private static final int V = 9;
  private static final int BOS = 1;
  private static final int EOS = 2;

  @ParameterizedTest
  @CsvSource({"LSTM, true, 1, ADDITIVE", "LSTM, false, 2, MULTIPLICATIVE",
      "GRU, true, 2, MULTIPLICATIVE", "GRU, false, 1, ADDITIVE", "RNN_TANH, true, 1, ADDITIVE"})
  void stepsMatchRnn4j(CellKind cell, boolean bidirectional, int layers, AttentionKind attention)
      throws Exception {
    SplittableRandom rng = new SplittableRandom(cell.ordinal() * 10L + layers);
    Seq2Seq model = new Seq2Seq(Seq2SeqConfig.of(RecurrentSpec.of(cell, 6).withLayers(layers)
        .withBidirectional(bidirectional), VX, V).withEmbeddingSizes(5, 4)
        .withAttention(attention), rng);
    model.eval();
    RandomIds source = RandomIds.draw(rng, TX, LENGTHS, 3, VX);
    long[] sourceLong = source.longs();
    PaddedIds src = new PaddedIds(source.ints(), B, TX, LENGTHS, 0);
    int t = 4;
    int[] decoderInputs = new int[B * t]; // (B, T): <bos>, then target ids
    for (int b = 0; b < B; b++) {
      decoderInputs[b * t] = BOS;
      for (int k = 1; k < t; k++) {
        decoderInputs[b * t + k] = 3 + rng.nextInt(V - 3);
      }
    }
    float[] expected = model.forward(src, new PaddedIds(decoderInputs, B, t,
        new int[] {t, t, t}, 0)).data(); // (B, T, V)
    Seq2SeqOnnx.Graphs graphs = Seq2SeqOnnx.export(model, "test");
    boolean lstm = cell == CellKind.LSTM;
    try (OnnxRuntimeRun encoder = new OnnxRuntimeRun(graphs.encoder());
        OnnxRuntimeRun step = new OnnxRuntimeRun(graphs.step())) {
      Map<String, float[]> enc = encoder.longs("source_ids", sourceLong, B, TX)
          .ints("source_lengths", LENGTHS, B).run();
      int he = enc.get("memory").length / (B * TX);
      int keys = enc.get("keys").length / (B * TX);
      float[] h = enc.get("h0");
      float[] c = lstm ? enc.get("c0") : null;
      float[] context = new float[B * he];
      for (int k = 0; k < t; k++) {
        long[] previous = new long[B];
        for (int b = 0; b < B; b++) {
          previous[b] = decoderInputs[b * t + k];
        }
        step.longs("previous", previous, B).floats("context", context, B, he)
            .floats("h", h, 1, B, h.length / B).floats("memory", enc.get("memory"), B, TX, he)
            .floats("keys", enc.get("keys"), B, TX, keys).ints("source_lengths", LENGTHS, B);
        if (lstm) {
          step.floats("c", c, 1, B, c.length / B);
        }
        Map<String, float[]> out = step.run();
        for (int b = 0; b < B; b++) {
          for (int j = 0; j < V; j++) {
            assertEquals(expected[(b * t + k) * V + j], out.get("logits")[b * V + j], 1e-5,
                "step " + k + ", row " + b + ", token " + j);
          }
        }
        h = out.get("h_next");
        c = lstm ? out.get("c_next") : null;
        context = out.get("context_next");
      }
    }
    greedyMatches(model, src, sourceLong, graphs, lstm);
  }

  /**
   * Greedy decoding looped over the step graph gives rnn4j's ids and attention weights (rnn4j
   * keeps one α row per returned id).
   */
  private static void greedyMatches(Seq2Seq model, PaddedIds src, long[] sourceLong,
      Seq2SeqOnnx.Graphs graphs, boolean lstm) throws Exception {
    int maxLength = 5;
    Seq2Seq.Decoded expected = model.decode(src, maxLength, BOS, EOS);
    try (OnnxRuntimeRun encoder = new OnnxRuntimeRun(graphs.encoder());
        OnnxRuntimeRun step = new OnnxRuntimeRun(graphs.step())) {
      Map<String, float[]> enc = encoder.longs("source_ids", sourceLong, B, TX)
          .ints("source_lengths", LENGTHS, B).run();
      for (int b = 0; b < B; b++) { // one source at a time: its own length ends it
        int he = enc.get("memory").length / (B * TX);
        int keys = enc.get("keys").length / (B * TX);
        int hidden = enc.get("h0").length / B;
        float[] memory = java.util.Arrays.copyOfRange(enc.get("memory"), b * TX * he,
            (b + 1) * TX * he);
        float[] keyRows = java.util.Arrays.copyOfRange(enc.get("keys"), b * TX * keys,
            (b + 1) * TX * keys);
        float[] h = java.util.Arrays.copyOfRange(enc.get("h0"), b * hidden, (b + 1) * hidden);
        float[] c = lstm ? java.util.Arrays.copyOfRange(enc.get("c0"), b * hidden,
            (b + 1) * hidden) : null;
        float[] context = new float[he];
        long previous = BOS;
        int[] ids = new int[maxLength];
        int n = 0;
        while (n < maxLength) {
          step.longs("previous", new long[] {previous}, 1).floats("context", context, 1, he)
              .floats("h", h, 1, 1, hidden).floats("memory", memory, 1, TX, he)
              .floats("keys", keyRows, 1, TX, keys).ints("source_lengths",
                  new int[] {LENGTHS[b]}, 1);
          if (lstm) {
            step.floats("c", c, 1, 1, hidden);
          }
          Map<String, float[]> out = step.run();
          float[] lp = out.get("log_probabilities");
          int best = 0;
          for (int j = 1; j < V; j++) {
            best = lp[j] > lp[best] ? j : best;
          }
          float[] alpha = out.get("attention");
          for (int j = 0; j < TX && n < expected.attention()[b].length; j++) {
            assertEquals(j < LENGTHS[b] ? expected.attention()[b][n][j] : 0f, alpha[j], 1e-5,
                "attention of row " + b + ", step " + n + ", source " + j);
          }
          if (best == EOS) {
            break;
          }
          ids[n++] = best;
          previous = best;
          h = out.get("h_next");
          c = lstm ? out.get("c_next") : null;
          context = out.get("context_next");
        }
        assertArrayEquals(expected.ids()[b], java.util.Arrays.copyOf(ids, n), "row " + b);
      }
    }
  }
}
