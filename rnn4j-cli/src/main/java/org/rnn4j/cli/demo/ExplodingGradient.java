package org.rnn4j.cli.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.cli.demo.MemoryExperiment.Settings;
import org.rnn4j.cli.demo.MemoryExperiment.Task;
import org.rnn4j.datasets.MemoryTasks;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.optim.Sgd;
import org.rnn4j.optim.SgdConfig;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierObjective;
import org.rnn4j.train.StepReport;
import org.rnn4j.train.TrainingDivergedException;
import org.rnn4j.train.Trainer;
import org.rnn4j.train.TrainerConfig;
import org.rnn4j.train.TrainingListener;

/**
 * The exploding gradient: a vanilla RNN with g = relu whose recurrent weights start as W_hh = ρ·I
 * with ρ &gt; 1 (the identity initialisation of Le, Jaitly and Hinton 2015, scaled), so wherever
 * the units are active a⟨t⟩ grows by ρ per step forward and ∂L/∂a⟨t⟩ by ρ per step back:
 *
 * <pre>
 * ∂L/∂a⟨t⟩ = W_hhᵀ·diag(relu'(z⟨t+1⟩))·∂L/∂a⟨t+1⟩ = ρ·∂L/∂a⟨t+1⟩ on the active units
 * </pre>
 *
 * <p>Trained by stochastic gradient descent with momentum, once
 * without clipping and once with the global norm clipped, g ← min(1, c/‖g‖)·g. Plain gradient
 * descent is what the lecture's warning is about: its step is proportional to the gradient, so
 * one exploding gradient throws the weights far away (Adam divides the step by the gradient's
 * running size and so hides the explosion).
 */
final class ExplodingGradient {
  private ExplodingGradient() {}

  /**
   * The loss at every step of a run, up to where it diverged.
   *
   * @param losses the training loss of each step
   * @param gradientNorms the global gradient norm of each step, before clipping
   * @param diverged whether the run ended on a NaN or infinite loss or gradient
   * @param accuracy held-out accuracy of the weights the run ended with (NaN when diverged)
   */
  record Curve(List<Double> losses, List<Double> gradientNorms, boolean diverged,
      double accuracy) {
    /**
     * The loss averaged over a trailing window: point t is the mean of the losses of steps
     * max(1, t − n + 1) … t.
     *
     * @param n the window, in steps
     * @return (steps) the averages
     */
    double[] movingMean(int n) {
      double[] out = new double[losses.size()];
      double sum = 0;
      for (int t = 0; t < out.length; t++) {
        sum += losses.get(t) - (t >= n ? losses.get(t - n) : 0);
        out[t] = sum / Math.min(t + 1, n);
      }
      return out;
    }

    /** The mean loss of the last {@code n} steps (NaN when diverged). */
    double finalLoss(int n) {
      if (diverged || losses.isEmpty()) {
        return Double.NaN;
      }
      return losses.subList(Math.max(0, losses.size() - n), losses.size()).stream()
          .mapToDouble(Double::doubleValue).average().orElseThrow();
    }
  }

  /**
   * Trains the relu RNN on the task.
   *
   * @param task the sequences
   * @param s the settings (budget, E, epochs, B)
   * @param learningRate SGD's step size η
   * @param momentum SGD's momentum μ: v ← μ·v + g, θ ← θ − η·v
   * @param radius ρ, the initial W_hh = ρ·I
   * @param clipNorm c; 0 turns clipping off
   * @param seed seeds the weights and the batch order
   * @return the loss curve
   */
  static Curve train(Task task, Settings s, double learningRate, double momentum, float radius,
      double clipNorm, long seed) {
    Classifier model = MemoryExperiment.model(CellKind.RNN_RELU, task, s, seed);
    float[] whh = model.parameters().get("rnn.weight_hh_l0").data(); // (H, H)
    int hidden = model.config().recurrent().hiddenSize();
    Arrays.fill(whh, 0f);
    for (int j = 0; j < hidden; j++) {
      whh[j * hidden + j] = radius;
    }
    List<Double> losses = new ArrayList<>();
    List<Double> norms = new ArrayList<>();
    TrainingListener record = new TrainingListener() {
      @Override
      public void onStep(StepReport r) {
        losses.add(r.loss());
        norms.add(r.gradientNorm());
      }
    };
    ClassifierObjective objective = new ClassifierObjective(model);
    try {
      new Trainer<>(TrainerConfig.builder(s.epochs(), seed + 1).clipNorm(clipNorm).build(),
          objective, new Sgd(model.parameters(), SgdConfig.withMomentum(learningRate, momentum)),
          List.of(record))
          .fit(ClassifyBatches.bucketed(task.train(), s.batch(), MemoryTasks.PAD,
              new SplittableRandom(seed + 2)), Optional.empty());
    } catch (TrainingDivergedException e) {
      return new Curve(losses, norms, true, Double.NaN);
    }
    return new Curve(losses, norms, false, MemoryExperiment.accuracy(objective, task));
  }
}
