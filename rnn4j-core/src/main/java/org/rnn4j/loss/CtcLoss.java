package org.rnn4j.loss;

import java.util.Arrays;
import org.rnn4j.tensor.CustomOp;
import org.rnn4j.tensor.Tensor;

/**
 * Connectionist temporal classification (Graves et al., 2006): the negative log-likelihood of
 * label sequences under frame-wise class distributions, summed over every alignment, as one
 * autograd node whose backward pass is the analytic forward–backward gradient.
 *
 * <p>The input is log-probabilities y (T, B, C), time first, as PyTorch's {@code
 * nn.CTCLoss}: normally {@code logits.logSoftmax()}. They are not renormalised here.
 *
 * <p>For one sequence with labels l = (l_1 … l_S) and T frames, l' = (∅, l_1, ∅, …, l_S, ∅)
 * (length L = 2S + 1) are the states of an alignment, which at each frame stays, moves one state,
 * or skips a blank between two different labels. In log space, lse the log-sum-exp:
 *
 * <pre>
 * α_0(0) = y_0(∅),  α_0(1) = y_0(l_1) if S ≥ 1   α_0(s) = −∞ for s ≥ 2
 * α_t(s) = y_t(l'_s) + lse(α_{t−1}(s), α_{t−1}(s−1), α_{t−1}(s−2) if l'_s ≠ ∅ and l'_s ≠ l'_{s−2})
 * β_{T−1}(L−1) = y_{T−1}(∅),  β_{T−1}(L−2) = y_{T−1}(l_S)   −∞ otherwise
 * β_t(s) = y_t(l'_s) + lse(β_{t+1}(s), β_{t+1}(s+1), β_{t+1}(s+2) if l'_s ≠ ∅ and l'_s ≠ l'_{s+2})
 * log p(l | y) = lse(α_{T−1}(L−1), α_{T−1}(L−2))
 * γ_t(k) = Σ_{s : l'_s = k} exp(α_t(s) + β_t(s) − y_t(k) − log p)
 * </pre>
 *
 * <p>For the batch:
 *
 * <pre>
 * ℓ_b = −log p(l_b | y_{0..T_b−1, b})     summed over every alignment of l_b
 * MEAN: L = (1/B) Σ_b ℓ_b / max(S_b, 1)    S_b the target length (PyTorch's default reduction)
 * SUM:  L = Σ_b ℓ_b
 * ∂L/∂y_{t,b,k} = −w_b · γ_{t,b}(k)        for t &lt; T_b, 0 for t ≥ T_b
 *                                          w_b = 1/(B·max(S_b, 1)) (MEAN) or 1 (SUM)
 * </pre>
 *
 * γ_{t,b}(k) is the posterior probability that frame t of sequence b emits class k; it sums to 1
 * over k. This is the partial derivative with respect to y, so a finite-difference check holds
 * for any y. PyTorch's CTC backward returns instead w_b·(exp(y) − γ), the gradient with respect
 * to the logits of a log-softmax that produced y; after {@code logSoftmax} both give the same
 * gradient of the logits.
 *
 * <p>An alignment of l_b needs S_b + r_b frames, r_b the labels equal to the label before them
 * (each needs a blank in between). A sequence with fewer frames T_b has p = 0 and ℓ_b = +∞.
 * With {@code zeroInfinity} its loss and gradient are 0; without, L = +∞ and its gradient is
 * NaN on its frames t &lt; T_b, as PyTorch's. Sums run in double; the result and the gradient
 * are float. The gradient is computed in the forward pass when one will be recorded ({@link
 * CustomOp#willRecord}) and kept, T·B·C floats.
 */
public final class CtcLoss {
  /** How the per-sequence losses ℓ_b combine. */
  public enum Reduction {
    /** (1/B) Σ_b ℓ_b / max(S_b, 1), PyTorch's default. */
    MEAN,
    /** Σ_b ℓ_b. */
    SUM
  }

  /**
   * @param blank the class id of the blank ∅, in [0, C)
   * @param reduction how the per-sequence losses combine
   * @param zeroInfinity whether an impossible sequence counts as loss 0 with gradient 0
   */
  public record Options(int blank, Reduction reduction, boolean zeroInfinity) {
    /** Blank 0, mean reduction, impossible sequences give +∞ (PyTorch's defaults). */
    public static final Options DEFAULT = new Options(0, Reduction.MEAN, false);

    /** Checks the reduction. */
    public Options {
      if (reduction == null) {
        throw new IllegalArgumentException("reduction must be MEAN or SUM, got null");
      }
    }
  }

  private CtcLoss() {}

  /**
   * The CTC loss of a batch.
   *
   * @param logProbs y (T, B, C) log-probabilities, time first
   * @param inputLengths (B) T_b in [0, T]: frames t ≥ T_b of sequence b are not read
   * @param targets the B label sequences, labels in [0, C) and not the blank
   * @param options blank, reduction and zero-infinity
   * @return a scalar
   * @throws IllegalArgumentException naming the argument and its expected and actual shape or
   *     value, when they do not fit together
   */
  public static Tensor loss(Tensor logProbs, int[] inputLengths, CtcTargets targets,
      Options options) {
    check(logProbs, inputLengths, targets, options);
    int t = logProbs.dim(0);
    int batch = logProbs.dim(1);
    int classes = logProbs.dim(2);
    float[] y = logProbs.data();
    float[] grad = CustomOp.willRecord(logProbs) ? new float[t * batch * classes] : null;
    double total = 0;
    for (int b = 0; b < batch; b++) {
      int s = targets.length(b);
      double w = options.reduction() == Reduction.MEAN ? 1.0 / batch / Math.max(s, 1) : 1.0;
      double logP = CtcLattice.logLikelihood(y, batch, classes, b, inputLengths[b],
          targets.of(b), options.blank(), grad, w);
      if (logP == Double.NEGATIVE_INFINITY) {
        if (options.zeroInfinity()) {
          continue;
        }
        total = Double.POSITIVE_INFINITY;
        if (grad != null) {
          for (int f = 0; f < inputLengths[b]; f++) {
            Arrays.fill(grad, (f * batch + b) * classes, (f * batch + b + 1) * classes, Float.NaN);
          }
        }
        continue;
      }
      total += -logP * w;
    }
    return CustomOp.record(new float[] {(float) total}, new int[0], (dOut, grads) -> {
      if (!grads.wanted(0) || grad == null) {
        return;
      }
      float[] g = grads.buffer(0);
      for (int i = 0; i < g.length; i++) {
        g[i] += dOut[0] * grad[i];
      }
    }, logProbs);
  }

  /** The CTC loss with blank 0, mean reduction and impossible sequences giving +∞. */
  public static Tensor loss(Tensor logProbs, int[] inputLengths, CtcTargets targets) {
    return loss(logProbs, inputLengths, targets, Options.DEFAULT);
  }

  /**
   * log p(labels | y) of one sequence, summed over all its alignments by the α recursion above;
   * no graph is recorded. For rescoring decoded label sequences.
   *
   * @param logProbs y (T, C) log-probabilities
   * @param labels l, in [0, C) and not the blank
   * @param blank the class id of ∅, in [0, C)
   * @return log p, −∞ when no alignment of l fits in T frames
   * @throws IllegalArgumentException naming the argument that does not fit
   */
  public static double logLikelihood(Tensor logProbs, int[] labels, int blank) {
    if (logProbs.rank() != 2) {
      throw new IllegalArgumentException("logProbs must be (T, C), got shape "
          + Arrays.toString(logProbs.shape()));
    }
    Tensor batchOfOne = logProbs.reshape(logProbs.dim(0), 1, logProbs.dim(1));
    int[] frames = {logProbs.dim(0)};
    CtcTargets one = CtcTargets.concatenated(labels, new int[] {labels.length});
    check(batchOfOne, frames, one, new Options(blank, Reduction.SUM, false));
    return CtcLattice.logLikelihood(batchOfOne.data(), 1, logProbs.dim(1), 0, frames[0],
        labels, blank, null, 0);
  }

  private static void check(Tensor logProbs, int[] inputLengths, CtcTargets targets,
      Options options) {
    if (logProbs.rank() != 3 || logProbs.dim(2) < 1) {
      throw new IllegalArgumentException("logProbs must be (T, B, C) with C ≥ 1, got shape "
          + Arrays.toString(logProbs.shape()));
    }
    int t = logProbs.dim(0);
    int batch = logProbs.dim(1);
    int classes = logProbs.dim(2);
    if (options.blank() < 0 || options.blank() >= classes) {
      throw new IllegalArgumentException("blank must lie in [0, " + classes + ") (C of logProbs "
          + Arrays.toString(logProbs.shape()) + "), got " + options.blank());
    }
    if (inputLengths.length != batch) {
      throw new IllegalArgumentException("inputLengths must have one entry per sequence: "
          + "expected B = " + batch + ", got " + inputLengths.length);
    }
    if (targets.batch() != batch) {
      throw new IllegalArgumentException("targets must hold one sequence per batch entry: "
          + "expected B = " + batch + ", got " + targets.batch());
    }
    for (int b = 0; b < batch; b++) {
      if (inputLengths[b] < 0 || inputLengths[b] > t) {
        throw new IllegalArgumentException("inputLengths[" + b + "] must lie in [0, " + t
            + "] (T of logProbs), got " + inputLengths[b]);
      }
      int[] labels = targets.of(b);
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] < 0 || labels[i] >= classes || labels[i] == options.blank()) {
          throw new IllegalArgumentException("targets: label " + i + " of sequence " + b
              + " must lie in [0, " + classes + ") and not be the blank " + options.blank()
              + ", got " + labels[i]);
        }
      }
    }
  }
}
