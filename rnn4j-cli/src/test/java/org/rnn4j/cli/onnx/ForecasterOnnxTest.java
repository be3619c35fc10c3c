package org.rnn4j.cli.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.onnx.LanguageModelOnnxTest.assertClose;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.cli.onnx.proto.OnnxModel.Model;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.forecast.Forecaster;
import org.rnn4j.task.forecast.ForecasterConfig;
import org.rnn4j.tensor.Tensor;

/** The exported forecaster network run in ONNX Runtime equals rnn4j's on normalised windows. */
class ForecasterOnnxTest {
  private static final int B = 3;
  private static final int T = 8;
  private static final int F = 2;
  private static final int[] LENGTHS = {8, 5, 2};

  @ParameterizedTest
  @CsvSource({"LSTM, 1, 3", "GRU, 2, 1", "RNN_TANH, 1, 4"})
  void forecastsMatchRnn4j(CellKind cell, int layers, int steps) throws Exception {
    SplittableRandom rng = new SplittableRandom(cell.ordinal() + 10L * layers);
    Forecaster model = new Forecaster(ForecasterConfig.builder(List.of("a", "b"),
        RecurrentSpec.of(cell, 6).withLayers(layers), T).outputSteps(steps).build(), rng);
    float[] x = new float[B * T * F]; // (B, T, F), 0 after each length
    for (int b = 0; b < B; b++) {
      for (int i = 0; i < LENGTHS[b] * F; i++) {
        x[b * T * F + i] = (float) (rng.nextGaussian());
      }
    }
    float[] expected = model.forward(new PaddedFeatures(Tensor.of(x.clone(), B, T, F), LENGTHS))
        .data(); // (B, S, F)
    Model exported = ForecasterOnnx.export(model, "test");
    assertTrue(exported.getMetadataProps(0).getValue().contains("\"window\""),
        "the config travels in the metadata");
    try (OnnxRuntimeRun run = new OnnxRuntimeRun(exported)) {
      assertClose(expected, run.floats("history", x, B, T, F).ints("lengths", LENGTHS, B).run()
          .get("forecast"), "forecast");
    }
  }
}
