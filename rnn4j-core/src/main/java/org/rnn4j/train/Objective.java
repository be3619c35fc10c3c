package org.rnn4j.train;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.Tensor;

/**
 * What a {@link Trainer} optimises: a model, its training loss on a batch, and its evaluation.
 *
 * @param <B> the batch type
 */
public interface Objective<B> {

  /** The model whose parameters are trained. */
  Module model();

  /**
   * The training loss of one batch, recorded in the graph (the trainer calls backward on it).
   * The trainer has put the model in training mode with {@code rng} as the source of dropout
   * masks.
   *
   * @param batch the batch
   * @param rng this step's randomness, derived from the run's seed and the step number
   * @return a scalar
   */
  Tensor trainLoss(B batch, RandomGenerator rng);

  /** Tokens (or examples) in a batch, for throughput. */
  long tokens(B batch);

  /**
   * Metrics over a whole source, in evaluation mode without a graph. Must include "loss".
   *
   * @return metric name → value
   */
  Map<String, Double> evaluate(BatchSource<B> source);

  /** Called before the first batch of each epoch, e.g. to reset a carried state. */
  default void startEpoch() {}

  /**
   * State carried from batch to batch (the hidden state of truncated backpropagation through
   * time), saved in checkpoints so that a resumed run continues exactly. Empty by default.
   */
  default Map<String, Tensor> carriedState() {
    return Map.of();
  }

  /** Restores what {@link #carriedState()} returned. */
  default void restoreCarriedState(Map<String, Tensor> state) {}

  /**
   * The per-step gradient norms ‖∂L/∂a⟨t⟩‖ of the last backward pass, when the objective records
   * them: (rows, T), one row per recurrent layer and direction. Empty by default.
   */
  default java.util.Optional<double[][]> stateGradientNorms() {
    return java.util.Optional.empty();
  }

  /**
   * Visits every batch of a source in evaluation mode with no gradient graph: the loop every
   * objective's {@link #evaluate} runs.
   *
   * @param model switched to evaluation mode first
   * @param source the batches, in order
   * @param visit what to do with each batch
   * @param <B> the batch type
   */
  static <B> void forEachInEvaluation(Module model, BatchSource<B> source,
      java.util.function.Consumer<B> visit) {
    model.eval();
    try (org.rnn4j.tensor.NoGrad scope = org.rnn4j.tensor.NoGrad.enter()) {
      for (int i = 0; i < source.size(); i++) {
        visit.accept(source.batch(i));
      }
    }
  }
}
