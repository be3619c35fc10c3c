package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.BufferPool;

/**
 * The input projection of one direction of one layer, P = X·W_ihᵀ for every step at once, and its
 * backward step. The time loop adds the biases and the recurrent product to P step by step.
 *
 * <pre>
 * forward:   P (T, B, GH) in the direction's step order; rows of padded steps are zero
 *            (without a backward pass: P's rows where the projection leaves them, {@link
 *            ProjectedRows})
 * backward:  given dP = dL/dP (T, B, GH), zero at padded steps:
 *            dW_ih += dPᵀ·X      d(input) += what dP·W_ih gives the layer's input
 * </pre>
 * The layer's input is dense vectors x (B, T, I) ({@link DenseProjection}) or the embedding E
 * (V, E) whose rows token ids pick, X = E[ids] ({@link TableProjection}).
 */
sealed interface InputProjection permits DenseProjection, TableProjection {

  /**
   * Writes P.
   *
   * @param preIh (T, B, GH) overwritten at real steps; zero (as taken from the pool) elsewhere
   */
  void forward(float[] preIh);

  /**
   * P for a forward pass that no backward pass follows, left where it is cheapest to read: a
   * table's own rows for token ids, P = X·W_ihᵀ over x as stored (batch-first) for dense inputs.
   * Either way nothing is copied into step order.
   *
   * @return where each row (s, b) of P is; valid until {@link #release}
   */
  ProjectedRows forwardInPlace();

  /**
   * P computed one step at a time by the time loop, for a forward pass that no backward pass
   * follows, when that pays ({@link StepProjection#pays}); then {@link #forwardInPlace} is not
   * called.
   *
   * @param hidden H, the layer's hidden size
   * @return the step-by-step projection, released by the caller, or null when the whole
   *     sequence's projection is cheaper
   */
  default StepProjection byStep(int hidden) {
    return null;
  }

  /**
   * Adds the gradients of W_ih and of the layer's input.
   *
   * @param dPre dL/dP (T, B, GH) in step order, zero at padded steps; read only
   * @param dWeightIh dL/dW_ih (GH, I) to add into, or null when not wanted
   * @param dInput the gradient of the layer's input (x (B, T, I), or E (V, E)) to add into, or
   *     null when not wanted
   */
  void backward(float[] dPre, float[] dWeightIh, float[] dInput);

  /**
   * X (T·B, I) in step order, zero at padded steps, when dW_ih += dPᵀ·X is a product over it
   * (dense inputs after a forward pass that keeps what the backward pass needs); else null. The
   * time loop then computes dW_ih with dW_hh += dPᵀ·H, which shares dPᵀ, and calls {@link
   * #backward} for the input's gradient only.
   */
  default float[] gradientOperand() {
    return null;
  }

  /** Gives this projection's buffers back to the {@link BufferPool}; once, when done. */
  void release();
}
