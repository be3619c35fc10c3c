package org.rnn4j.nn.recurrent;

import org.rnn4j.tensor.Tensor;

/**
 * The parameters of one direction of one layer, PyTorch's shapes and gate order.
 *
 * @param weightIh W_ih (GH, I)
 * @param weightHh W_hh (GH, H)
 * @param biasIh b_ih (GH)
 * @param biasHh b_hh (GH)
 */
record DirectionWeights(Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh) {

  int hidden() {
    return weightHh.dim(1);
  }

  Tensor[] tensors() {
    return new Tensor[] {weightIh, weightHh, biasIh, biasHh};
  }
}
