package org.rnn4j.optim;

import org.rnn4j.tensor.Tensor;

/** Test helper: gives a parameter a chosen gradient, as a backward pass would. */
final class Grads {
  private Grads() {}

  /**
   * Sets the gradient of {@code p} to {@code values}, creating the gradient buffer the way a
   * backward pass does (through the public autograd API) if it does not exist yet.
   */
  static void set(Tensor p, float[] values) {
    if (!p.hasGrad()) {
      p.requiresGrad(true);
      p.sum().backward();
    }
    System.arraycopy(values, 0, p.grad().data(), 0, values.length);
  }
}
