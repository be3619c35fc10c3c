package org.rnn4j.nn.recurrent;

import org.rnn4j.tensor.Tensor;

/**
 * What a layer reads: dense vectors x (B, T, I), or, for the first layer, token ids (B, T) and
 * the embedding E (V, E) whose rows they name, X = E[ids]. Either way the layer's autograd node
 * takes one tensor as its input 0 (x, or E) and sends the input gradient there.
 */
sealed interface LayerInput {

  /** The node's input 0: x (B, T, I), or E (V, E). */
  Tensor tensor();

  /** The input projection P = X·W_ihᵀ of one direction (its own W_ih and step order). */
  InputProjection projection(int direction, DirectionWeights w, StepOrder order);

  /** Dense inputs x (B, T, I). */
  record Dense(Tensor x) implements LayerInput {
    @Override
    public Tensor tensor() {
      return x;
    }

    @Override
    public InputProjection projection(int direction, DirectionWeights w, StepOrder order) {
      return new DenseProjection(x, w.weightIh(), order);
    }
  }

  /**
   * Token ids read through their embedding, projected through tables T = E·W_ihᵀ.
   *
   * @param embedding E (V, E)
   * @param ids (B, T) row-major, each in [0, V)
   * @param tables where each direction's table comes from
   */
  record Embedded(Tensor embedding, int[] ids, InputTables tables) implements LayerInput {
    @Override
    public Tensor tensor() {
      return embedding;
    }

    @Override
    public InputProjection projection(int direction, DirectionWeights w, StepOrder order) {
      return new TableProjection(order.gatherIds(ids), tables.table(direction, embedding),
          embedding, w.weightIh());
    }
  }
}
