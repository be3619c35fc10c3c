package org.rnn4j.tensor;

/**
 * The backward step of one recorded op: given the gradient of the loss with respect to the op's
 * output, it adds ({@code +=}) the gradients with respect to the op's inputs into their gradient
 * buffers.
 */
@FunctionalInterface
interface BackwardFunction {
  /**
   * @param dOut gradient of the loss with respect to the op's output, same shape as the output;
   *     read only
   */
  void backward(float[] dOut);
}
