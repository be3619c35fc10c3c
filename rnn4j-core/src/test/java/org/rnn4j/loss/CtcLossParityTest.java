package org.rnn4j.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.Fixture;

/**
 * Loss and gradients equal those of PyTorch's {@code nn.functional.ctc_loss} on fixtures from
 * tools/fixtures/make_ctc_fixtures.py (float64 in PyTorch, stored as float32): batch sizes 1 to
 * 5, ragged input and target lengths, repeated labels, empty targets, blank 0, 2 and C − 1,
 * padded and concatenated targets, mean and sum, impossible sequences with and without
 * zero_infinity. Two gradients are compared: with respect to the log-probabilities (the partial
 * derivative, from the script's autograd reference) and with respect to the logits through
 * {@code logSoftmax} (PyTorch's own backward). Tolerance: 1e−5 relative to |loss|, and to the
 * largest finite |expected| of each gradient; NaN exactly where PyTorch has NaN.
 */
class CtcLossParityTest {
  private static final double RTOL = 1e-5;

  @ParameterizedTest
  @ValueSource(strings = {"single", "ragged_repeats_mean", "blank_last_sum", "blank_middle_mean",
      "long_batch5_sum", "impossible_zero_infinity", "impossible_sum", "impossible_mean"})
  void matchesPyTorchFixture(String name) throws IOException {
    Fixture f = Fixture.load("ctc/" + name + ".safetensors");
    int[] inputLengths = ints(f.tensor("input_lengths"));
    int[] targetLengths = ints(f.tensor("target_lengths"));
    Tensor rawTargets = f.tensor("targets");
    CtcTargets targets = f.meta("targets_layout").equals("padded")
        ? CtcTargets.padded(ints(rawTargets), rawTargets.dim(1), targetLengths)
        : CtcTargets.concatenated(ints(rawTargets), targetLengths);
    CtcLoss.Options options = new CtcLoss.Options(Integer.parseInt(f.meta("blank")),
        CtcLoss.Reduction.valueOf(f.meta("reduction").toUpperCase()),
        Boolean.parseBoolean(f.meta("zero_infinity")));

    Tensor logProbs = f.tensor("log_probs").copy().requiresGrad(true);
    Tensor loss = CtcLoss.loss(logProbs, inputLengths, targets, options);
    loss.backward();
    assertLossClose(f.tensor("loss").item(), loss.item(), name);
    assertClose(name + " grad_log_probs", f.tensor("grad_log_probs"), logProbs.grad());

    Tensor logits = f.tensor("logits").copy().requiresGrad(true);
    Tensor viaSoftmax = CtcLoss.loss(logits.logSoftmax(), inputLengths, targets, options);
    viaSoftmax.backward();
    assertLossClose(f.tensor("loss").item(), viaSoftmax.item(), name + " via logSoftmax");
    assertClose(name + " grad_logits", f.tensor("grad_logits"), logits.grad());
  }

  private static void assertLossClose(float expected, float actual, String what) {
    if (Float.isInfinite(expected)) {
      assertEquals(expected, actual, what);
    } else {
      assertEquals(expected, actual, RTOL * Math.max(1, Math.abs(expected)), what);
    }
  }

  /** Within RTOL of the largest finite |expected|; NaN exactly where expected is NaN. */
  private static void assertClose(String what, Tensor expected, Tensor actual) {
    assertEquals(java.util.Arrays.toString(expected.shape()),
        java.util.Arrays.toString(actual.shape()), what + " shape");
    float[] e = expected.data();
    float[] a = actual.data();
    double scale = 0;
    for (float v : e) {
      if (Float.isFinite(v)) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    assertTrue(scale > 0, what + ": the fixture's gradient is zero, nothing would be compared");
    for (int i = 0; i < e.length; i++) {
      if (Float.isNaN(e[i])) {
        assertTrue(Float.isNaN(a[i]), what + " at flat index " + i + ": expected NaN, got " + a[i]);
      } else {
        assertEquals(e[i], a[i], RTOL * scale, what + " at flat index " + i);
      }
    }
  }

  private static int[] ints(Tensor t) {
    float[] d = t.data();
    int[] out = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = Math.round(d[i]);
    }
    return out;
  }
}
