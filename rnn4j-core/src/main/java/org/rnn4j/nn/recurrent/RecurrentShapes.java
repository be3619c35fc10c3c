package org.rnn4j.nn.recurrent;

import java.util.Arrays;

/** Argument checks of {@link Recurrent#forward}, with messages that name what is wrong. */
final class RecurrentShapes {
  private RecurrentShapes() {}

  static void check(
      RecurrentConfig config, org.rnn4j.tensor.Tensor x, int[] lengths, RecurrentState initial) {
    if (x.rank() != 3) {
      throw new IllegalArgumentException(
          "input must be (B, T, I), got shape " + Arrays.toString(x.shape()));
    }
    if (x.dim(2) != config.inputSize()) {
      throw new IllegalArgumentException(
          "input feature size must equal inputSize: expected " + config.inputSize() + ", got "
              + x.dim(2) + " (input shape " + Arrays.toString(x.shape()) + ")");
    }
    int b = x.dim(0);
    int t = x.dim(1);
    if (lengths.length != b) {
      throw new IllegalArgumentException(
          "lengths must have one entry per sequence: expected " + b + ", got " + lengths.length);
    }
    for (int i = 0; i < b; i++) {
      if (lengths[i] < 0 || lengths[i] > t) {
        throw new IllegalArgumentException(
            "lengths[" + i + "] must lie in [0, " + t + "] (T of input shape "
                + Arrays.toString(x.shape()) + "), got " + lengths[i]);
      }
    }
    int[] expected = {config.layers() * config.directions(), b, config.hiddenSize()};
    if (!Arrays.equals(initial.h().shape(), expected)) {
      throw new IllegalArgumentException(
          "initial state h must be (L·D, B, H) = " + Arrays.toString(expected) + ", got "
              + Arrays.toString(initial.h().shape()));
    }
    boolean lstm = config.cell().hasCellState();
    if (initial.c().isPresent() != lstm) {
      throw new IllegalArgumentException(lstm
          ? "initial state of an LSTM needs c (L·D, B, H) as well as h"
          : "initial state c is only for the LSTM, this layer is " + config.cell());
    }
  }
}
