package org.rnn4j.cli.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.tag.CharFeatures;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerConfig;

/** The exported tagger run in ONNX Runtime equals rnn4j's logits at every real step. */
class TaggerOnnxTest {
  private static final int B = 3;
  private static final int T = 6;
  private static final int V = 9;
  private static final int[] LENGTHS = {6, 3, 1};
  private static final List<String> TAGS = List.of("O", "B-PER", "I-PER");

  @ParameterizedTest
  @CsvSource({"LSTM, true, 1, false", "GRU, true, 2, true", "RNN_TANH, false, 1, true",
      "LSTM, true, 1, true"})
  void logitsMatchRnn4j(CellKind cell, boolean bidirectional, int layers, boolean chars)
      throws Exception {
    SplittableRandom rng = new SplittableRandom(cell.ordinal() * 10L + layers);
    int[][] spellings = new int[V][]; // word 0 (padding) has no characters
    for (int w = 0; w < V; w++) {
      spellings[w] = new int[w == 0 ? 0 : 1 + rng.nextInt(5)];
      for (int k = 0; k < spellings[w].length; k++) {
        spellings[w][k] = 1 + rng.nextInt(6);
      }
    }
    Tagger model = new Tagger(new TaggerConfig(V, 4,
        chars ? Optional.of(new CharFeatures(7, 3, 2, spellings)) : Optional.empty(),
        RecurrentSpec.of(cell, 5).withLayers(layers).withBidirectional(bidirectional), TAGS),
        rng);
    model.eval();
    RandomIds ids = RandomIds.draw(rng, T, LENGTHS, 1, V);
    // (B, T, K)
    float[] expected = model.forward(new PaddedIds(ids.ints(), B, T, LENGTHS, 0)).data();
    Map<String, float[]> actual;
    try (OnnxRuntimeRun run = new OnnxRuntimeRun(TaggerOnnx.export(model, "test"))) {
      actual = run.longs("ids", ids.longs(), B, T).ints("lengths", LENGTHS, B).run();
    }
    int k = TAGS.size();
    for (int b = 0; b < B; b++) {
      for (int t = 0; t < LENGTHS[b]; t++) {
        for (int j = 0; j < k; j++) {
          int i = (b * T + t) * k + j;
          assertEquals(expected[i], actual.get("logits")[i], 1e-5, b + "," + t + "," + j);
        }
      }
    }
  }
}
