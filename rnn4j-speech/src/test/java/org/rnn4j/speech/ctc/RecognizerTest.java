package org.rnn4j.speech.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.loss.CtcLoss;
import org.rnn4j.loss.CtcTargets;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.speech.audio.FeatureConfig;
import org.rnn4j.tensor.Tensor;

class RecognizerTest {

  @Test
  void timeFirstMovesEveryValueAndItsGradientBack() {
    SplittableRandom rng = new SplittableRandom(3);
    Tensor x = Tensor.uniform(rng, -1, 1, 2, 3, 4).requiresGrad(true);
    Tensor y = Recognizer.timeFirst(x);
    assertArrayEquals(new int[] {3, 2, 4}, y.shape());
    Tensor r = Tensor.uniform(rng, -1, 1, 3, 2, 4);
    y.mul(r).sum().backward();
    for (int b = 0; b < 2; b++) {
      for (int t = 0; t < 3; t++) {
        for (int k = 0; k < 4; k++) {
          assertEquals(x.get(b, t, k), y.get(t, b, k));
          assertEquals(r.get(t, b, k), x.grad().get(b, t, k));
        }
      }
    }
  }

  /** The CTC loss of the recognizer's output against central differences in some weights. */
  @Test
  void gradientsOfTheCtcLossMatchFiniteDifferences() {
    FrontEnd frontEnd = new FrontEnd(FeatureConfig.speech(), FrontEnd.Kind.MFCC, 0, 1);
    RecognizerConfig config = new RecognizerConfig(frontEnd,
        RecurrentSpec.of(CellKind.GRU, 5).withBidirectional(true), Units.CHARACTERS,
        List.of("x", "y"));
    Recognizer model = new Recognizer(config, new SplittableRandom(1));
    SplittableRandom rng = new SplittableRandom(2);
    PaddedFeatures inputs = new PaddedFeatures(Tensor.uniform(rng, -1, 1, 2, 6, 13),
        new int[] {6, 4});
    CtcTargets targets = CtcTargets.concatenated(new int[] {1, 2, 2, 1}, new int[] {3, 1});
    java.util.function.DoubleSupplier loss = () ->
        CtcLoss.loss(model.logProbs(inputs), inputs.lengths(), targets).item();
    model.train(new SplittableRandom(0));
    CtcLoss.loss(model.logProbs(inputs), inputs.lengths(), targets).backward();
    int checked = 0;
    for (Map.Entry<String, Tensor> p : model.parameters().entrySet()) {
      Tensor w = p.getValue();
      for (int i = 0; i < w.size(); i += Math.max(1, w.size() / 5)) {
        float keep = w.data()[i];
        double eps = 1e-2;
        w.data()[i] = (float) (keep + eps);
        double up = loss.getAsDouble();
        w.data()[i] = (float) (keep - eps);
        double down = loss.getAsDouble();
        w.data()[i] = keep;
        double numeric = (up - down) / (2 * eps);
        double analytic = w.grad().data()[i];
        assertTrue(Math.abs(analytic - numeric) <= 2e-3 + 1e-2 * Math.max(Math.abs(analytic),
            Math.abs(numeric)), p.getKey() + "[" + i + "]: analytic " + analytic + ", numeric "
            + numeric);
        checked++;
      }
    }
    assertTrue(checked > 30, "checked " + checked);
  }
}
