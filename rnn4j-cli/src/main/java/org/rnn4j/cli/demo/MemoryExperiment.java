package org.rnn4j.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.data.ClassifyExample;
import org.rnn4j.data.TokenIds;
import org.rnn4j.datasets.MemoryTasks;
import org.rnn4j.datasets.MemoryTasks.Labelled;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.task.classify.ClassifierObjective;
import org.rnn4j.task.classify.Pooling;
import org.rnn4j.train.TrainingRecipe;

/**
 * One run of the memory experiment: a cell of a given parameter budget learns a token task
 * (delayed recall or agreement) at one dependency distance, and is measured on held-out
 * sequences. The model is the classify family's {@link Classifier} with last-step pooling:
 *
 * <pre>
 * x⟨t⟩ = E[id⟨t⟩] (E)  →  a⟨t⟩ = cell(x⟨t⟩, a⟨t−1⟩) (H)  →  z = W·a⟨T⟩ + b (C)  →  softmax
 * </pre>
 *
 * <p>H is chosen per cell so that the recurrent and output layers hold about the same number
 * of parameters, G·(H·E + H² + 2H) + H·C + C, whatever the gate count G (1 RNN, 3 GRU, 4
 * LSTM); the embedding (V·E) is the same for every cell.
 */
final class MemoryExperiment {
  /** Id 0 pads (never used: every sequence of a run has the same length). */
  private static final int PAD = MemoryTasks.PAD;
  private static final int EVALUATION_BATCH = 200;

  /**
   * The model and its training.
   *
   * @param budget the recurrent and output layers' parameters each cell gets, about
   * @param embedding E
   * @param train training sequences
   * @param test held-out sequences
   * @param epochs passes over the training sequences
   * @param batch B
   * @param learningRate Adam's step size
   * @param horizon T_max of the gated cells' {@link ChronoInit chrono initialisation}
   */
  record Settings(int budget, int embedding, int train, int test, int epochs, int batch,
      double learningRate, int horizon) {}

  /**
   * What one run measured.
   *
   * @param cell the recurrent cell
   * @param hidden H
   * @param parameters every parameter of the model (embedding included)
   * @param accuracy held-out accuracy
   * @param seconds wall time of training and testing
   */
  record Run(CellKind cell, int hidden, long parameters, double accuracy, double seconds) {}

  /**
   * A token task at one distance.
   *
   * @param vocabulary V, ids 0 … V−1
   * @param labels the class names
   * @param train training sequences
   * @param test held-out sequences
   */
  record Task(int vocabulary, List<String> labels, List<ClassifyExample> train,
      List<ClassifyExample> test) {}

  private MemoryExperiment() {}

  /** Delayed recall with K symbols and M distractors at distance d. */
  static Task recall(int distance, int symbols, int distractors, Settings s, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> labels = new ArrayList<>();
    for (int k = 0; k < symbols; k++) {
      labels.add("s" + k);
    }
    return new Task(MemoryTasks.recallVocabulary(symbols, distractors), labels,
        examples(MemoryTasks.recall(s.train(), distance, symbols, distractors, rng)),
        examples(MemoryTasks.recall(s.test(), distance, symbols, distractors, rng)));
  }

  /** The country–language agreement at distance d. */
  static Task agreement(int distance, Settings s, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return new Task(MemoryTasks.agreementVocabulary().size(), MemoryTasks.LANGUAGES,
        examples(MemoryTasks.agreement(s.train(), distance, rng).stream()
            .map(MemoryTasks::ids).toList()),
        examples(MemoryTasks.agreement(s.test(), distance, rng).stream()
            .map(MemoryTasks::ids).toList()));
  }

  private static List<ClassifyExample> examples(List<Labelled> sequences) {
    return sequences.stream()
        .map(x -> new ClassifyExample(new TokenIds(x.ids()), x.label())).toList();
  }

  /**
   * The recurrent and output layers' parameter count G·(H·I + H² + 2H) + H·C + C.
   *
   * @param cell G from its gates
   * @param hidden H
   * @param input I
   * @param classes C
   * @return the count
   */
  static long parameters(CellKind cell, int hidden, int input, int classes) {
    long h = hidden;
    return cell.gates() * (h * input + h * h + 2 * h) + h * classes + classes;
  }

  /**
   * The H whose count is nearest the budget.
   *
   * @param cell the cell
   * @param input I
   * @param classes C
   * @param budget the parameters wanted
   * @return H, at least 1
   */
  static int hiddenFor(CellKind cell, int input, int classes, int budget) {
    int best = 1;
    for (int h = 2; h <= 4096; h++) {
      if (Math.abs(parameters(cell, h, input, classes) - budget)
          < Math.abs(parameters(cell, best, input, classes) - budget)) {
        best = h;
      }
    }
    return best;
  }

  /**
   * Trains one cell on the task and tests it.
   *
   * @param cell the cell
   * @param task the sequences
   * @param s the settings
   * @param seed seeds the initial weights, the batch order and which sequences share a batch
   * @return the run's measures
   */
  static Run run(CellKind cell, Task task, Settings s, long seed) {
    long start = System.nanoTime();
    Classifier model = model(cell, task, s, seed);
    int hidden = model.config().recurrent().hiddenSize();
    ClassifierObjective objective = new ClassifierObjective(model);
    TrainingRecipe.of(s.epochs(), seed + 1).withLearningRate(s.learningRate())
        .fit(objective, ClassifyBatches.bucketed(task.train(), s.batch(), PAD,
            new SplittableRandom(seed + 2)), Optional.empty());
    return new Run(cell, hidden, model.parameterCount(), accuracy(objective, task),
        (System.nanoTime() - start) / 1e9);
  }

  /** The trained model's accuracy on the task's held-out sequences. */
  static double accuracy(ClassifierObjective objective, Task task) {
    return objective.confusion(ClassifyBatches.sequential(task.test(), EVALUATION_BATCH, PAD))
        .accuracy();
  }

  /**
   * The untrained classifier of a run: H from the budget; a gated cell's biases from {@link
   * ChronoInit} with T_max = {@code s.horizon()}.
   *
   * @param cell the cell
   * @param task V and the labels
   * @param s E, the budget and the horizon
   * @param seed seeds the initial weights
   * @return the model
   */
  static Classifier model(CellKind cell, Task task, Settings s, long seed) {
    int hidden = hiddenFor(cell, s.embedding(), task.labels().size(), s.budget());
    SplittableRandom rng = new SplittableRandom(seed);
    Classifier model = new Classifier(new ClassifierConfig(
        ClassifierInput.tokens(task.vocabulary(), s.embedding()), RecurrentSpec.of(cell, hidden),
        Pooling.LAST, task.labels()), rng);
    ChronoInit.apply(cell, model.parameters(), "rnn", hidden, s.horizon(), rng);
    return model;
  }

  /**
   * ‖∂L/∂a⟨t⟩‖ at every step t of one batch of held-out sequences, for the untrained model: how
   * much of the loss's gradient reaches each step going back in time.
   *
   * @param cell the cell
   * @param task the sequences (the first {@code batch} held-out ones are used)
   * @param s the settings
   * @param seed seeds the initial weights
   * @param batch B
   * @return (T) norms, summed over the batch as one vector
   */
  static double[] gradientNorms(CellKind cell, Task task, Settings s, long seed, int batch) {
    Classifier model = model(cell, task, s, seed);
    Recurrent rnn = (Recurrent) model.children().get("rnn");
    rnn.recordStateGradientNorms(true);
    ClassifyBatch b = ClassifyBatches.sequential(task.test(), batch, PAD).batch(0);
    new ClassifierObjective(model).trainLoss(b, new SplittableRandom(seed)).backward();
    return rnn.stateGradientNorms().orElseThrow()[0];
  }
}
