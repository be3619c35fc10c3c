package org.rnn4j.optim;

import java.util.List;
import java.util.Map;
import org.rnn4j.kernel.Updates;
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
 *
 * <p>The arithmetic is in double, as PyTorch's fixtures need; large parameters are updated in
 * slices on every thread ({@link AbstractOptimizer#inSlices}).
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
    Updates.AdamStep step = new Updates.AdamStep(adam.beta1(), adam.beta2(), adam.eps(),
        adam.weightDecay(), 1 - lr * decoupledWeightDecay, lr / (1 - Math.pow(adam.beta1(), t)),
        Math.sqrt(1 - Math.pow(adam.beta2(), t)));
    float[] expAvg = buffer(EXP_AVG, p);
    float[] expAvgSq = buffer(EXP_AVG_SQ, p);
    float[] maxExpAvgSq = adam.amsgrad() ? buffer(MAX_EXP_AVG_SQ, p) : null;
    inSlices(theta.length,
        (from, to) -> Updates.adam(theta, grad, expAvg, expAvgSq, maxExpAvgSq, step, from, to));
  }
}
