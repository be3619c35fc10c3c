package org.rnn4j.nn.recurrent;

import java.util.Optional;
import org.rnn4j.tensor.Tensor;

/**
 * The state of a recurrent layer between calls: hidden states, and cell states for the LSTM,
 * one (B, H) slab per layer and direction, in PyTorch's order (layer-major, forward before
 * reverse).
 *
 * @param h hidden states (L·D, B, H)
 * @param c cell states (L·D, B, H), present exactly for the LSTM
 */
public record RecurrentState(Tensor h, Optional<Tensor> c) {

  /** Checks that c, if present, has h's shape. */
  public RecurrentState {
    if (h.rank() != 3) {
      throw new IllegalArgumentException(
          "state h must be (L·D, B, H), got shape " + java.util.Arrays.toString(h.shape()));
    }
    if (c.isPresent() && !java.util.Arrays.equals(c.get().shape(), h.shape())) {
      throw new IllegalArgumentException(
          "state c must have the shape of h " + java.util.Arrays.toString(h.shape()) + ", got "
              + java.util.Arrays.toString(c.get().shape()));
    }
  }

  /**
   * The same values cut from the graph: carry it into the next call for truncated
   * backpropagation through time (gradients stop at the chunk boundary).
   */
  public RecurrentState detach() {
    return new RecurrentState(h.detach(), c.map(Tensor::detach));
  }
}
