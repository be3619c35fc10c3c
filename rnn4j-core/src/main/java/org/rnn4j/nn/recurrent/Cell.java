package org.rnn4j.nn.recurrent;

/**
 * One time step of a recurrent cell for one batch row: the forward equations and their
 * hand-written backward, side by side. A cell holds no parameters; {@link Recurrent} owns the
 * weights and time, computes the matrix products for all rows of a step (or all steps) as GEMMs,
 * and calls the cell for the elementwise part, fused into one pass per row.
 *
 * <p>Contract for {@code forward(u, s, b)}: read {@code u.preIh} (row b of step s at {@code
 * u.preIhRow(s, b)}), {@code u.hh}, {@code u.biasHh}
 * and the state in slot s; write the state in slot s + 1 and this row's saved activations.
 * Contract for {@code backward(u, s, b)}: read {@code u.dh} (and {@code u.dc}) of row b, the saved
 * activations and states; write row b of {@code u.dPreIh} and {@code u.dPreHh} at step s, and set
 * row b of {@code u.dhPrev} to the part of dL/dh⟨s−1⟩ that does not pass through W_hh (the caller
 * then adds dPreHh·W_hh), and row b of {@code u.dcPrev}.
 */
sealed interface Cell permits RnnCell, GruCell, LstmCell {

  /** G, the number of gates: the weight matrices have G·H rows. */
  int gates();

  /** Floats saved per hidden unit per row and step for the backward pass. */
  int savedPerUnit();

  /** Whether the cell carries a cell state c besides h (the LSTM). */
  boolean hasCellState();

  /**
   * Whether dL/d(W_hh·h + b_hh) differs from dL/d(W_ih·x + b_ih) (the GRU, whose reset gate
   * multiplies only the hidden part of n).
   */
  boolean separateHiddenGradient();

  void forward(Unroll u, int s, int b);

  void backward(Unroll u, int s, int b);
}
