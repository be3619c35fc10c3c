package org.rnn4j.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.GradientCheck;

/**
 * The CTC loss against its definition (the sum over every alignment, enumerated), finite
 * differences, the posterior identity Σ_k γ_t(k) = 1, and its argument checks.
 */
class CtcLossTest {
  private final SplittableRandom rng = new SplittableRandom(11);

  /** Uniform in [−3, 0): log-probabilities need not be normalised for the loss or its gradient. */
  private Tensor logProbs(int t, int b, int c) {
    return Tensor.uniform(rng, -3f, 0f, t, b, c).requiresGrad(true);
  }

  /**
   * −log Σ_π Π_t exp(y_t(π_t)) over every path π ∈ [0, C)^T whose collapse (merge repeats, drop
   * blanks) is the labels: the definition, C^T terms.
   */
  private static double bruteForceLoss(float[] y, int batch, int c, int b, int frames,
      int[] labels, int blank) {
    double p = 0;
    int[] path = new int[frames];
    for (long code = 0; code < Math.pow(c, frames); code++) {
      long rest = code;
      double logP = 0;
      for (int t = 0; t < frames; t++) {
        path[t] = (int) (rest % c);
        rest /= c;
        logP += y[(t * batch + b) * c + path[t]];
      }
      if (Arrays.equals(collapse(path, blank), labels)) {
        p += Math.exp(logP);
      }
    }
    return -Math.log(p);
  }

  private static int[] collapse(int[] path, int blank) {
    List<Integer> out = new ArrayList<>();
    for (int t = 0; t < path.length; t++) {
      if (path[t] != blank && (t == 0 || path[t] != path[t - 1])) {
        out.add(path[t]);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void everySequenceEqualsTheSumOverItsAlignments() {
    int t = 5;
    int c = 3;
    int[][] labels = {{1, 2}, {1, 1}, {}, {2, 1, 2}, {1, 1, 1}, {2, 2, 2}};
    int[] frames = {5, 4, 3, 5, 5, 4}; // the last: 3 labels and 2 repeats need 5 > 4 frames
    for (int blank : new int[] {0, 2}) {
      Tensor y = logProbs(t, labels.length, c);
      int[][] target = new int[labels.length][];
      for (int b = 0; b < labels.length; b++) { // with blank 2 the labels 1, 2 become 0, 1
        target[b] = Arrays.stream(labels[b]).map(l -> blank == 2 ? l - 1 : l).toArray();
      }
      double finiteSum = 0;
      for (int b = 0; b < labels.length; b++) {
        double expected = bruteForceLoss(y.data(), labels.length, c, b, frames[b], target[b],
            blank);
        Tensor single = CtcLoss.loss(Tensor.of(sliceBatch(y, b), t, 1, c), new int[] {frames[b]},
            CtcTargets.concatenated(target[b], new int[] {target[b].length}),
            new CtcLoss.Options(blank, CtcLoss.Reduction.SUM, false));
        String what = "sequence " + b + " blank " + blank + " labels "
            + Arrays.toString(target[b]);
        double logLikelihood = CtcLoss.logLikelihood(Tensor.of(
            Arrays.copyOf(sliceBatch(y, b), frames[b] * c), frames[b], c), target[b], blank);
        if (Double.isInfinite(expected)) {
          assertEquals(Double.NEGATIVE_INFINITY, logLikelihood, what);
          assertEquals(Float.POSITIVE_INFINITY, single.item(), what);
        } else {
          assertEquals(-expected, logLikelihood, 1e-9 * Math.max(1, expected), what);
          assertEquals(expected, single.item(), 1e-5 * Math.max(1, expected), what);
          finiteSum += expected;
        }
      }
      Tensor batch = CtcLoss.loss(y, frames,
          CtcTargets.concatenated(Arrays.stream(target).flatMapToInt(Arrays::stream).toArray(),
              Arrays.stream(target).mapToInt(r -> r.length).toArray()),
          new CtcLoss.Options(blank, CtcLoss.Reduction.SUM, true));
      assertEquals(finiteSum, batch.item(), 1e-5 * finiteSum, "the batch, impossible ones zeroed");
    }
  }

  private static float[] sliceBatch(Tensor y, int b) {
    int t = y.dim(0);
    int batch = y.dim(1);
    int c = y.dim(2);
    float[] out = new float[t * c];
    for (int f = 0; f < t; f++) {
      System.arraycopy(y.data(), (f * batch + b) * c, out, f * c, c);
    }
    return out;
  }

  @Test
  void reductionsWeighTheSequencesAsDocumented() {
    Tensor y = logProbs(6, 3, 4);
    int[] lengths = {6, 4, 5};
    CtcTargets targets = CtcTargets.padded(new int[] {1, 2, 3, 3, 0, 0, 2, 1, 2}, 3,
        new int[] {3, 1, 0});
    double[] each = new double[3];
    for (int b = 0; b < 3; b++) {
      each[b] = CtcLoss.loss(Tensor.of(sliceBatch(y, b), 6, 1, 4), new int[] {lengths[b]},
          CtcTargets.concatenated(targets.of(b), new int[] {targets.length(b)}),
          new CtcLoss.Options(0, CtcLoss.Reduction.SUM, false)).item();
    }
    float sum = CtcLoss.loss(y, lengths, targets,
        new CtcLoss.Options(0, CtcLoss.Reduction.SUM, false)).item();
    float mean = CtcLoss.loss(y, lengths, targets).item();
    assertEquals(each[0] + each[1] + each[2], sum, 1e-5);
    assertEquals((each[0] / 3 + each[1] / 1 + each[2] / 1) / 3, mean, 1e-5,
        "mean: each loss over max(S_b, 1), then over B");
    // the empty target: −Σ_{t < T_b} y_t(∅)
    double blanks = 0;
    for (int t = 0; t < 5; t++) {
      blanks -= y.data()[(t * 3 + 2) * 4];
    }
    assertEquals(blanks, each[2], 1e-5);
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    int[] lengths = {4, 3};
    CtcTargets targets = CtcTargets.concatenated(new int[] {1, 1, 2}, new int[] {2, 1});
    for (CtcLoss.Reduction r : CtcLoss.Reduction.values()) {
      CtcLoss.Options options = new CtcLoss.Options(0, r, false);
      GradientCheck.check("ctc " + r, x -> CtcLoss.loss(x[0], lengths, targets, options),
          logProbs(4, 2, 3));
    }
    CtcTargets notBlank1 = CtcTargets.padded(new int[] {0, 2, 2, 0, 2, 0}, 3,
        new int[] {3, 0});
    CtcLoss.Options blank1 = new CtcLoss.Options(1, CtcLoss.Reduction.MEAN, false);
    GradientCheck.check("ctc blank 1, through logSoftmax", x -> CtcLoss.loss(x[0].logSoftmax(),
        new int[] {5, 2}, notBlank1, blank1), Tensor.uniform(rng, -2f, 2f, 5, 2, 3)
        .requiresGrad(true));
  }

  @Test
  void theGradientOfEachFrameIsMinusItsPosteriorWhichSumsToOne() {
    Tensor y = logProbs(7, 2, 4);
    CtcTargets targets = CtcTargets.concatenated(new int[] {3, 1, 1, 2}, new int[] {3, 1});
    int[] lengths = {7, 5};
    CtcLoss.loss(y, lengths, targets, new CtcLoss.Options(0, CtcLoss.Reduction.SUM, false))
        .backward();
    float[] g = y.grad().data();
    for (int t = 0; t < 7; t++) {
      for (int b = 0; b < 2; b++) {
        double sum = 0;
        for (int k = 0; k < 4; k++) {
          sum += g[(t * 2 + b) * 4 + k];
        }
        assertEquals(t < lengths[b] ? -1 : 0, sum, 1e-5, "frame " + t + " sequence " + b);
      }
    }
  }

  @Test
  void impossibleSequencesGiveInfinityOrZero() {
    Tensor y = logProbs(3, 2, 3);
    CtcTargets targets = CtcTargets.concatenated(new int[] {1, 1, 2}, new int[] {2, 1});
    int[] lengths = {2, 3}; // 1, 1 needs 3 frames
    Tensor inf = CtcLoss.loss(y, lengths, targets);
    inf.backward();
    assertEquals(Float.POSITIVE_INFINITY, inf.item());
    float[] g = y.grad().data();
    for (int t = 0; t < 3; t++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(t < 2, Float.isNaN(g[(t * 2) * 3 + k]), "sequence 0 frame " + t);
        assertTrue(Float.isFinite(g[(t * 2 + 1) * 3 + k]), "sequence 1 frame " + t);
      }
    }
    y.zeroGrad();
    Tensor zero = CtcLoss.loss(y, lengths, targets,
        new CtcLoss.Options(0, CtcLoss.Reduction.MEAN, true));
    zero.backward();
    float only = CtcLoss.loss(Tensor.of(sliceBatch(y, 1), 3, 1, 3), new int[] {3},
        CtcTargets.concatenated(new int[] {2}, new int[] {1})).item();
    assertEquals(only / 2, zero.item(), 1e-6, "sequence 0 counts as 0, the mean still over B = 2");
    for (int t = 0; t < 3; t++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(0f, y.grad().data()[(t * 2) * 3 + k]);
      }
    }
    Tensor none = CtcLoss.loss(Tensor.zeros(0, 2, 3), new int[] {0, 0},
        CtcTargets.concatenated(new int[] {1}, new int[] {0, 1}),
        new CtcLoss.Options(0, CtcLoss.Reduction.SUM, true));
    assertEquals(0f, none.item(), "T = 0: the empty target has p = 1, the other p = 0 (zeroed)");
  }

  @Test
  void rejectsArgumentsThatDoNotFit() {
    Tensor y = Tensor.zeros(4, 2, 3);
    CtcTargets ok = CtcTargets.concatenated(new int[] {1, 2}, new int[] {1, 1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CtcLoss.loss(y, new int[] {4, 4}, ok, new CtcLoss.Options(3,
            CtcLoss.Reduction.MEAN, false)));
    assertTrue(e.getMessage().contains("blank must lie in [0, 3)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CtcLoss.loss(y, new int[] {4, 5}, ok));
    assertTrue(e.getMessage().contains("inputLengths[1] must lie in [0, 4]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CtcLoss.loss(y, new int[] {4}, ok));
    assertTrue(e.getMessage().contains("expected B = 2, got 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CtcLoss.loss(y, new int[] {4, 4},
        CtcTargets.concatenated(new int[] {1, 0}, new int[] {1, 1})));
    assertTrue(e.getMessage().contains("label 0 of sequence 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CtcLoss.loss(Tensor.zeros(4, 3), new int[] {4, 4}, ok));
    assertTrue(e.getMessage().contains("(T, B, C)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CtcTargets.concatenated(new int[] {1, 2}, new int[] {1, 2}));
    assertTrue(e.getMessage().contains("Σ lengths = 3 labels, got 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CtcTargets.padded(new int[] {1, 2, 1, 2}, 2, new int[] {1, 3}));
    assertTrue(e.getMessage().contains("lengths[1] must lie in [0, 2]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CtcTargets.padded(new int[] {1, 2, 1}, 2, new int[] {1, 1}));
    assertTrue(e.getMessage().contains("(B, W) = (2, 2)"), e.getMessage());
  }

  @Test
  void paddedAndConcatenatedTargetsGiveTheSameLoss() {
    Tensor y = logProbs(5, 2, 4);
    float padded = CtcLoss.loss(y, new int[] {5, 4},
        CtcTargets.padded(new int[] {3, 1, 2, 9}, 2, new int[] {2, 1})).item();
    float concatenated = CtcLoss.loss(y, new int[] {5, 4},
        CtcTargets.concatenated(new int[] {3, 1, 2}, new int[] {2, 1})).item();
    assertEquals(concatenated, padded, "padding (9) is never read");
  }
}
