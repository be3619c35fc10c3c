package org.rnn4j.nn.recurrent;

import java.util.Optional;
import org.rnn4j.kernel.Sizes;
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

  /**
   * Rows of the batch, in the given order, as a new state that is cut from any graph:
   *
   * <pre>
   * h'[l, i, :] = h[l, rows[i], :]      (L·D, R, H), R = rows.length; likewise c
   * </pre>
   *
   * A row may be picked more than once or not at all; beam search uses this to carry each
   * hypothesis's state over to its extensions.
   *
   * @param rows (R) batch indices in [0, B), R ≥ 1
   * @return the selected state, (L·D, R, H); copies, so writing to it leaves this state alone
   * @throws IllegalArgumentException if rows is empty or an index lies outside [0, B)
   */
  public RecurrentState select(int[] rows) {
    int b = h.dim(1);
    if (rows.length == 0) {
      throw new IllegalArgumentException("rows must hold at least one batch index, got none");
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= b) {
        throw new IllegalArgumentException("rows must lie in [0, B) = [0, " + b + "), got rows["
            + i + "] = " + rows[i]);
      }
    }
    return new RecurrentState(selectRows(h, rows), c.map(t -> selectRows(t, rows)));
  }

  /** Gathers rows of x (L·D, B, H) along axis 1 into a new leaf (L·D, R, H). */
  private static Tensor selectRows(Tensor x, int[] rows) {
    int layers = x.dim(0);
    int b = x.dim(1);
    int hidden = x.dim(2);
    float[] src = x.data(); // (L·D, B, H)
    float[] out = new float[Sizes.product(layers, rows.length, hidden)]; // (L·D, R, H)
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(src, (l * b + rows[i]) * hidden, out, (l * rows.length + i) * hidden,
            hidden);
      }
    }
    return Tensor.of(out, layers, rows.length, hidden);
  }
}
