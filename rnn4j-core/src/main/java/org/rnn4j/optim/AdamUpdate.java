package org.rnn4j.optim;

import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * The Adam step shared by {@link Adam} (L2 decay λ₂ added to g) and {@link AdamW} (decoupled
 * decay: θ multiplied by 1 − lr·λ before the step, fused into the same pass). For parameter θ
 * with gradient g at its step t:
 *
 * <pre>
 * g ← g + λ₂·θ
 * m ← β₁·m + (1 − β₁)·g                   exp_avg
 * v ← β₂·v + (1 − β₂)·g²                  exp_avg_sq
 * v̂ ← max(v̂, v)  (AMSGrad; then v̂ replaces v below)   max_exp_avg_sq
 * θ ← θ·(1 − lr·λ) − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 */
final class AdamUpdate {
  private static final int EXP_AVG = 0;
  private static final int EXP_AVG_SQ = 1;
  private static final int MAX_EXP_AVG_SQ = 2;

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final boolean amsgrad;
  private final OptimizerState state;
  // per-call constants of step(), read by update()
  private double learningRate;
  private double l2;
  private double shrink;

  AdamUpdate(Map<String, Tensor> parameters, double beta1, double beta2, double eps,
      boolean amsgrad) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.amsgrad = amsgrad;
    this.state = amsgrad
        ? new OptimizerState(parameters, "exp_avg", "exp_avg_sq", "max_exp_avg_sq")
        : new OptimizerState(parameters, "exp_avg", "exp_avg_sq");
  }

  OptimizerState state() {
    return state;
  }

  /**
   * One step of every parameter that has a gradient.
   *
   * @param learningRate lr
   * @param l2 λ₂, added to the gradient (0 for AdamW)
   * @param decoupled λ, decoupled weight decay (0 for Adam)
   */
  void step(double learningRate, double l2, double decoupled) {
    this.learningRate = learningRate;
    this.l2 = l2;
    this.shrink = 1 - learningRate * decoupled;
    for (int p = 0; p < state.size(); p++) {
      Tensor parameter = state.parameter(p);
      if (!parameter.hasGrad()) {
        continue;
      }
      long t = state.advance(p);
      update(parameter.data(), parameter.grad().data(), p, t);
    }
  }

  private void update(float[] theta, float[] grad, int p, long t) {
    float[] expAvg = state.buffer(EXP_AVG, p);
    float[] expAvgSq = state.buffer(EXP_AVG_SQ, p);
    float[] maxExpAvgSq = amsgrad ? state.buffer(MAX_EXP_AVG_SQ, p) : null;
    double stepSize = learningRate / (1 - Math.pow(beta1, t));
    double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    for (int i = 0; i < theta.length; i++) {
      double g = grad[i] + l2 * theta[i];
      double m = beta1 * expAvg[i] + (1 - beta1) * g;
      double v = beta2 * expAvgSq[i] + (1 - beta2) * g * g;
      expAvg[i] = (float) m;
      expAvgSq[i] = (float) v;
      if (maxExpAvgSq != null) {
        v = Math.max(maxExpAvgSq[i], v);
        maxExpAvgSq[i] = (float) v;
      }
      theta[i] = (float) (theta[i] * shrink - stepSize * m / (Math.sqrt(v) / bias2Sqrt + eps));
    }
  }
}
