package org.rnn4j.optim;

import java.util.List;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * The Adam step shared by {@link Adam} (L2 decay λ₂ added to g, λ = 0) and {@link AdamW}
 * (decoupled decay λ, λ₂ = 0: θ multiplied by 1 − lr·λ before the step, fused into the same
 * pass). For parameter θ with gradient g at its step t:
 *
 * <pre>
 * g ← g + λ₂·θ
 * m ← β₁·m + (1 − β₁)·g                   exp_avg
 * v ← β₂·v + (1 − β₂)·g²                  exp_avg_sq
 * v̂ ← max(v̂, v)  (AMSGrad; then v̂ replaces v below)   max_exp_avg_sq
 * θ ← θ·(1 − lr·λ) − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 */
abstract sealed class AbstractAdam extends AbstractOptimizer permits Adam, AdamW {
  private static final String EXP_AVG = "exp_avg";
  private static final String EXP_AVG_SQ = "exp_avg_sq";
  private static final String MAX_EXP_AVG_SQ = "max_exp_avg_sq";

  private final AdamConfig adam;
  private final double decoupledWeightDecay;

  /**
   * @param parameters named parameters; the order is kept
   * @param adam lr, β₁, β₂, ε, λ₂ (its weight decay) and AMSGrad
   * @param decoupledWeightDecay λ
   */
  AbstractAdam(Map<String, Tensor> parameters, AdamConfig adam, double decoupledWeightDecay) {
    super(parameters, adam.learningRate(), adam.amsgrad()
        ? List.of(EXP_AVG, EXP_AVG_SQ, MAX_EXP_AVG_SQ)
        : List.of(EXP_AVG, EXP_AVG_SQ));
    this.adam = adam;
    this.decoupledWeightDecay = decoupledWeightDecay;
  }

  @Override
  final void update(float[] theta, float[] grad, int p, long t) {
    double lr = learningRate();
    double beta1 = adam.beta1();
    double beta2 = adam.beta2();
    double eps = adam.eps();
    double l2 = adam.weightDecay();
    double shrink = 1 - lr * decoupledWeightDecay;
    float[] expAvg = buffer(EXP_AVG, p);
    float[] expAvgSq = buffer(EXP_AVG_SQ, p);
    float[] maxExpAvgSq = adam.amsgrad() ? buffer(MAX_EXP_AVG_SQ, p) : null;
    double stepSize = lr / (1 - Math.pow(beta1, t));
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
