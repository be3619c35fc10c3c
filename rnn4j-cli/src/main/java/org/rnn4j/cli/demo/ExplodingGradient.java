package org.rnn4j.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.cli.demo.MemoryExperiment.Settings;
import org.rnn4j.cli.demo.MemoryExperiment.Task;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierObjective;
import org.rnn4j.train.StepReport;
import org.rnn4j.train.TrainingDivergedException;
import org.rnn4j.train.TrainingListener;
import org.rnn4j.train.TrainingRecipe;

/**
 * The exploding gradient: a vanilla RNN with g = relu whose recurrent weights start {@code
 * scale} times larger than PyTorch's initialisation, so ‖∂L/∂a⟨t⟩‖ grows by about the spectral
 * radius of W_hh at each step back; trained once without clipping and once with the global norm
 * clipped, ‖g‖ ← min(1, c/‖g‖)·‖g‖.
 */
final class ExplodingGradient {
  private ExplodingGradient() {}

  /**
   * The loss at every step of a run, up to where it diverged.
   *
   * @param losses the training loss of each step
   * @param gradientNorms the global gradient norm of each step, before clipping
   * @param diverged whether the run ended on a NaN or infinite loss or gradient
   */
  record Curve(List<Double> losses, List<Double> gradientNorms, boolean diverged) {
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
   * @param s the settings (budget, E, epochs, B, learning rate)
   * @param scale the factor on the initial W_hh
   * @param clipNorm c; 0 turns clipping off
   * @param seed seeds the weights and the batch order
   * @return the loss curve
   */
  static Curve train(Task task, Settings s, float scale, double clipNorm, long seed) {
    Classifier model = MemoryExperiment.model(CellKind.RNN_RELU, task, s, seed);
    float[] whh = model.parameters().get("rnn.weight_hh_l0").data(); // (H, H)
    for (int i = 0; i < whh.length; i++) {
      whh[i] *= scale;
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
    boolean diverged = false;
    try {
      TrainingRecipe.of(s.epochs(), seed + 1).withLearningRate(s.learningRate())
          .withClipNorm(clipNorm).withListeners(List.of(record))
          .fit(new ClassifierObjective(model), ClassifyBatches.bucketed(task.train(), s.batch(),
              org.rnn4j.datasets.MemoryTasks.PAD, new SplittableRandom(seed + 2)), Optional.empty());
    } catch (TrainingDivergedException e) {
      diverged = true;
    }
    return new Curve(losses, norms, diverged);
  }
}
