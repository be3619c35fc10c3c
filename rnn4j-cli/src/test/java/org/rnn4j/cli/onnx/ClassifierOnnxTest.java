package org.rnn4j.cli.onnx;

import static org.rnn4j.cli.onnx.LanguageModelOnnxTest.assertClose;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.task.classify.Pooling;
import org.rnn4j.tensor.Tensor;

/** The exported classifier run in ONNX Runtime equals rnn4j's logits and probabilities. */
class ClassifierOnnxTest {
  private static final int B = 3;
  private static final int T = 5;
  private static final int[] LENGTHS = {5, 2, 3};
  private static final List<String> LABELS = List.of("a", "b", "c", "d");

  @ParameterizedTest
  @CsvSource({"LSTM, LAST, false, 1, true", "LSTM, LAST, true, 2, true",
      "GRU, MEAN, true, 1, true", "GRU, MAX, false, 2, true", "RNN_TANH, MAX, true, 1, false",
      "RNN_RELU, MEAN, false, 1, false", "LSTM, MAX, true, 2, false", "GRU, LAST, true, 1, false"})
  void logitsMatchRnn4j(CellKind cell, Pooling pooling, boolean bidirectional, int layers,
      boolean tokens) throws Exception {
    SplittableRandom rng = new SplittableRandom(cell.ordinal() * 100L + pooling.ordinal() * 10L
        + layers);
    int v = 13;
    int f = 4;
    ClassifierInput input = tokens ? ClassifierInput.tokens(v, 6) : ClassifierInput.features(f);
    Classifier model = new Classifier(new ClassifierConfig(input,
        RecurrentSpec.of(cell, 5).withLayers(layers).withBidirectional(bidirectional), pooling,
        LABELS), rng);
    float[] expected;
    try (OnnxRuntimeRun run = new OnnxRuntimeRun(ClassifierOnnx.export(model, "test"))) {
      run.ints("lengths", LENGTHS, B);
      if (tokens) {
        RandomIds ids = RandomIds.draw(rng, T, LENGTHS, 1, v);
        expected = model.forward(new PaddedIds(ids.ints(), B, T, LENGTHS, 0)).data();
        run.longs("ids", ids.longs(), B, T);
      } else {
        float[] x = new float[B * T * f]; // (B, T, F), 0 after each length
        for (int b = 0; b < B; b++) {
          for (int i = 0; i < LENGTHS[b] * f; i++) {
            x[b * T * f + i] = (float) (rng.nextDouble() * 2 - 1);
          }
        }
        expected = model.forward(new PaddedFeatures(Tensor.of(x.clone(), B, T, f), LENGTHS))
            .data();
        run.floats("features", x, B, T, f);
      }
      Map<String, float[]> actual = run.run();
      assertClose(expected, actual.get("logits"), "logits");
      assertClose(softmax(expected, LABELS.size()), actual.get("probabilities"), "probabilities");
    }
  }

  private static float[] softmax(float[] logits, int c) {
    float[] p = new float[logits.length];
    for (int b = 0; b < logits.length / c; b++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < c; j++) {
        max = Math.max(max, logits[b * c + j]);
      }
      double sum = 0;
      for (int j = 0; j < c; j++) {
        sum += Math.exp(logits[b * c + j] - max);
      }
      for (int j = 0; j < c; j++) {
        p[b * c + j] = (float) (Math.exp(logits[b * c + j] - max) / sum);
      }
    }
    return p;
  }
}
