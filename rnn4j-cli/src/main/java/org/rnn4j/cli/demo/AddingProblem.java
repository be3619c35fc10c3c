package org.rnn4j.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.datasets.MemoryTasks;
import org.rnn4j.datasets.MemoryTasks.Adding;
import org.rnn4j.loss.ElementwiseLoss;
import org.rnn4j.nn.CompositeModule;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentConfig;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Objective;
import org.rnn4j.train.TrainingRecipe;

/**
 * The adding problem as many-to-one regression: a recurrent layer reads the (T, 2) steps of
 * (value, marker) and a linear layer reads its last state,
 *
 * <pre>
 * a⟨t⟩ = cell(x⟨t⟩, a⟨t−1⟩) (H)  →  ŷ = w·a⟨T⟩ + b  →  L = (1/B) Σ (ŷ − y)²
 * </pre>
 *
 * <p>A sequence counts as solved when |ŷ − y| &lt; 0.04; always answering 1 (the mean of y)
 * scores an MSE of about 1/6.
 */
final class AddingProblem {
  /** The tolerance of a solved sequence. */
  static final double TOLERANCE = 0.04;

  private AddingProblem() {}

  /**
   * A batch.
   *
   * @param x (B, T, 2) values and markers
   * @param y (B) targets
   */
  record Batch(Tensor x, float[] y) {}

  /**
   * What a run measured on held-out sequences.
   *
   * @param cell the cell
   * @param hidden H
   * @param parameters every parameter of the model
   * @param mse mean squared error
   * @param accuracy the fraction with |ŷ − y| &lt; 0.04
   * @param seconds wall time
   */
  record Run(CellKind cell, int hidden, long parameters, double mse, double accuracy,
      double seconds) {}

  /** The recurrent layer and the output layer. */
  static final class Model extends CompositeModule {
    private final Recurrent rnn;
    private final Linear fc;

    Model(CellKind cell, int hidden, RandomGenerator rng) {
      this.rnn = register("rnn", new Recurrent(RecurrentConfig.builder(cell, 2, hidden).build(),
          rng));
      this.fc = register("fc", new Linear(hidden, 1, rng));
    }

    /** (B, T, 2) → (B, 1) predictions. */
    Tensor forward(Tensor x) {
      Tensor h = rnn.forward(x).state().h(); // (1, B, H)
      return fc.forward(h.reshape(x.shape()[0], rnn.config().hiddenSize()));
    }
  }

  /** Mean squared error; evaluation adds accuracy within {@link #TOLERANCE}. */
  record AddingObjective(Model model) implements Objective<Batch> {
    @Override
    public Tensor trainLoss(Batch batch, RandomGenerator rng) {
      return ElementwiseLoss.mse(model.forward(batch.x()), batch.y(), null);
    }

    @Override
    public long tokens(Batch batch) {
      return batch.y().length;
    }

    @Override
    public Map<String, Double> evaluate(BatchSource<Batch> source) {
      double[] sums = new double[3]; // squared error, solved, count
      Objective.forEachInEvaluation(model, source, b -> {
        float[] p = model.forward(b.x()).data();
        for (int i = 0; i < p.length; i++) {
          double e = p[i] - b.y()[i];
          sums[0] += e * e;
          sums[1] += Math.abs(e) < TOLERANCE ? 1 : 0;
          sums[2]++;
        }
      });
      return Map.of("loss", sums[0] / sums[2], "accuracy", sums[1] / sums[2]);
    }
  }

  /** Sequences of one length T in batches of B, in order. */
  static BatchSource<Batch> batches(List<Adding> sequences, int batch) {
    List<Batch> out = new ArrayList<>();
    int t = sequences.get(0).input().length();
    for (int from = 0; from < sequences.size(); from += batch) {
      List<Adding> part = sequences.subList(from, Math.min(sequences.size(), from + batch));
      float[] x = new float[part.size() * t * 2]; // (B, T, 2)
      float[] y = new float[part.size()];
      for (int b = 0; b < part.size(); b++) {
        System.arraycopy(part.get(b).input().values(), 0, x, b * t * 2, t * 2);
        y[b] = part.get(b).target();
      }
      out.add(new Batch(Tensor.of(x, part.size(), t, 2), y));
    }
    return BatchSource.of(out);
  }

  /**
   * Trains one cell on adding sequences of length T and tests it.
   *
   * @param cell the cell
   * @param length T
   * @param s budget (H from it with I = 2, C = 1), sizes, epochs, B, learning rate, horizon
   * @param seed seeds the sequences, the weights and the batch order
   * @return the held-out MSE and accuracy
   */
  static Run run(CellKind cell, int length, MemoryExperiment.Settings s, long seed) {
    long start = System.nanoTime();
    SplittableRandom data = new SplittableRandom(seed);
    List<Adding> train = MemoryTasks.adding(s.train(), length, data);
    List<Adding> test = MemoryTasks.adding(s.test(), length, data);
    int hidden = MemoryExperiment.hiddenFor(cell, 2, 1, s.budget());
    SplittableRandom init = new SplittableRandom(seed + 1);
    Model model = new Model(cell, hidden, init);
    ChronoInit.apply(cell, model.parameters(), "rnn", hidden, s.horizon(), init);
    AddingObjective objective = new AddingObjective(model);
    TrainingRecipe.of(s.epochs(), seed + 2).withLearningRate(s.learningRate())
        .fit(objective, batches(train, s.batch()), Optional.empty());
    Map<String, Double> m = objective.evaluate(batches(test, 200));
    return new Run(cell, hidden, model.parameterCount(), m.get("loss"), m.get("accuracy"),
        (System.nanoTime() - start) / 1e9);
  }
}
