package org.rnn4j.cli.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.tensor.Tensor;

/** The exported language model run in ONNX Runtime equals rnn4j's forward pass. */
class LanguageModelOnnxTest {
  private static final int V = 11;
  private static final int H = 7;
  private static final int B = 3;
  private static final int T = 6;
  private static final int[] LENGTHS = {6, 4, 1};

  @ParameterizedTest
  @CsvSource({"LSTM, 1", "LSTM, 2", "GRU, 1", "GRU, 2", "RNN_TANH, 2", "RNN_RELU, 1"})
  void logitsAndFinalStatesMatchRnn4j(CellKind cell, int layers) throws Exception {
    SplittableRandom rng = new SplittableRandom(cell.ordinal() * 10L + layers);
    LanguageModel model = new LanguageModel(new LanguageModelConfig(V, 5,
        RecurrentSpec.of(cell, H).withLayers(layers)), rng);
    RandomIds ids = RandomIds.draw(rng, T, LENGTHS, 1, V);
    float[] h0 = random(rng, layers * B * H); // (L, B, H)
    float[] c0 = random(rng, layers * B * H);
    boolean lstm = cell == CellKind.LSTM;
    LanguageModel.Output expected = model.forward(ids.ints(), LENGTHS, new RecurrentState(
        Tensor.of(h0.clone(), layers, B, H),
        lstm ? Optional.of(Tensor.of(c0.clone(), layers, B, H)) : Optional.empty()));
    Map<String, float[]> actual;
    try (OnnxRuntimeRun run = new OnnxRuntimeRun(LanguageModelOnnx.export(model, "test"))) {
      run.longs("ids", ids.longs(), B, T).ints("lengths", LENGTHS, B)
          .floats("h0", h0, layers, B, H);
      if (lstm) {
        run.floats("c0", c0, layers, B, H);
      }
      actual = run.run();
    }
    float[] logits = expected.logits().data(); // (B, T, V)
    for (int b = 0; b < B; b++) {
      for (int t = 0; t < LENGTHS[b]; t++) {
        for (int v = 0; v < V; v++) {
          int i = (b * T + t) * V + v;
          assertEquals(logits[i], actual.get("logits")[i], 1e-5, "logit " + b + "," + t + "," + v);
        }
      }
    }
    assertClose(expected.state().h().data(), actual.get("hn"), "hn");
    if (lstm) {
      assertClose(expected.state().c().orElseThrow().data(), actual.get("cn"), "cn");
    }
  }

  private static float[] random(SplittableRandom rng, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (rng.nextDouble() - 0.5);
    }
    return a;
  }

  static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + " size");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5, what + "[" + i + "]");
    }
  }
}
