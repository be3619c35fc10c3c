package org.rnn4j.nn.recurrent;

import java.util.Arrays;
import org.rnn4j.tensor.Tensor;

/** Argument checks of {@link Recurrent#forward}, with messages that name what is wrong. */
final class RecurrentShapes {
  private RecurrentShapes() {}

  /** Checks dense inputs x (B, T, I), the lengths and the initial state. */
  static void check(RecurrentConfig config, Tensor x, int[] lengths, RecurrentState initial) {
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
    if (lengths.length != b) {
      throw new IllegalArgumentException(
          "lengths must have one entry per sequence: expected " + b + ", got " + lengths.length);
    }
    checkLengthsAndState(config, x.dim(1), "input shape " + Arrays.toString(x.shape()), lengths,
        initial);
  }

  /** Checks token ids (B, T) with B = lengths.length, their embedding E (V, E), and the rest. */
  static void checkIds(RecurrentConfig config, Tensor embedding, int[] ids, int[] lengths,
      RecurrentState initial) {
    if (embedding.rank() != 2 || embedding.dim(1) != config.inputSize()) {
      throw new IllegalArgumentException("embedding weight must be (V, E) with E = inputSize "
          + config.inputSize() + ", got shape " + Arrays.toString(embedding.shape()));
    }
    int b = lengths.length;
    if (b == 0 || ids.length % b != 0) {
      throw new IllegalArgumentException("ids must hold B·T ids for B = lengths.length = " + b
          + " ≥ 1 sequences, got " + ids.length);
    }
    int v = embedding.dim(0);
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 0 || ids[i] >= v) {
        throw new IllegalArgumentException(
            "ids: id at position " + i + " must lie in [0, " + v + "), got " + ids[i]);
      }
    }
    int t = ids.length / b;
    checkLengthsAndState(config, t, "ids shape [" + b + ", " + t + "]", lengths, initial);
  }

  private static void checkLengthsAndState(RecurrentConfig config, int t, String inputShape,
      int[] lengths, RecurrentState initial) {
    int b = lengths.length;
    for (int i = 0; i < b; i++) {
      if (lengths[i] < 0 || lengths[i] > t) {
        throw new IllegalArgumentException(
            "lengths[" + i + "] must lie in [0, " + t + "] (T of " + inputShape + "), got "
                + lengths[i]);
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
